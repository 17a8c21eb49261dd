package fr.asso.europlie.plie.json.offer;

import static fr.asso.europlie.plie.json.offer.OperationJson.built;
import static fr.asso.europlie.plie.json.offer.OperationJson.identifier;
import static fr.asso.europlie.plie.json.offer.OperationJson.organisation;

import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.GovernanceJson;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Adoption;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingAmendment;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.offer.TechnicalOpinion;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The programming document of the PLIE interchange format ({@code "format": "plie/programming"}):
 * a whole annual {@link Programming} with its call for proposals, axis mapping, applications
 * (operation, appraisal, PTI complementarity marking, steering committee decision), adoption and
 * amendments. See {@code docs/offer-and-funds.md}.
 *
 * <p>Reading checks the envelope, every member, and the programming's invariants (no axis over its
 * envelope, decisions only on appraised and marked operations...), and reports every problem at
 * once with its JSON path ({@link InvalidDocumentException}).
 */
public final class ProgrammingJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/programming";

    /**
     * The format version written: 2.0 since each decision states the FSE+ it approves
     * ({@code approvedEsf}) and its justification of an operation marked redundant
     * ({@code redundancyJustification}).
     */
    public static final String VERSION = "2.0";

    /** The major versions read: 2, and 1 (upgraded on reading, see {@link Legacy}). */
    private static final java.util.Set<String> MAJORS = java.util.Set.of("1", "2");

    /**
     * What a document of format 1.x does not hold and its reader needs to upgrade it to 2.0: the
     * programming's offer settings (an approval of format 1 approves the FSE+ asked, capped at the
     * per-operation co-financing rate of the call's region category times the approved amount, as a
     * decision that does not state its FSE+ does now) and, for the first layout of format 1 (before
     * the steering committee was kept with the programming), the plan's steering committee under
     * the call's protocol.
     *
     * @param steeringCommittees the steering committee of a protocol of the plan, empty when unknown;
     *     null for none known
     * @param settings the offer settings stored with the programming, null when unknown (the FSE+
     *     asked, at most the approved amount, is then read, as format 1 programmed it)
     */
    public record Legacy(java.util.function.Function<fr.asso.europlie.plie.protocol.ProtocolId,
            java.util.Optional<SteeringCommittee>> steeringCommittees, fr.asso.europlie.plie.offer.OfferSettings settings) {

        /** Nothing known: format 1.x documents read with what they hold. */
        public static final Legacy NONE = new Legacy(null, null);

        SteeringCommittee committeeOf(CallForProposals call) {
            return steeringCommittees == null || call == null ? null : steeringCommittees.apply(call.protocol()).orElse(null);
        }

        java.math.BigDecimal rateOf(CallForProposals call) {
            return settings == null || call == null ? null : settings.operationCoFinancingRatePercent(call.regionCategory());
        }
    }

    private ProgrammingJson() {
    }

    /**
     * Writes a programming as a JSON document.
     *
     * @param programming the programming, not null
     * @return the indented JSON text
     */
    public static String write(Programming programming) {
        return JsonFormat.write(storedTree(programming));
    }

    /**
     * Writes a programming as compact JSON text, without white space between tokens: what a store keeps
     * (the reader accepts either form).
     *
     * @param programming the value, not null
     * @return the compact JSON text
     */
    public static String writeCompact(Programming programming) {
        return JsonFormat.writeCompact(storedTree(programming));
    }

    private static ObjectNode storedTree(Programming programming) {
        ObjectNode root = JsonFormat.envelope(FORMAT, VERSION);
        root.set("call", call(programming.call()));
        ArrayNode mapping = root.putArray("axisMapping");
        programming.mapping().targets().forEach((axis, target) -> mapping.addObject().put("axis", axis.name())
                .put("strategicAxis", target.value()));
        root.put("department", programming.department().value());
        root.set("steeringCommittee", GovernanceJson.writeSteeringCommittee(programming.steeringCommittee()));
        root.put("state", programming.state().name());
        ArrayNode applications = root.putArray("applications");
        for (Application a : programming.applications()) {
            ObjectNode node = applications.addObject();
            node.set("operation", OperationJson.operation(a.operation()));
            node.put("submittedOn", a.submittedOn().toString());
            a.appraisalIfAny().ifPresent(p -> node.putObject("appraisal").put("instructor", p.instructor())
                    .put("opinion", p.opinion().name()).put("proposedAmount", p.proposedAmount().toString())
                    .put("remarks", p.remarks()).put("at", p.at().toString()));
            a.markingIfAny().ifPresent(m -> node.putObject("ptiMarking").put("complementarity", m.complementarity().name())
                    .put("justification", m.justification()).put("markedBy", m.markedBy().value())
                    .put("markedByPerson", m.markedByPerson()).put("at", m.at().toString()));
            a.decisionIfAny().ifPresent(d -> node.set("decision", decision(d, false)));
        }
        programming.technicalOpinion().ifPresent(t -> root.putObject("technicalOpinion").put("opinion", t.opinion().name())
                .put("remarks", t.remarks()).put("committeeReference", t.committeeReference()).put("recordedBy", t.recordedBy())
                .put("at", t.at().toString()));
        programming.adoption().ifPresent(a -> {
            ObjectNode adoption = root.putObject("adoption");
            adoption.set("decision", GovernanceJson.writeDecision(a.decision()));
            adoption.put("recordedBy", a.recordedBy()).put("at", a.at().toString());
        });
        ArrayNode amendments = root.putArray("amendments");
        for (ProgrammingAmendment amendment : programming.amendments()) {
            ObjectNode node = amendments.addObject().put("number", amendment.number()).put("reason", amendment.reason());
            node.set("decision", decision(amendment.decision(), true));
            if (amendment.previous() != null) {
                node.set("previous", decision(amendment.previous(), true));
            }
        }
        return root;
    }

    /**
     * Reads a programming document, rejecting unknown members.
     *
     * @param json the JSON text
     * @return the programming
     * @throws InvalidDocumentException with every problem found
     */
    public static Programming read(String json) {
        return read(json, UnknownFields.REJECT).value();
    }

    /**
     * Reads a programming document of format 2.x, or of format 1.x upgraded with what it lacks,
     * rejecting unknown members; the programming read enforces the same rules as one written now.
     *
     * @param json the JSON text
     * @param legacy what a format 1.x document lacks, not null ({@link Legacy#NONE} when unknown)
     * @return the programming
     * @throws InvalidDocumentException with every problem found, among them a format 1.x document
     *     of the first layout without the steering committee given, and ({@code PLIE-JSON-005}) a
     *     decision or adoption of that layout, which recorded no members present and so cannot be
     *     checked against the committee's quorum
     */
    public static Programming read(String json, Legacy legacy) {
        java.util.Objects.requireNonNull(legacy, "legacy");
        return JsonFormat.read(json, FORMAT, MAJORS, UnknownFields.REJECT, fr.asso.europlie.plie.json.ReadLimits.defaults(),
                node -> programming(node, legacy)).value();
    }

    /**
     * Reads a programming document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the programming and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<Programming> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, MAJORS, unknownFields, fr.asso.europlie.plie.json.ReadLimits.defaults(),
                node -> programming(node, Legacy.NONE));
    }

    /** How the decisions of the document being read are laid out, and what upgrades them. */
    private record Layout(boolean formatOne, boolean beforeCommittee, java.math.BigDecimal rate, Map<OperationId, Operation> operations,
            java.util.Set<OperationId> redundant) {

        /** The FSE+ a format-1 approval approved: the FSE+ asked, capped at rate x amount (or at the amount). */
        Money esfOfFormatOne(OperationId id, Money amount, SteeringDecision.Outcome outcome) {
            Operation operation = operations.get(id);
            if (outcome != SteeringDecision.Outcome.APPROVED || operation == null || amount == null) {
                return Money.ZERO;
            }
            Money asked = operation.financingPlan().esfShare();
            return rate == null ? asked.min(amount) : asked.min(fr.asso.europlie.plie.offer.FinancingPlan.esfCap(amount, rate));
        }
    }

    private static Programming programming(Node node, Legacy legacy) {
        String version = node.text("formatVersion");
        boolean formatOne = version != null && version.startsWith("1.");
        boolean beforeCommittee = formatOne && !node.has("steeringCommittee");
        CallForProposals call = node.object("call", ProgrammingJson::call);
        Layout layout = new Layout(formatOne, beforeCommittee, legacy.rateOf(call), new java.util.HashMap<>(), new java.util.HashSet<>());
        Map<ProgrammingAxis, StrategicAxisId> targets = new EnumMap<>(ProgrammingAxis.class);
        node.list("axisMapping", true, m -> {
            ProgrammingAxis axis = m.enumValue("axis", ProgrammingAxis.class);
            StrategicAxisId target = identifier(m, "strategicAxis", StrategicAxisId::of);
            if (axis != null && target != null) {
                targets.put(axis, target);
            }
            return axis;
        });
        OrganisationId department = organisation(node, "department");
        SteeringCommittee steering;
        if (beforeCommittee) {
            // First layout of format 1: the committee was not kept with the programming; the plan's is given.
            steering = legacy.committeeOf(call);
            if (steering == null) {
                node.problems().add(Violation.of(fr.asso.europlie.plie.json.JsonError.MISSING, node.path() + ".steeringCommittee",
                        "format " + version));
            }
        } else {
            steering = node.object("steeringCommittee", GovernanceJson::readSteeringCommittee);
        }
        ProgrammingState state = node.enumValue("state", ProgrammingState.class);
        List<Application> applications = node.list("applications", true, a -> application(a, layout));
        TechnicalOpinion technicalOpinion = node.optionalObject("technicalOpinion", t -> {
            Appraisal.Opinion opinion = t.enumValue("opinion", Appraisal.Opinion.class);
            String remarks = t.text("remarks");
            String reference = t.text("committeeReference");
            String by = t.text("recordedBy");
            var at = t.instant("at");
            return built(t, () -> new TechnicalOpinion(opinion, remarks, reference, by, at), opinion, remarks, reference, by, at);
        });
        Adoption adoption = node.optionalObject("adoption", a -> {
            if (beforeCommittee) {
                return unreadableDecision(a);
            }
            Decision<AdoptionOutcome> decision = a.object("decision", d -> GovernanceJson.readDecision(d, AdoptionOutcome.class));
            var at = a.instant("at");
            String by = a.text("recordedBy");
            return built(a, () -> new Adoption(decision, by, at), decision, by, at);
        });
        List<ProgrammingAmendment> amendments = node.list("amendments", false, a -> {
            Integer number = a.integer("number");
            String reason = a.text("reason");
            SteeringDecision decision = a.object("decision", d -> decision(d, null, layout));
            SteeringDecision previous = a.optionalObject("previous", d -> decision(d, null, layout));
            return built(a, () -> new ProgrammingAmendment(number, decision, previous, reason), number, decision, reason);
        });
        if (node.problems().anyBlocking()) {
            return null;
        }
        return node.convert(null, () -> Programming.restore(call, new AxisMapping(targets), department, steering, state, applications,
                technicalOpinion, adoption, amendments));
    }

    /**
     * A decision of the first layout of format 1 (outcome, reference and reason as free text, no
     * members present): refused, since the committee's quorum cannot be checked on it and members
     * present are never made up.
     */
    private static <T> T unreadableDecision(Node node) {
        node.problems().add(Violation.of(fr.asso.europlie.plie.json.JsonError.BAD_VALUE, node.path(),
                "format 1.0 decision without members present", "a decision of the steering committee with its members present"));
        return null;
    }

    private static Application application(Node node, Layout layout) {
        Operation operation = node.object("operation", OperationJson::operation);
        if (operation != null) {
            layout.operations().put(operation.id(), operation);
        }
        var submittedOn = node.date("submittedOn");
        OperationId id = operation == null ? null : operation.id();
        Appraisal appraisal = node.optionalObject("appraisal", p -> {
            Appraisal.Opinion opinion = p.enumValue("opinion", Appraisal.Opinion.class);
            Money amount = p.money("proposedAmount");
            var at = p.instant("at");
            String instructor = p.text("instructor");
            String remarks = p.text("remarks");
            return built(p, () -> new Appraisal(id, instructor, opinion, amount, remarks, at), id, instructor, opinion, amount, remarks, at);
        });
        PtiMarking marking = node.optionalObject("ptiMarking", m -> {
            PtiMarking.Complementarity complementarity = m.enumValue("complementarity", PtiMarking.Complementarity.class);
            OrganisationId by = organisation(m, "markedBy");
            var at = m.instant("at");
            String justification = m.text("justification");
            String person = m.text("markedByPerson");
            return built(m, () -> new PtiMarking(id, complementarity, justification, by, person, at), id, complementarity, justification,
                    by, person, at);
        });
        if (marking != null && marking.complementarity() == PtiMarking.Complementarity.REDUNDANT) {
            layout.redundant().add(id);
        }
        SteeringDecision decision = node.optionalObject("decision", d -> decision(d, id, layout));
        return built(node, () -> new Application(operation, submittedOn, appraisal, marking, decision), operation, submittedOn);
    }

    private static ObjectNode decision(SteeringDecision d, boolean withOperation) {
        ObjectNode node = JsonFormat.object();
        if (withOperation) {
            node.put("operation", d.operation().value());
        }
        node.put("approvedAmount", d.approvedAmount().toString());
        node.put("approvedEsf", d.approvedEsf().toString());
        node.set("decision", GovernanceJson.writeDecision(d.decision()));
        if (d.justifiesRedundancy()) {
            node.put("redundancyJustification", d.redundancyJustification());
        }
        return node.put("recordedBy", d.recordedBy()).put("at", d.at().toString());
    }

    /** Reads a decision; its operation is the application's, or its own member when {@code operation} is null. */
    private static SteeringDecision decision(Node node, OperationId operation, Layout layout) {
        if (layout.beforeCommittee()) {
            return unreadableDecision(node);
        }
        OperationId id = operation != null ? operation : identifier(node, "operation", OperationId::of);
        Money amount = node.money("approvedAmount");
        Decision<SteeringDecision.Outcome> decision = node.object("decision",
                d -> GovernanceJson.readDecision(d, SteeringDecision.Outcome.class));
        Money esf;
        String justification;
        if (layout.formatOne()) {
            // Format 1: the FSE+ was not stated (the default applies), and the reasons of an approval of an
            // operation marked redundant were its justification.
            esf = decision == null ? null : layout.esfOfFormatOne(id, amount, decision.outcome());
            justification = decision == null || decision.outcome() != SteeringDecision.Outcome.APPROVED || !layout.redundant().contains(id)
                    ? "" : decision.reasons();
        } else {
            esf = node.money("approvedEsf");
            justification = node.optionalText("redundancyJustification");
        }
        var at = node.instant("at");
        String by = node.text("recordedBy");
        return built(node, () -> new SteeringDecision(id, amount, esf, decision, justification, by, at), id, amount, esf, decision, by,
                at);
    }

    /**
     * Writes a call for proposals as a JSON object.
     *
     * @param call the call
     * @return the object
     */
    public static ObjectNode call(CallForProposals call) {
        ObjectNode node = JsonFormat.object();
        node.put("id", call.id().value()).put("protocol", call.protocol().value()).put("year", call.year().getValue());
        node.set("eligibility", OperationJson.period(call.eligibility()));
        node.put("closingDate", call.closingDate().toString()).put("regionCategory", call.regionCategory().name());
        ArrayNode envelopes = node.putArray("envelopes");
        call.envelopes().forEach((axis, amount) -> envelopes.addObject().put("axis", axis.name()).put("amount", amount.toString()));
        return node;
    }

    /**
     * Reads a call for proposals.
     *
     * @param node the object
     * @return the call, or null when a problem was recorded
     */
    public static CallForProposals call(Node node) {
        CallId id = identifier(node, "id", CallId::of);
        ProtocolId protocol = identifier(node, "protocol", ProtocolId::of);
        var year = node.year("year");
        var eligibility = node.object("eligibility", OperationJson::period);
        var closing = node.date("closingDate");
        RegionCategory category = node.enumValue("regionCategory", RegionCategory.class);
        Map<ProgrammingAxis, Money> envelopes = new EnumMap<>(ProgrammingAxis.class);
        List<ProgrammingAxis> axes = node.list("envelopes", true, e -> {
            ProgrammingAxis axis = e.enumValue("axis", ProgrammingAxis.class);
            Money amount = e.money("amount");
            if (axis != null && amount != null && envelopes.put(axis, amount) != null) {
                // An axis given twice: refused at the second, never silently merged.
                e.problems().add(Violation.of(OfferError.DUPLICATE, e.path() + ".axis", axis));
            }
            return axis;
        });
        return axes.size() != envelopes.size() ? null : built(node, () -> new CallForProposals(id, protocol, year, eligibility, closing,
                category, envelopes), id, protocol, year, eligibility, closing, category);
    }
}
