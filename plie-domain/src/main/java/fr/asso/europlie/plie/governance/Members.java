package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.Identifiers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks every committee makes of its members and quorum rule. */
final class Members {

    private Members() {
    }

    /**
     * Checks a committee's members and quorum rule, adding every problem to {@code violations}.
     *
     * @return an unmodifiable copy of the members, without null elements or repeated persons (empty when the list was null)
     */
    static List<Member> check(CommitteeKind kind, List<Member> members, QuorumRule quorum, List<Violation> violations) {
        if (quorum == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "quorum", null));
        }
        if (members == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "members", null));
            return List.of();
        }
        if (members.isEmpty()) {
            violations.add(Violation.of(GovernanceError.EMPTY_COMMITTEE, "members", "[]", kind));
        }
        List<Member> seen = persons(members, "members", violations);
        if (quorum != null) {
            quorum.mandatoryOrganisation()
                    .filter(org -> seen.stream().noneMatch(m -> m.organisation().equals(org)))
                    .ifPresent(org -> violations.add(
                            Violation.of(GovernanceError.MANDATORY_NOT_MEMBER, "quorum.mandatoryOrganisation", org, kind)));
        }
        return seen;
    }

    /**
     * Checks a list of persons: each given, none twice (by {@link Member#samePerson(Member)}),
     * adding a violation named {@code field[i]} for each problem.
     *
     * @return the persons without null elements or repeats, unmodifiable
     */
    static List<Member> persons(List<Member> persons, String field, List<Violation> violations) {
        List<Member> seen = new ArrayList<>(persons.size());
        // Member#samePerson is equality of these keys: each name is normalised once, not once a pair.
        Set<PersonKey> keys = new HashSet<>(Math.max(16, persons.size() * 4 / 3 + 1));
        for (int i = 0; i < persons.size(); i++) {
            Member person = persons.get(i);
            if (person == null) {
                violations.add(Violation.of(GovernanceError.REQUIRED, field + "[" + i + "]", null));
            } else if (!keys.add(new PersonKey(Identifiers.personKey(person.name()), person.organisation()))) {
                violations.add(Violation.of(GovernanceError.DUPLICATE_MEMBER, field + "[" + i + "]", person));
            } else {
                seen.add(person);
            }
        }
        return List.copyOf(seen);
    }

    /** What {@link Member#samePerson(Member)} compares: the name's person key and the organisation. */
    private record PersonKey(String name, OrganisationId organisation) {
    }

    /**
     * Throws when any problem was found.
     *
     * @throws InvalidValueException with every violation
     */
    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }
}
