package fr.asso.europlie.plie.json.funds;

import static fr.asso.europlie.plie.json.offer.OperationJson.built;
import static fr.asso.europlie.plie.json.offer.OperationJson.identifier;
import static fr.asso.europlie.plie.json.offer.OperationJson.organisation;

import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.Movement;
import fr.asso.europlie.plie.funds.MovementKind;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.funds.ServiceDoneCheck;
import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The global grant document of the PLIE interchange format ({@code "format": "plie/global-grant"}):
 * an OI's {@link GlobalGrant} with its envelopes and the journal of the ledger commands applied,
 * plus the movements they made for readers' convenience. See {@code docs/offer-and-funds.md}.
 *
 * <p>Reading replays the journal, so every rule of the ledger is checked again; the movements
 * written in the document must be those the replay makes. Every problem is reported at once with
 * its JSON path ({@link InvalidDocumentException}).
 */
public final class GlobalGrantJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/global-grant";

    /**
     * The kind of document of one ledger command ({@code "format": "plie/ledger-command"}): an entry
     * of a global grant's journal on its own, as a store keeps each row of the journal.
     */
    public static final String COMMAND_FORMAT = "plie/ledger-command";

    private GlobalGrantJson() {
    }

    /**
     * Writes a global grant as a JSON document.
     *
     * @param grant the grant, not null
     * @return the indented JSON text
     */
    public static String write(GlobalGrant grant) {
        return JsonFormat.write(storedTree(grant));
    }

    /**
     * Writes a grant as compact JSON text, without white space between tokens: what a store keeps
     * (the reader accepts either form).
     *
     * @param grant the value, not null
     * @return the compact JSON text
     */
    public static String writeCompact(GlobalGrant grant) {
        return JsonFormat.writeCompact(storedTree(grant));
    }

    private static ObjectNode storedTree(GlobalGrant grant) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
        root.put("id", grant.id().value());
        root.put("intermediateBody", grant.intermediateBody().value());
        ArrayNode envelopes = root.putArray("envelopes");
        grant.envelopes().forEach((key, amount) -> envelopes.addObject().setAll(envelope(key)).put("amount", amount.toString()));
        ArrayNode priorities = root.putArray("priorities");
        grant.priorities().forEach((priority, category) -> priorities.addObject().put("priority", priority)
                .put("regionCategory", category.name()));
        ArrayNode journal = root.putArray("journal");
        grant.journal().forEach(command -> journal.add(command(command)));
        ArrayNode movements = root.putArray("movements");
        for (Movement m : grant.movements()) {
            ObjectNode node = movements.addObject().put("sequence", m.sequence()).put("kind", m.kind().name());
            if (m.paymentKind() != null) {
                node.put("paymentKind", m.paymentKind().name());
            }
            node.put("operation", m.operation().value()).set("envelope", envelope(m.envelope()));
            node.put("amount", m.amount().toString()).put("actor", m.actor()).put("at", m.at().toString()).put("reason", m.reason())
                    .put("key", m.key().value());
        }
        return root;
    }

    /**
     * Reads a global grant document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the grant
     * @throws InvalidDocumentException with every problem found
     */
    public static GlobalGrant read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads a global grant document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the grant and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<GlobalGrant> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, GlobalGrantJson::grant);
    }

    /**
     * Writes one ledger command as a document of its own ({@link #COMMAND_FORMAT}), the members
     * of its entry in a grant's journal.
     *
     * @param command the command, not null
     * @return the indented JSON text
     */
    public static String writeCommand(LedgerCommand command) {
        ObjectNode root = JsonFormat.envelope(COMMAND_FORMAT);
        root.setAll(command(command));
        return JsonFormat.write(root);
    }

    /**
     * Reads one ledger command written by {@link #writeCommand}, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the command
     * @throws InvalidDocumentException with every problem found
     */
    public static LedgerCommand readCommand(String json) {
        return JsonFormat.read(json, COMMAND_FORMAT, UnknownFields.REJECT, GlobalGrantJson::command).value();
    }

    private static GlobalGrant grant(Node node) {
        GlobalGrantId id = identifier(node, "id", GlobalGrantId::of);
        OrganisationId oi = organisation(node, "intermediateBody");
        Map<EnvelopeKey, Money> envelopes = new LinkedHashMap<>();
        List<EnvelopeKey> keys = node.list("envelopes", true, e -> {
            EnvelopeKey key = envelope(e);
            Money amount = e.money("amount");
            if (amount != null) {
                e.convert("amount", () -> amount.requireNonNegative("amount"));
            }
            if (key != null && amount != null && envelopes.put(key, amount) != null) {
                e.problems().add(Violation.of(FundsError.DUPLICATE, e.path(), key));
            }
            return key;
        });
        Map<String, RegionCategory> priorities = new LinkedHashMap<>();
        node.list("priorities", true, p -> {
            String priority = p.text("priority");
            RegionCategory category = p.enumValue("regionCategory", RegionCategory.class);
            if (priority != null && category != null && priorities.put(priority, category) != null) {
                p.problems().add(Violation.of(FundsError.DUPLICATE, p.path(), priority));
            }
            return priority;
        });
        List<LedgerCommand> journal = node.list("journal", true, GlobalGrantJson::command);
        List<Movement> movements = node.list("movements", false, GlobalGrantJson::movement);
        if (node.problems().anyBlocking()) {
            return null;
        }
        GlobalGrant grant = node.convert(null, () -> GlobalGrant.replay(id, oi, envelopes, priorities, journal));
        if (grant != null && !movements.equals(grant.movements())) {
            int differs = 0;
            while (differs < movements.size() && differs < grant.movements().size()
                    && movements.get(differs).equals(grant.movements().get(differs))) {
                differs++;
            }
            node.problems().add(Violation.of(JsonError.BAD_VALUE, "$.movements[" + differs + "]",
                    differs < movements.size() ? movements.get(differs).kind() + " " + movements.get(differs).amount() : "-",
                    differs < grant.movements().size() ? "the movement made by $.journal: " + grant.movements().get(differs).kind() + " "
                            + grant.movements().get(differs).amount() : "no more movements"));
        }
        return grant;
    }

    private static Movement movement(Node node) {
        Long sequence = node.longInteger("sequence");
        MovementKind kind = node.enumValue("kind", MovementKind.class);
        PaymentKind paymentKind = node.has("paymentKind") ? node.enumValue("paymentKind", PaymentKind.class) : null;
        OperationId operation = identifier(node, "operation", OperationId::of);
        EnvelopeKey envelope = node.object("envelope", GlobalGrantJson::envelope);
        Money amount = node.money("amount");
        Instant at = node.instant("at");
        IdempotencyKey key = identifier(node, "key", IdempotencyKey::of);
        String actor = node.text("actor");
        String reason = node.text("reason");
        return built(node, () -> new Movement(sequence, kind, paymentKind, operation, envelope, amount, actor, at, reason, key), sequence,
                kind, operation, envelope, amount, actor, at, reason, key);
    }

    private static ObjectNode envelope(EnvelopeKey key) {
        return JsonFormat.object().put("priority", key.priority()).put("specificObjective", key.specificObjective())
                .put("year", key.year().getValue());
    }

    private static EnvelopeKey envelope(Node node) {
        String priority = node.text("priority");
        String objective = node.text("specificObjective");
        var year = node.year("year");
        return built(node, () -> new EnvelopeKey(priority, objective, year), priority, objective, year);
    }

    private static ObjectNode command(LedgerCommand command) {
        ObjectNode node = JsonFormat.object();
        node.put("type", command.getClass().getSimpleName()).put("key", command.key().value());
        if (command instanceof LedgerCommand.RecordServiceDone check) {
            ServiceDoneCheck c = check.check();
            ObjectNode checkNode = node.putObject("check");
            checkNode.put("operation", c.operation().value()).put("controller", c.controller()).put("at", c.at().toString())
                    .put("declared", c.declared().toString());
            ArrayNode rejections = checkNode.putArray("rejections");
            c.rejections().forEach(r -> rejections.addObject().put("amount", r.amount().toString()).put("reason", r.reason()));
            checkNode.put("participantsDeclared", c.participantsDeclared()).put("participantsAccepted", c.participantsAccepted());
            return node.put("reason", command.reason());
        }
        node.put("operation", command.operation().value());
        if (command instanceof LedgerCommand.Reserve reserve) {
            node.set("envelope", envelope(reserve.envelope()));
        }
        if (command instanceof LedgerCommand.Pay pay) {
            node.put("kind", pay.kind().name());
        }
        if (command instanceof LedgerCommand.Commit commit) {
            node.put("eligibleCost", commit.eligibleCost().toString());
        }
        return node.put("amount", amount(command).toString()).put("actor", command.actor()).put("at", command.at().toString())
                .put("reason", command.reason());
    }

    private static Money amount(LedgerCommand command) {
        if (command instanceof LedgerCommand.Reserve c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Release c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Commit c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Pay c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.TopUp c) {
            return c.amount();
        }
        return ((LedgerCommand.Decommit) command).amount();
    }

    private static LedgerCommand command(Node node) {
        String type = node.text("type");
        IdempotencyKey key = identifier(node, "key", IdempotencyKey::of);
        String reason = node.text("reason");
        if ("RecordServiceDone".equals(type)) {
            ServiceDoneCheck check = node.object("check", c -> {
                OperationId operation = identifier(c, "operation", OperationId::of);
                Instant at = c.instant("at");
                Money declared = c.money("declared");
                List<ServiceDoneCheck.Rejection> rejections = c.list("rejections", true, r -> {
                    Money amount = r.money("amount");
                    String why = r.text("reason");
                    return built(r, () -> new ServiceDoneCheck.Rejection(amount, why), amount, why);
                });
                Integer declaredCount = c.integer("participantsDeclared");
                Integer acceptedCount = c.integer("participantsAccepted");
                String controller = c.text("controller");
                return built(c, () -> new ServiceDoneCheck(operation, controller, at, declared, rejections, declaredCount, acceptedCount),
                        operation, controller, at, declared, declaredCount, acceptedCount);
            });
            return built(node, () -> new LedgerCommand.RecordServiceDone(key, check, reason), key, check, reason);
        }
        OperationId operation = identifier(node, "operation", OperationId::of);
        Money amount = node.money("amount");
        String actor = node.text("actor");
        Instant at = node.instant("at");
        EnvelopeKey envelope = "Reserve".equals(type) ? node.object("envelope", GlobalGrantJson::envelope) : null;
        PaymentKind kind = "Pay".equals(type) ? node.enumValue("kind", PaymentKind.class) : null;
        Money eligibleCost = "Commit".equals(type) ? node.money("eligibleCost") : null;
        if (type == null || key == null || operation == null || amount == null || actor == null || at == null || reason == null) {
            return null;
        }
        return switch (type) {
            case "Reserve" -> built(node, () -> new LedgerCommand.Reserve(key, operation, envelope, amount, actor, at, reason), envelope);
            case "Release" -> node.convert(null, () -> new LedgerCommand.Release(key, operation, amount, actor, at, reason));
            case "Commit" -> built(node, () -> new LedgerCommand.Commit(key, operation, amount, eligibleCost, actor, at, reason), eligibleCost);
            case "Pay" -> built(node, () -> new LedgerCommand.Pay(key, operation, kind, amount, actor, at, reason), kind);
            case "Decommit" -> node.convert(null, () -> new LedgerCommand.Decommit(key, operation, amount, actor, at, reason));
            case "TopUp" -> node.convert(null, () -> new LedgerCommand.TopUp(key, operation, amount, actor, at, reason));
            default -> {
                node.problems().add(Violation.of(JsonError.BAD_VALUE, node.path() + ".type", type,
                        List.of("Reserve", "Release", "Commit", "TopUp", "Pay", "Decommit", "RecordServiceDone")));
                yield null;
            }
        };
    }
}
