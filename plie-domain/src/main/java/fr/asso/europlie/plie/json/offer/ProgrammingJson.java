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

    private ProgrammingJson() {
    }

    /**
     * Writes a programming as a JSON document.
     *
     * @param programming the programming, not null
     * @return the indented JSON text
     */
    public static String write(Programming programming) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
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
        return JsonFormat.write(root);
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
     * Reads a programming document.
     *
     * @param json the JSON text
     * @param unknownFields reject unknown members, or keep them in the result
     * @return the programming and the unknown members kept
     * @throws InvalidDocumentException with every problem found
     */
    public static Document<Programming> read(String json, UnknownFields unknownFields) {
        return JsonFormat.read(json, FORMAT, unknownFields, ProgrammingJson::programming);
    }

    private static Programming programming(Node node) {
        CallForProposals call = node.object("call", ProgrammingJson::call);
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
        SteeringCommittee steering = node.object("steeringCommittee", GovernanceJson::readSteeringCommittee);
        ProgrammingState state = node.enumValue("state", ProgrammingState.class);
        List<Application> applications = node.list("applications", true, ProgrammingJson::application);
        TechnicalOpinion technicalOpinion = node.optionalObject("technicalOpinion", t -> {
            Appraisal.Opinion opinion = t.enumValue("opinion", Appraisal.Opinion.class);
            String remarks = t.text("remarks");
            String reference = t.text("committeeReference");
            String by = t.text("recordedBy");
            var at = t.instant("at");
            return built(t, () -> new TechnicalOpinion(opinion, remarks, reference, by, at), opinion, remarks, reference, by, at);
        });
        Adoption adoption = node.optionalObject("adoption", a -> {
            Decision<AdoptionOutcome> decision = a.object("decision", d -> GovernanceJson.readDecision(d, AdoptionOutcome.class));
            var at = a.instant("at");
            String by = a.text("recordedBy");
            return built(a, () -> new Adoption(decision, by, at), decision, by, at);
        });
        List<ProgrammingAmendment> amendments = node.list("amendments", false, a -> {
            Integer number = a.integer("number");
            String reason = a.text("reason");
            SteeringDecision decision = a.object("decision", d -> decision(d, null));
            SteeringDecision previous = a.optionalObject("previous", d -> decision(d, null));
            return built(a, () -> new ProgrammingAmendment(number, decision, previous, reason), number, decision, reason);
        });
        if (node.problems().anyBlocking()) {
            return null;
        }
        return node.convert(null, () -> Programming.restore(call, new AxisMapping(targets), department, steering, state, applications,
                technicalOpinion, adoption, amendments));
    }

    private static Application application(Node node) {
        Operation operation = node.object("operation", OperationJson::operation);
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
        SteeringDecision decision = node.optionalObject("decision", d -> decision(d, id));
        return built(node, () -> new Application(operation, submittedOn, appraisal, marking, decision), operation, submittedOn);
    }

    private static ObjectNode decision(SteeringDecision d, boolean withOperation) {
        ObjectNode node = JsonFormat.object();
        if (withOperation) {
            node.put("operation", d.operation().value());
        }
        node.put("approvedAmount", d.approvedAmount().toString());
        node.set("decision", GovernanceJson.writeDecision(d.decision()));
        return node.put("recordedBy", d.recordedBy()).put("at", d.at().toString());
    }

    /** Reads a decision; its operation is the application's, or its own member when {@code operation} is null. */
    private static SteeringDecision decision(Node node, OperationId operation) {
        OperationId id = operation != null ? operation : identifier(node, "operation", OperationId::of);
        Money amount = node.money("approvedAmount");
        Decision<SteeringDecision.Outcome> decision = node.object("decision",
                d -> GovernanceJson.readDecision(d, SteeringDecision.Outcome.class));
        var at = node.instant("at");
        String by = node.text("recordedBy");
        return built(node, () -> new SteeringDecision(id, amount, decision, by, at), id, amount, decision, by, at);
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
