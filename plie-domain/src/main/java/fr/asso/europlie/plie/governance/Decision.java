package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision of a committee (décision, délibération): who decided, when, with which outcome, why,
 * and under which reference.
 *
 * <p>The outcome is typed by a type parameter bound to an enum rather than by a sealed family of
 * outcomes: each process owns its own small set of outcomes (the steering committee's adoption of
 * the protocol: {@link AdoptionOutcome}; an operation's programming: approved, rejected,
 * adjourned; an entry file: validated or not), and the governance package need not know them all.
 * An enum keeps each set closed and exhaustive in {@code switch}, and stores as its name.
 *
 * <p>A decision is a record of what happened; whether it could be taken (quorum, attendance) is
 * checked by {@link DecisionPolicies} against the committee, as {@link Committee#decide} does.
 *
 * @param <O> the type of outcome
 * @param committee the kind of committee that decided, not null
 * @param present the members present, no person twice; copied
 * @param decidedAt when, not null
 * @param outcome the outcome, not null
 * @param reasons why (motifs), not blank
 * @param reference a reference such as a deliberation number; null is read as empty; not blank
 *     when present
 */
public record Decision<O extends Enum<O>>(CommitteeKind committee, List<Member> present, Instant decidedAt, O outcome,
        String reasons, Optional<String> reference) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException with every problem: ({@code PLIE-GOVERNANCE-001}) a missing or
     *     blank component; ({@code PLIE-GOVERNANCE-003}) a person present twice
     */
    public Decision {
        reference = reference == null ? Optional.empty() : reference;
        List<Violation> violations = new ArrayList<>();
        if (committee == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "committee", null));
        }
        if (present == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "present", null));
        } else {
            present = Members.persons(present, "present", violations);
        }
        if (decidedAt == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "decidedAt", null));
        }
        if (outcome == null) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "outcome", null));
        }
        if (reasons == null || reasons.isBlank()) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "reasons", reasons));
        }
        if (reference.isPresent() && reference.get().isBlank()) {
            violations.add(Violation.of(GovernanceError.REQUIRED, "reference", reference.get()));
        }
        Members.throwIfAny(violations);
    }

    /**
     * The same decision with a reference.
     *
     * @param reference such as {@code DEL-2022-045}, not blank
     * @return a new decision
     * @throws InvalidValueException ({@code PLIE-GOVERNANCE-001}) when blank or null
     */
    public Decision<O> withReference(String reference) {
        if (reference == null) {
            throw new InvalidValueException(GovernanceError.REQUIRED, "reference", null);
        }
        return new Decision<>(committee, present, decidedAt, outcome, reasons, Optional.of(reference));
    }
}
