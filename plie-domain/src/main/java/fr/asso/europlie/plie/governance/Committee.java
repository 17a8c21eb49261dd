package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A committee of the PLIE's governance (instance): its kind, its members and its quorum rule.
 *
 * <p>The family is closed: {@link SteeringCommittee}, {@link TechnicalCommittee},
 * {@link FundersCommittee}, {@link EntryCommission}. Every committee has at least one member and
 * no person twice, and its quorum's mandatory organisation, if any, has a member on it.
 */
public sealed interface Committee permits SteeringCommittee, TechnicalCommittee, FundersCommittee, EntryCommission {

    /**
     * The kind of committee.
     *
     * @return the kind, never null
     */
    CommitteeKind kind();

    /**
     * The members.
     *
     * @return at least one member, no person twice, unmodifiable
     */
    List<Member> members();

    /**
     * The quorum rule.
     *
     * @return the rule, never null
     */
    QuorumRule quorum();

    /**
     * Whether a person is a member.
     *
     * @param person a person; null gives false
     * @return true when one of the members is the same person
     */
    default boolean isMember(Member person) {
        return members().stream().anyMatch(m -> m.samePerson(person));
    }

    /**
     * Whether an organisation has at least one member on the committee, such as the Département
     * on the steering committee.
     *
     * @param organisation an organisation; null gives false
     * @return true when a member represents it
     */
    default boolean represents(OrganisationId organisation) {
        return members().stream().anyMatch(m -> m.organisation().equals(organisation));
    }

    /**
     * The organisations represented on the committee.
     *
     * @return each organisation once, in the order of the members, unmodifiable
     */
    default Set<OrganisationId> organisations() {
        Set<OrganisationId> organisations = new LinkedHashSet<>();
        members().forEach(m -> organisations.add(m.organisation()));
        return Collections.unmodifiableSet(organisations);
    }

    /**
     * Evaluates the quorum of a sitting of this committee.
     *
     * @param present the persons present, not null
     * @return the quorum result; a quorum not met is a result, not an exception
     */
    default QuorumResult evaluate(Collection<Member> present) {
        return quorum().evaluate(members(), present);
    }

    /**
     * Takes a decision: records it after checking it against {@link DecisionPolicies#ALL} (right
     * committee, only members counted present, quorum).
     *
     * @param <O> the type of outcome
     * @param present the members present, not null
     * @param decidedAt when, not null
     * @param outcome the outcome, not null
     * @param reasons why, not blank
     * @param reference a reference such as a deliberation number, or null for none
     * @return the decision
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a value is missing
     * @throws RuleViolationException with every broken policy, such as {@code PLIE-GOVERNANCE-008}
     *     when the quorum is not met
     */
    default <O extends Enum<O>> Decision<O> decide(Collection<Member> present, Instant decidedAt, O outcome,
            String reasons, String reference) {
        Decision<O> decision = new Decision<>(kind(), present == null ? null : new ArrayList<>(present), decidedAt, outcome,
                reasons, Optional.ofNullable(reference));
        DecisionPolicies.requireAll(this, decision);
        return decision;
    }
}
