package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.AnimationMission;
import fr.asso.europlie.plie.protocol.AnimationStructure;
import fr.asso.europlie.plie.protocol.Deliberation;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.DiagnosticItem;
import fr.asso.europlie.plie.protocol.IntermediateBody;
import fr.asso.europlie.plie.protocol.Negotiation;
import fr.asso.europlie.plie.protocol.Objectives;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolPeriod;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.ProtocolVersion;
import fr.asso.europlie.plie.protocol.PtiAxis;
import fr.asso.europlie.plie.protocol.SharedDiagnostic;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.protocol.SignatoryKind;
import fr.asso.europlie.plie.protocol.Signature;
import fr.asso.europlie.plie.protocol.StrategicAxis;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.protocol.TerritorialInsertionPact;
import fr.asso.europlie.plie.territory.DepartmentCode;
import java.time.Instant;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol document of the PLIE interchange format ({@code "format": "plie/protocol"}):
 * a whole {@link Protocol} with its state, revision, versions in force, negotiation in progress
 * and history. See {@code docs/json-format.md}.
 *
 * <p>Reading checks the envelope, every member, and the domain's own rules on the values, and
 * reports every problem at once with its JSON path ({@link InvalidDocumentException}).
 */
public final class ProtocolJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/protocol";

    private ProtocolJson() {
    }

    /**
     * Writes a protocol as a JSON document, indented for a file or a person to read.
     *
     * @param protocol the protocol, not null
     * @return the indented JSON text
     */
    public static String write(Protocol protocol) {
        return JsonFormat.write(tree(protocol));
    }

    /**
     * Writes a protocol as a compact JSON document (no white space between tokens), for a store:
     * the same document as {@link #write} but for the indentation, read back by {@link #read}
     * alike.
     *
     * @param protocol the protocol, not null
     * @return the compact JSON text
     */
    public static String writeCompact(Protocol protocol) {
        return JsonFormat.writeCompact(tree(protocol));
    }

    private static ObjectNode tree(Protocol protocol) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
        root.put("id", protocol.id().value());
        root.put("state", protocol.state().name());
        root.put("revision", protocol.revision());
        ArrayNode versions = root.putArray("versions");
        for (ProtocolVersion v : protocol.versions()) {
            ObjectNode node = versions.addObject();
            node.put("number", v.number());
            node.put("inForceFrom", v.inForceFrom().toString());
            if (v.amendmentReason() != null) {
                node.put("amendmentReason", v.amendmentReason());
            }
            node.set("content", content(v.content()));
            writeAgreement(node, v.adoption(), v.deliberations(), v.signatures());
        }
        protocol.negotiation().ifPresent(n -> {
            ObjectNode node = root.putObject("negotiation");
            node.put("version", n.version());
            node.put("stage", n.stage().name());
            node.put("round", n.round());
            if (n.amendmentReason() != null) {
                node.put("amendmentReason", n.amendmentReason());
            }
            node.set("content", content(n.content()));
            writeAgreement(node, n.adoption(), n.deliberations(), n.signatures());
        });
        ArrayNode events = root.putArray("events");
        for (ProtocolEvent e : protocol.events()) {
            ObjectNode node = events.addObject();
            node.put("type", e.type());
            node.put("id", e.id());
            node.put("version", e.version());
            node.put("at", e.at().toString());
            node.put("actor", e.actor());
            if (e.organisation() != null) {
                node.put("organisation", e.organisation().value());
            }
            if (e.detail() != null) {
                node.put("detail", e.detail());
            }
        }
        return root;
    }

    /**
     * Reads a protocol document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the protocol
     * @throws InvalidDocumentException with every problem found
     */
    public static Protocol read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads a protocol document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the protocol and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<Protocol> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, ProtocolJson::protocol);
    }

    static Protocol protocol(Node node) {
        ProtocolId id = node.convert("id", () -> ProtocolId.of(node.text("id")));
        ProtocolState state = node.enumValue("state", ProtocolState.class);
        Long revision = node.longInteger("revision");
        List<ProtocolVersion> versions = node.list("versions", true, v -> new ProtocolVersion(
                v.integer("number"), v.object("content", ProtocolJson::content), v.date("inForceFrom"),
                v.optionalText("amendmentReason"), v.optionalObject("adoption", ProtocolJson::adoption),
                v.list("deliberations", false, ProtocolJson::deliberation), v.list("signatures", false, ProtocolJson::signature)));
        Negotiation negotiation = node.optionalObject("negotiation", n -> new Negotiation(
                n.integer("version"), n.object("content", ProtocolJson::content), n.enumValue("stage", ProtocolState.class),
                n.integer("round"), n.optionalText("amendmentReason"), n.optionalObject("adoption", ProtocolJson::adoption),
                n.list("deliberations", false, ProtocolJson::deliberation), n.list("signatures", false, ProtocolJson::signature)));
        List<ProtocolEvent> events = node.list("events", true, e -> {
            String type = e.text("type");
            String eventId = e.text("id");
            Integer version = e.integer("version");
            Instant at = e.instant("at");
            String actor = e.text("actor");
            OrganisationId organisation = e.has("organisation") ? e.convert("organisation", () -> OrganisationId.of(e.text("organisation")))
                    : null;
            String detail = e.optionalText("detail");
            // Without the protocol's id (reported at $.id) an event cannot be built: no problem of its own.
            return id == null ? null : ProtocolEvent.of(type, eventId, id, version, at, actor, organisation, detail);
        });
        if (node.problems().anyBlocking()) {
            return null;
        }
        return node.convert(null, () -> Protocol.restore(id, state, revision, versions, negotiation, events));
    }

    // ------------------------------------------------------------------------------------ content

    /**
     * Writes a protocol's content as a JSON object (also used by other documents).
     *
     * @param content the content
     * @return the JSON object
     */
    public static ObjectNode content(ProtocolContent content) {
        ObjectNode node = JsonFormat.object();
        node.put("name", content.name());
        node.set("territory", TerritoryJson.write(content.territory()));
        node.putObject("period").put("first", content.period().first().getValue()).put("last", content.period().last().getValue());
        ArrayNode signatories = node.putArray("signatories");
        for (Signatory s : content.signatories()) {
            ObjectNode signatory = signatories.addObject().put("id", s.id().value()).put("kind", s.kind().name());
            if (s.department() != null) {
                signatory.put("department", s.department().value());
            }
            signatory.put("name", s.name()).put("deliberatingBody", s.deliberatingBody()).put("insertionLead", s.insertionLead())
                    .put("mandatory", s.mandatory());
        }
        ArrayNode publics = node.putArray("targetPublics");
        content.targetPublics().forEach(p -> publics.addObject().put("code", p.code()).put("label", p.label()));
        ObjectNode objectives = node.putObject("objectives");
        objectives.put("participantsOverPeriod", content.objectives().participantsOverPeriod());
        ArrayNode perYear = objectives.putArray("participantsPerYear");
        content.objectives().participantsPerYear().forEach((year, count) -> perYear.addObject().put("year", year.getValue()).put("participants", count));
        objectives.put("positiveExitRatePercent", content.objectives().positiveExitRatePercent().toPlainString());
        ArrayNode axes = node.putArray("strategicAxes");
        content.strategicAxes().forEach(a -> axes.addObject().put("id", a.id().value()).put("title", a.title()).put("ptiAxis", a.ptiAxis()));
        ObjectNode pti = node.putObject("pti");
        pti.put("department", content.pti().department()).put("name", content.pti().name());
        ArrayNode ptiAxes = pti.putArray("axes");
        content.pti().axes().forEach(a -> ptiAxes.addObject().put("code", a.code()).put("title", a.title()));
        ArrayNode ptiGovernance = pti.putArray("governanceBody");
        content.pti().governanceBody().forEach(o -> ptiGovernance.add(o.value()));
        ObjectNode budget = node.putObject("budget");
        ArrayNode contributions = budget.putArray("contributions");
        content.budget().contributions().forEach(c -> contributions.addObject().put("funder", c.funder().value())
                .put("year", c.year().getValue()).put("amount", c.amount().toString()));
        ArrayNode expenses = budget.putArray("plannedExpenses");
        content.budget().plannedExpenses().forEach(e -> expenses.addObject().put("year", e.year().getValue())
                .put("axis", e.axis().value()).put("amount", e.amount().toString()));
        node.set("governance", GovernanceJson.write(content.governance()));
        AnimationStructure animation = content.animationStructure();
        ObjectNode structure = node.putObject("animationStructure");
        structure.put("id", animation.id().value()).put("name", animation.name()).put("form", animation.form().name());
        ArrayNode missions = structure.putArray("missions");
        animation.missions().forEach(m -> missions.add(m.name()));
        ArrayNode bodies = node.putArray("intermediateBodies");
        content.intermediateBodies().forEach(b -> bodies.addObject().put("id", b.id().value()).put("name", b.name()).put("current", b.current()));
        ObjectNode diagnostic = node.putObject("diagnostic");
        content.diagnostic().items().forEach((item, text) -> diagnostic.put(item.name(), text));
        return node;
    }

    /**
     * Reads a protocol's content from a JSON object (also used by other documents).
     *
     * @param node the object's reader
     * @return the content, or null when a problem was recorded
     */
    public static ProtocolContent content(Node node) {
        String name = node.text("name");
        var territory = node.object("territory", TerritoryJson::read);
        ProtocolPeriod period = node.object("period", p -> {
            Year first = p.year("first");
            Year last = p.year("last");
            return first == null || last == null ? null : new ProtocolPeriod(first, last);
        });
        List<Signatory> signatories = node.list("signatories", true, s -> new Signatory(
                s.convert("id", () -> OrganisationId.of(s.text("id"))), s.enumValue("kind", SignatoryKind.class),
                s.text("name"), s.text("deliberatingBody"), s.bool("insertionLead"), s.bool("mandatory"),
                s.has("department") ? s.convert("department", () -> DepartmentCode.of(s.text("department"))) : null));
        List<TargetPublic> publics = node.list("targetPublics", true, p -> new TargetPublic(p.text("code"), p.text("label")));
        Objectives objectives = node.object("objectives", o -> {
            Integer overPeriod = o.integer("participantsOverPeriod");
            SortedMap<Year, Integer> perYear = new TreeMap<>();
            o.list("participantsPerYear", false, y -> {
                Year year = y.year("year");
                Integer count = y.integer("participants");
                if (year != null && count != null) {
                    perYear.put(year, count);
                }
                return year;
            });
            var rate = o.decimal("positiveExitRatePercent");
            return new Objectives(overPeriod, perYear, rate);
        });
        List<StrategicAxis> axes = node.list("strategicAxes", true, a -> new StrategicAxis(
                a.convert("id", () -> StrategicAxisId.of(a.text("id"))), a.text("title"), a.text("ptiAxis")));
        TerritorialInsertionPact pti = node.object("pti", p -> new TerritorialInsertionPact(p.text("department"), p.text("name"),
                p.list("axes", true, a -> new PtiAxis(a.text("code"), a.text("title"))),
                p.texts("governanceBody", true).stream().map(OrganisationId::of).toList()));
        ProtocolBudget budget = node.object("budget", b -> new ProtocolBudget(
                b.list("contributions", true, c -> new Contribution(c.convert("funder", () -> OrganisationId.of(c.text("funder"))),
                        c.year("year"), c.money("amount"))),
                b.list("plannedExpenses", true, e -> new PlannedExpense(e.year("year"),
                        e.convert("axis", () -> StrategicAxisId.of(e.text("axis"))), e.money("amount")))));
        var governance = node.object("governance", GovernanceJson::read);
        AnimationStructure animation = node.object("animationStructure", a -> new AnimationStructure(
                a.convert("id", () -> OrganisationId.of(a.text("id"))), a.text("name"),
                a.enumValue("form", AnimationStructure.Form.class), Set.copyOf(a.enumValues("missions", true, AnimationMission.class))));
        List<IntermediateBody> bodies = node.list("intermediateBodies", true, b -> new IntermediateBody(
                b.convert("id", () -> OrganisationId.of(b.text("id"))), b.text("name"), b.bool("current")));
        SharedDiagnostic diagnostic = node.object("diagnostic", d -> {
            Map<DiagnosticItem, String> items = new EnumMap<>(DiagnosticItem.class);
            for (DiagnosticItem item : DiagnosticItem.values()) {
                String text = d.optionalText(item.name());
                if (text != null) {
                    items.put(item, text);
                }
            }
            return new SharedDiagnostic(items);
        });
        return new ProtocolContent(name, territory, period, signatories, publics, objectives, axes, pti, budget, governance,
                animation, bodies, diagnostic);
    }

    // ------------------------------------------------------------------------------------ agreement

    private static void writeAgreement(ObjectNode node, Decision<AdoptionOutcome> adoption, List<Deliberation> deliberations,
                                       List<Signature> signatures) {
        if (adoption != null) {
            node.set("adoption", GovernanceJson.writeDecision(adoption));
        }
        ArrayNode d = node.putArray("deliberations");
        deliberations.forEach(x -> d.addObject().put("signatory", x.signatory().value()).put("outcome", x.outcome().name())
                .put("reference", x.reference()).put("date", x.date().toString()).put("reasons", x.reasons()));
        ArrayNode s = node.putArray("signatures");
        signatures.forEach(x -> s.addObject().put("signatory", x.signatory().value()).put("date", x.date().toString())
                .put("signedBy", x.signedBy()));
    }

    private static Decision<AdoptionOutcome> adoption(Node node) {
        return GovernanceJson.readDecision(node, AdoptionOutcome.class);
    }

    private static Deliberation deliberation(Node node) {
        return new Deliberation(node.convert("signatory", () -> OrganisationId.of(node.text("signatory"))),
                node.enumValue("outcome", DeliberationOutcome.class), node.text("reference"), node.date("date"),
                node.optionalText("reasons"));
    }

    private static Signature signature(Node node) {
        return new Signature(node.convert("signatory", () -> OrganisationId.of(node.text("signatory"))), node.date("date"),
                node.text("signedBy"));
    }
}
