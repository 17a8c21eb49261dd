package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The governance of a PLIE (gouvernance): its steering committee, technical committee, funders'
 * committee and entry commission.
 *
 * <p>The funders' committee is optional: many PLIE merge it with the steering committee. The
 * merger is a choice of the governance, not of the funders' committee, so it is recorded here: an
 * empty {@link #fundersCommittee()} means the steering committee sits as funders' committee, and
 * {@link #committee(CommitteeKind) committee(FUNDERS)} then returns the steering committee.
 *
 * @param steeringCommittee the steering committee (comité de pilotage), not null
 * @param technicalCommittee the technical committee (comité technique), not null
 * @param fundersCommittee the funders' committee (comité des financeurs), empty when merged with
 *     the steering committee; null is read as empty
 * @param entryCommission the entry commission (commission d'entrée), not null
 */
public record Governance(SteeringCommittee steeringCommittee, TechnicalCommittee technicalCommittee,
        Optional<FundersCommittee> fundersCommittee, EntryCommission entryCommission) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) naming every missing committee
     */
    public Governance {
        fundersCommittee = fundersCommittee == null ? Optional.empty() : fundersCommittee;
        List<Violation> violations = new ArrayList<>();
        if (steeringCommittee == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "steeringCommittee", null));
        }
        if (technicalCommittee == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "technicalCommittee", null));
        }
        if (entryCommission == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "entryCommission", null));
        }
        Members.throwIfAny(violations);
    }

    /**
     * A governance with its own funders' committee.
     *
     * @param steering the steering committee
     * @param technical the technical committee
     * @param funders the funders' committee, not null
     * @param entry the entry commission
     * @return the governance
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when a committee is missing
     */
    public static Governance of(SteeringCommittee steering, TechnicalCommittee technical, FundersCommittee funders,
            EntryCommission entry) {
        if (funders == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, "fundersCommittee", null);
        }
        return new Governance(steering, technical, Optional.of(funders), entry);
    }

    /**
     * A governance whose steering committee also sits as funders' committee.
     *
     * @param steering the steering committee
     * @param technical the technical committee
     * @param entry the entry commission
     * @return the governance
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when a committee is missing
     */
    public static Governance withFundersMergedIntoSteering(SteeringCommittee steering, TechnicalCommittee technical,
            EntryCommission entry) {
        return new Governance(steering, technical, Optional.empty(), entry);
    }

    /**
     * Whether the steering committee sits as funders' committee.
     *
     * @return true when no separate funders' committee is given
     */
    public boolean fundersCommitteeMerged() {
        return fundersCommittee.isEmpty();
    }

    /**
     * The committee that sits for a kind of committee.
     *
     * @param kind a kind, not null
     * @return that committee; for {@link CommitteeKind#FUNDERS} when merged, the steering committee
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when null
     */
    public Committee committee(CommitteeKind kind) {
        if (kind == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, "kind", null);
        }
        return switch (kind) {
            case STEERING -> steeringCommittee;
            case TECHNICAL -> technicalCommittee;
            case FUNDERS -> fundersCommittee.<Committee>map(f -> f).orElse(steeringCommittee);
            case ENTRY -> entryCommission;
        };
    }

    /**
     * Every committee, each once.
     *
     * @return the steering committee, the technical committee, the funders' committee when it is
     *     separate, and the entry commission
     */
    public List<Committee> committees() {
        List<Committee> committees = new ArrayList<>(List.of(steeringCommittee, technicalCommittee));
        fundersCommittee.ifPresent(committees::add);
        committees.add(entryCommission);
        return List.copyOf(committees);
    }
}
