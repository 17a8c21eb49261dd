package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The entry commission's decision on a person's entry file (décision de la commission d'entrée).
 *
 * @param decidedOn the day of the decision, not null
 * @param validated true when the entry is validated, false when refused
 * @param reason the reason of a refusal, or null
 */
public record EntryDecision(LocalDate decidedOn, boolean validated, String reason) {

    /**
     * Checks the components; a blank reason means none.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the day is null
     */
    public EntryDecision {
        Checks checks = new Checks();
        checks.required(decidedOn, "entryDecision.decidedOn");
        checks.throwIfInvalid();
        if (reason != null && reason.isBlank()) {
            reason = null;
        }
        decidedOn = Canonical.day(decidedOn);
    }
}
