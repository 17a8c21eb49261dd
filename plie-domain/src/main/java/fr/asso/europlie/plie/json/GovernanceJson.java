package fr.asso.europlie.plie.json;

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
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The governance objects of the interchange format: committees, members, quorum rules and
 * decisions.
 *
 * <pre>
 * "governance": {
 *   "steeringCommittee": { "members": [MEMBER], "chair": MEMBER, "quorum": QUORUM, "convenedBy": "EPCI-200040392" },
 *   "technicalCommittee": { "members": [...], "quorum": QUORUM },
 *   "fundersCommittee": { ... } (absent when merged with the steering committee),
 *   "entryCommission": { "members": [...], "quorum": QUORUM }
 * }
 * MEMBER   = { "name", "organisation", "level": "ELECTED" | "TECHNICAL", "role" (optional) }
 * QUORUM   = { "numerator": 1, "denominator": 2, "strictlyMore": true, "minimumPresent": 1, "mandatoryOrganisation" (optional) }
 * DECISION = { "committee": "STEERING", "present": [MEMBER], "decidedAt": instant, "outcome", "reasons", "reference" (optional) }
 * </pre>
 */
public final class GovernanceJson {

    private GovernanceJson() {
    }

    /**
     * Writes the governance.
     *
     * @param governance the committees
     * @return the JSON object
     */
    public static ObjectNode write(Governance governance) {
        return JsonFormat.tree(g -> write(g, governance));
    }

    /**
     * Writes the governance with a generator, as {@link #write(Governance)} does as a tree.
     *
     * @param g where, not null
     * @param governance the committees
     */
    static void write(JsonGenerator g, Governance governance) {
        g.writeStartObject();
        g.writeName("steeringCommittee");
        writeSteeringCommittee(g, governance.steeringCommittee());
        g.writeName("technicalCommittee");
        committee(g, governance.technicalCommittee());
        g.writeEndObject();
        if (governance.fundersCommittee().isPresent()) {
            g.writeName("fundersCommittee");
            committee(g, governance.fundersCommittee().get());
            g.writeEndObject();
        }
        g.writeName("entryCommission");
        committee(g, governance.entryCommission());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Reads the governance.
     *
     * @param node the object's reader
     * @return the governance, or null when a problem was recorded
     */
    public static Governance read(Node node) {
        SteeringCommittee steering = node.object("steeringCommittee", GovernanceJson::readSteeringCommittee);
        TechnicalCommittee technical = node.object("technicalCommittee", c -> new TechnicalCommittee(
                c.list("members", true, GovernanceJson::readMember), c.object("quorum", GovernanceJson::quorum)));
        FundersCommittee funders = node.optionalObject("fundersCommittee", c -> new FundersCommittee(
                c.list("members", true, GovernanceJson::readMember), c.object("quorum", GovernanceJson::quorum)));
        EntryCommission entry = node.object("entryCommission", c -> new EntryCommission(
                c.list("members", true, GovernanceJson::readMember), c.object("quorum", GovernanceJson::quorum)));
        return new Governance(steering, technical, Optional.ofNullable(funders), entry);
    }

    /**
     * Writes a steering committee: members, quorum, chair and convening organisation.
     *
     * @param steering the committee
     * @return the JSON object
     */
    public static ObjectNode writeSteeringCommittee(SteeringCommittee steering) {
        return JsonFormat.tree(g -> writeSteeringCommittee(g, steering));
    }

    private static void writeSteeringCommittee(JsonGenerator g, SteeringCommittee steering) {
        committee(g, steering);
        g.writeName("chair");
        member(g, steering.chair());
        g.writeStringProperty("convenedBy", steering.convenedBy().value());
        g.writeEndObject();
    }

    /**
     * Reads a steering committee written by {@link #writeSteeringCommittee}.
     *
     * @param c the object's reader
     * @return the committee, or null when a problem was recorded
     */
    public static SteeringCommittee readSteeringCommittee(Node c) {
        return new SteeringCommittee(c.list("members", true, GovernanceJson::readMember), c.object("chair", GovernanceJson::readMember),
                c.object("quorum", GovernanceJson::quorum), c.convert("convenedBy", () -> OrganisationId.of(c.text("convenedBy"))));
    }

    /** Starts a committee's object with its members and quorum; the caller adds what else it has and ends it. */
    private static void committee(JsonGenerator g, Committee committee) {
        g.writeStartObject();
        g.writeName("members");
        writeMembers(g, committee.members());
        QuorumRule rule = committee.quorum();
        g.writeObjectPropertyStart("quorum");
        g.writeNumberProperty("numerator", rule.numerator());
        g.writeNumberProperty("denominator", rule.denominator());
        g.writeBooleanProperty("strictlyMore", rule.strictlyMore());
        g.writeNumberProperty("minimumPresent", rule.minimumPresent());
        if (rule.mandatoryOrganisation().isPresent()) {
            g.writeStringProperty("mandatoryOrganisation", rule.mandatoryOrganisation().get().value());
        }
        g.writeEndObject();
    }

    private static QuorumRule quorum(Node node) {
        return new QuorumRule(node.integer("numerator"), node.integer("denominator"), node.bool("strictlyMore"),
                node.integer("minimumPresent"), node.has("mandatoryOrganisation")
                        ? Optional.of(OrganisationId.of(node.text("mandatoryOrganisation"))) : Optional.empty());
    }

    /**
     * Writes members.
     *
     * @param members the members
     * @return the JSON array
     */
    public static ArrayNode writeMembers(List<Member> members) {
        return JsonFormat.tree(g -> writeMembers(g, members));
    }

    private static void writeMembers(JsonGenerator g, List<Member> members) {
        g.writeStartArray();
        for (Member member : members) {
            member(g, member);
        }
        g.writeEndArray();
    }

    private static void member(JsonGenerator g, Member member) {
        g.writeStartObject();
        g.writeStringProperty("name", member.name());
        g.writeStringProperty("organisation", member.organisation().value());
        g.writeStringProperty("level", member.level().name());
        if (member.role().isPresent()) {
            g.writeStringProperty("role", member.role().get());
        }
        g.writeEndObject();
    }

    /**
     * Reads a member.
     *
     * @param node the object's reader
     * @return the member
     */
    public static Member readMember(Node node) {
        return new Member(node.text("name"), node.convert("organisation", () -> OrganisationId.of(node.text("organisation"))),
                node.enumValue("level", Level.class), Optional.ofNullable(node.optionalText("role")));
    }

    /**
     * Writes a decision.
     *
     * @param decision the decision
     * @return the JSON object
     */
    public static ObjectNode writeDecision(Decision<?> decision) {
        return JsonFormat.tree(g -> writeDecision(g, decision));
    }

    /**
     * Writes a decision with a generator, as {@link #writeDecision(Decision)} does as a tree.
     *
     * @param g where, not null
     * @param decision the decision
     */
    static void writeDecision(JsonGenerator g, Decision<?> decision) {
        g.writeStartObject();
        g.writeStringProperty("committee", decision.committee().name());
        g.writeName("present");
        writeMembers(g, decision.present());
        g.writeStringProperty("decidedAt", decision.decidedAt().toString());
        g.writeStringProperty("outcome", decision.outcome().name());
        g.writeStringProperty("reasons", decision.reasons());
        if (decision.reference().isPresent()) {
            g.writeStringProperty("reference", decision.reference().get());
        }
        g.writeEndObject();
    }

    /**
     * Reads a decision.
     *
     * @param node the object's reader
     * @param outcomes the type of outcome
     * @param <O> the outcome
     * @return the decision
     */
    public static <O extends Enum<O>> Decision<O> readDecision(Node node, Class<O> outcomes) {
        return new Decision<>(node.enumValue("committee", CommitteeKind.class), node.list("present", true, GovernanceJson::readMember),
                node.instant("decidedAt"), node.enumValue("outcome", outcomes), node.text("reasons"),
                Optional.ofNullable(node.optionalText("reference")));
    }
}
