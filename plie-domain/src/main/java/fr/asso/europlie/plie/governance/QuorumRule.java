package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The quorum rule of a committee (règle de quorum), a setting of each PLIE: how many of its
 * members must be present for it to decide, and which organisation must be there.
 *
 * <p>The required number of members present, for a committee of {@code n} members, is
 * {@code floor(n * numerator / denominator) + 1} when {@link #strictlyMore()} ("more than half"),
 * {@code ceil(n * numerator / denominator)} otherwise ("at least two thirds"), and never less than
 * {@link #minimumPresent()}. The default of RULES.md and PROCESSES.md A.5, "majority of members,
 * the Département present", is {@link #majorityWith(OrganisationId) majorityWith(DEPT-xx)}:
 * strictly more than half of the members present, at least one, and a member of the Département
 * among them.
 *
 * @param numerator the fraction's numerator, from 0 to {@code denominator}
 * @param denominator the fraction's denominator, 1 or more
 * @param strictlyMore true for "more than" the fraction, false for "at least"; "more than" the
 *     whole (1/1) is refused, since no attendance could reach it
 * @param minimumPresent the least number of members present, 0 or more
 * @param mandatoryOrganisation an organisation at least one of whose members must be present;
 *     null is read as empty
 */
public record QuorumRule(int numerator, int denominator, boolean strictlyMore, int minimumPresent,
        Optional<OrganisationId> mandatoryOrganisation) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException with every problem: ({@code PLIE-GOVERNANCE-005}) a fraction
     *     outside 0 to 1 or unreachable; ({@code PLIE-GOVERNANCE-006}) a negative minimum
     */
    public QuorumRule {
        mandatoryOrganisation = mandatoryOrganisation == null ? Optional.empty() : mandatoryOrganisation;
        List<Violation> violations = new ArrayList<>();
        if (denominator < 1 || numerator < 0 || numerator > denominator || strictlyMore && numerator == denominator) {
            violations.add(Violation.of(GovernanceError.QUORUM_FRACTION, "quorum.fraction",
                    (strictlyMore ? "> " : ">= ") + numerator + "/" + denominator));
        }
        if (minimumPresent < 0) {
            violations.add(Violation.of(GovernanceError.NEGATIVE_MINIMUM, "quorum.minimumPresent", minimumPresent));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * More than half of the members present, at least one; no organisation required.
     *
     * @return the rule
     */
    public static QuorumRule majority() {
        return new QuorumRule(1, 2, true, 1, Optional.empty());
    }

    /**
     * The default rule: more than half of the members present, at least one, and a member of the
     * given organisation (the Département) among them.
     *
     * @param mandatory the organisation that must be present, such as {@code DEPT-24}
     * @return the rule
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when null
     */
    public static QuorumRule majorityWith(OrganisationId mandatory) {
        return majority().withMandatoryOrganisation(mandatory);
    }

    /**
     * More than a fraction of the members present, at least one.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @return the rule
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-005}) when not a fraction below 1
     */
    public static QuorumRule moreThan(int numerator, int denominator) {
        return new QuorumRule(numerator, denominator, true, 1, Optional.empty());
    }

    /**
     * At least a fraction of the members present, at least one.
     *
     * @param numerator the numerator
     * @param denominator the denominator
     * @return the rule
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-005}) when not a fraction of 0 to 1
     */
    public static QuorumRule atLeast(int numerator, int denominator) {
        return new QuorumRule(numerator, denominator, false, 1, Optional.empty());
    }

    /**
     * Any attendance of at least one member, for bodies that give opinions rather than decide.
     *
     * @return the rule
     */
    public static QuorumRule anyPresent() {
        return new QuorumRule(0, 1, false, 1, Optional.empty());
    }

    /**
     * The same rule with another minimum number of members present.
     *
     * @param minimum 0 or more
     * @return a new rule
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-006}) when negative
     */
    public QuorumRule withMinimumPresent(int minimum) {
        return new QuorumRule(numerator, denominator, strictlyMore, minimum, mandatoryOrganisation);
    }

    /**
     * The same rule, requiring a member of an organisation to be present.
     *
     * @param mandatory the organisation
     * @return a new rule
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when null
     */
    public QuorumRule withMandatoryOrganisation(OrganisationId mandatory) {
        if (mandatory == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, "quorum.mandatoryOrganisation", null);
        }
        return new QuorumRule(numerator, denominator, strictlyMore, minimumPresent, Optional.of(mandatory));
    }

    /**
     * The number of members that must be present on a committee of a given size.
     *
     * @param members the committee's number of members, 0 or more
     * @return the required number, which may exceed {@code members} when the minimum does
     */
    public int required(int members) {
        long share = (long) members * numerator;
        long byFraction = strictlyMore ? share / denominator + 1 : (share + denominator - 1) / denominator;
        return (int) Math.max(byFraction, minimumPresent);
    }

    /**
     * Evaluates the quorum of a sitting. Only the present persons who are members count (a guest
     * does not); a person given twice counts once. Never throws for a quorum not met: the result
     * says so.
     *
     * @param members the committee's members, not null (null elements are ignored)
     * @param present the persons present, not null (null elements are ignored)
     * @return whether the quorum is met, the counts and the missing mandatory organisation
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when a collection is null
     */
    public QuorumResult evaluate(Collection<Member> members, Collection<Member> present) {
        if (members == null || present == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, members == null ? "members" : "present", null);
        }
        List<Member> committee = distinctPersons(members);
        List<Member> counted = distinctPersons(present.stream()
                .filter(person -> committee.stream().anyMatch(m -> m.samePerson(person))).toList());
        int memberCount = committee.size();
        int required = required(memberCount);
        Optional<OrganisationId> missing = mandatoryOrganisation
                .filter(org -> counted.stream().noneMatch(m -> m.organisation().equals(org)));
        return new QuorumResult(counted.size() >= required && missing.isEmpty(), counted.size(), required, memberCount, missing);
    }

    private static List<Member> distinctPersons(Collection<Member> persons) {
        List<Member> distinct = new ArrayList<>();
        for (Member person : persons) {
            if (person != null && distinct.stream().noneMatch(d -> d.samePerson(person))) {
                distinct.add(person);
            }
        }
        return distinct;
    }

    @Override
    public String toString() {
        return (strictlyMore ? "more than " : "at least ") + numerator + "/" + denominator + " of the members, at least "
                + minimumPresent + mandatoryOrganisation.map(org -> ", " + org + " present").orElse("");
    }
}
