package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering committee (comité de pilotage, COPIL): the PLIE's governance body, which adopts
 * the protocol and the annual programming and commits resources. It is not the intermediate
 * body's programming committee.
 *
 * <p>{@link #convenedBy()} is the organisation whose body it is (the EPCI, the commune or the
 * animation structure): the protocol's policies refuse a steering committee convened by the
 * intermediate body.
 *
 * @param members its members, at least one, no person twice; copied
 * @param chair its chair (président), one of the members
 * @param quorum its quorum rule; the default is {@link QuorumRule#majorityWith(OrganisationId)}
 *     with the Département
 * @param convenedBy the organisation that convenes it, not null
 */
public record SteeringCommittee(List<Member> members, Member chair, QuorumRule quorum, OrganisationId convenedBy)
        implements Committee {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException with every problem: ({@code PLIE-GOVERNANCE-001}) a missing
     *     component; ({@code PLIE-GOVERNANCE-002}) no member; ({@code PLIE-GOVERNANCE-003}) a person
     *     twice; ({@code PLIE-GOVERNANCE-004}) a chair who is not a member;
     *     ({@code PLIE-GOVERNANCE-007}) a mandatory organisation without a member
     */
    public SteeringCommittee {
        List<Violation> violations = new ArrayList<>();
        members = Members.check(CommitteeKind.STEERING, members, quorum, violations);
        if (chair == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "chair", null));
        } else if (!members.isEmpty() && members.stream().noneMatch(chair::samePerson)) {
            violations.add(Violation.of(GovernanceError.CHAIR_NOT_MEMBER, "chair", chair));
        }
        if (convenedBy == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "convenedBy", null));
        }
        Members.throwIfAny(violations);
    }

    @Override
    public CommitteeKind kind() {
        return CommitteeKind.STEERING;
    }
}
