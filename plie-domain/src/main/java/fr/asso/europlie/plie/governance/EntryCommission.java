package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry commission (commission d'entrée, commission d'agrément): validates each participant's entry file.
 *
 * @param members its members, at least one, no person twice; copied
 * @param quorum its quorum rule, not null
 */
public record EntryCommission(List<Member> members, QuorumRule quorum) implements Committee {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException with every problem: ({@code PLIE-GOVERNANCE-001}) a missing
     *     component; ({@code PLIE-GOVERNANCE-002}) no member; ({@code PLIE-GOVERNANCE-003}) a person
     *     twice; ({@code PLIE-GOVERNANCE-007}) a mandatory organisation without a member
     */
    public EntryCommission {
        List<Violation> violations = new ArrayList<>();
        members = Members.check(CommitteeKind.ENTRY, members, quorum, violations);
        Members.throwIfAny(violations);
    }

    /**
     * A committee whose quorum is any attendance of at least one member.
     *
     * @param members its members
     * @return the committee
     * @throws InvalidValueException as the constructor
     */
    public static EntryCommission of(List<Member> members) {
        return new EntryCommission(members, QuorumRule.anyPresent());
    }

    @Override
    public CommitteeKind kind() {
        return CommitteeKind.ENTRY;
    }
}
