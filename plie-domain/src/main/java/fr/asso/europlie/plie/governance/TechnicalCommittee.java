package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The technical or operational committee (comité technique / opérationnel): staff of the steering committee's members, which gives opinions and applies the steering committee's orientations.
 *
 * @param members its members, at least one, no person twice; copied
 * @param quorum its quorum rule, not null
 */
public record TechnicalCommittee(List<Member> members, QuorumRule quorum) implements Committee {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException with every problem: ({@code PLIE-GOVERNANCE-001}) a missing
     *     component; ({@code PLIE-GOVERNANCE-002}) no member; ({@code PLIE-GOVERNANCE-003}) a person
     *     twice; ({@code PLIE-GOVERNANCE-007}) a mandatory organisation without a member
     */
    public TechnicalCommittee {
        List<Violation> violations = new ArrayList<>();
        members = Members.check(CommitteeKind.TECHNICAL, members, quorum, violations);
        Members.throwIfAny(violations);
    }

    /**
     * A committee whose quorum is any attendance of at least one member.
     *
     * @param members its members
     * @return the committee
     * @throws InvalidValueException as the constructor
     */
    public static TechnicalCommittee of(List<Member> members) {
        return new TechnicalCommittee(members, QuorumRule.anyPresent());
    }

    @Override
    public CommitteeKind kind() {
        return CommitteeKind.TECHNICAL;
    }
}
