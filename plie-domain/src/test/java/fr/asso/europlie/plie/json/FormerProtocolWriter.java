package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Committee;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.EntryCommission;
import fr.asso.europlie.plie.governance.FundersCommittee;
import fr.asso.europlie.plie.governance.Governance;
import fr.asso.europlie.plie.governance.Level;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.governance.QuorumRule;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.governance.TechnicalCommittee;
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
import fr.asso.europlie.plie.territory.ExclusionPocket;
import fr.asso.europlie.plie.territory.Geography;
import fr.asso.europlie.plie.territory.MunicipalityCode;
import fr.asso.europlie.plie.territory.PriorityNeighbourhood;
import fr.asso.europlie.plie.territory.Territory;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol document's writer as it was until 2026-12-02: a Jackson tree built whole, then
 * written by the mapper. Kept in the tests only, as the reference that the streaming writer of
 * {@link ProtocolJson} must match character for character (same stored documents, same files).
 */
final class FormerProtocolWriter {

    private FormerProtocolWriter() {
    }

    static String writeCompact(Protocol protocol) {
        return JsonFormat.MAPPER.writeValueAsString(tree(protocol));
    }

    static String write(Protocol protocol) {
        return JsonFormat.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(protocol));
    }

    static ObjectNode tree(Protocol protocol) {
        ObjectNode root = JsonFormat.envelope(ProtocolJson.FORMAT);
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

    static ObjectNode content(ProtocolContent content) {
        ObjectNode node = JsonFormat.object();
        node.put("name", content.name());
        node.set("territory", territory(content.territory()));
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
        node.set("governance", governance(content.governance()));
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

    private static void writeAgreement(ObjectNode node, Decision<AdoptionOutcome> adoption, List<Deliberation> deliberations,
                                       List<Signature> signatures) {
        if (adoption != null) {
            node.set("adoption", writeDecision(adoption));
        }
        ArrayNode d = node.putArray("deliberations");
        deliberations.forEach(x -> d.addObject().put("signatory", x.signatory().value()).put("outcome", x.outcome().name())
                .put("reference", x.reference()).put("date", x.date().toString()).put("reasons", x.reasons()));
        ArrayNode s = node.putArray("signatures");
        signatures.forEach(x -> s.addObject().put("signatory", x.signatory().value()).put("date", x.date().toString())
                .put("signedBy", x.signedBy()));
    }

    static ObjectNode governance(Governance governance) {
        ObjectNode node = JsonFormat.object();
        node.set("steeringCommittee", writeSteeringCommittee(governance.steeringCommittee()));
        committee(node.putObject("technicalCommittee"), governance.technicalCommittee());
        governance.fundersCommittee().ifPresent(f -> committee(node.putObject("fundersCommittee"), f));
        committee(node.putObject("entryCommission"), governance.entryCommission());
        return node;
    }

    static ObjectNode writeSteeringCommittee(SteeringCommittee steering) {
        ObjectNode copil = committee(JsonFormat.object(), steering);
        copil.set("chair", member(steering.chair()));
        copil.put("convenedBy", steering.convenedBy().value());
        return copil;
    }

    private static ObjectNode committee(ObjectNode node, Committee committee) {
        node.set("members", writeMembers(committee.members()));
        QuorumRule rule = committee.quorum();
        ObjectNode quorum = node.putObject("quorum");
        quorum.put("numerator", rule.numerator()).put("denominator", rule.denominator()).put("strictlyMore", rule.strictlyMore())
                .put("minimumPresent", rule.minimumPresent());
        rule.mandatoryOrganisation().ifPresent(o -> quorum.put("mandatoryOrganisation", o.value()));
        return node;
    }

    static ArrayNode writeMembers(List<Member> members) {
        ArrayNode array = JsonFormat.MAPPER.createArrayNode();
        members.forEach(m -> array.add(member(m)));
        return array;
    }

    private static ObjectNode member(Member member) {
        ObjectNode node = JsonFormat.object();
        node.put("name", member.name()).put("organisation", member.organisation().value()).put("level", member.level().name());
        member.role().ifPresent(r -> node.put("role", r));
        return node;
    }

    static ObjectNode writeDecision(Decision<?> decision) {
        ObjectNode node = JsonFormat.object();
        node.put("committee", decision.committee().name());
        node.set("present", writeMembers(decision.present()));
        node.put("decidedAt", decision.decidedAt().toString());
        node.put("outcome", decision.outcome().name());
        node.put("reasons", decision.reasons());
        decision.reference().ifPresent(r -> node.put("reference", r));
        return node;
    }

    static ObjectNode territory(Territory territory) {
        ObjectNode node = JsonFormat.object();
        node.put("name", territory.name());
        ArrayNode codes = node.putArray("municipalities");
        territory.municipalityCodes().forEach(c -> codes.add(c.value()));
        ArrayNode qpv = node.putArray("priorityNeighbourhoods");
        territory.priorityNeighbourhoods().forEach(q -> qpv.addObject().put("code", q.code()).put("name", q.name())
                .put("municipality", q.municipality().value()));
        ArrayNode pockets = node.putArray("exclusionPockets");
        territory.exclusionPockets().forEach(p -> {
            ObjectNode pocket = pockets.addObject().put("name", p.name()).put("justification", p.justification());
            ArrayNode members = pocket.putArray("municipalities");
            p.municipalities().forEach(c -> members.add(c.value()));
        });
        return node;
    }
}
