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
        ObjectNode node = JsonFormat.object();
        node.set("steeringCommittee", writeSteeringCommittee(governance.steeringCommittee()));
        committee(node.putObject("technicalCommittee"), governance.technicalCommittee());
        governance.fundersCommittee().ifPresent(f -> committee(node.putObject("fundersCommittee"), f));
        committee(node.putObject("entryCommission"), governance.entryCommission());
        return node;
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
        ObjectNode copil = committee(JsonFormat.object(), steering);
        copil.set("chair", member(steering.chair()));
        copil.put("convenedBy", steering.convenedBy().value());
        return copil;
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

    private static ObjectNode committee(ObjectNode node, Committee committee) {
        node.set("members", writeMembers(committee.members()));
        QuorumRule rule = committee.quorum();
        ObjectNode quorum = node.putObject("quorum");
        quorum.put("numerator", rule.numerator()).put("denominator", rule.denominator()).put("strictlyMore", rule.strictlyMore())
                .put("minimumPresent", rule.minimumPresent());
        rule.mandatoryOrganisation().ifPresent(o -> quorum.put("mandatoryOrganisation", o.value()));
        return node;
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
        ObjectNode node = JsonFormat.object();
        node.put("committee", decision.committee().name());
        node.set("present", writeMembers(decision.present()));
        node.put("decidedAt", decision.decidedAt().toString());
        node.put("outcome", decision.outcome().name());
        node.put("reasons", decision.reasons());
        decision.reference().ifPresent(r -> node.put("reference", r));
        return node;
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
