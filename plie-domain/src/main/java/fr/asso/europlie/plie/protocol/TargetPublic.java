package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A target public of the PLIE (public cible): a category of people the plan serves.
 *
 * <p>The protocol lists its target publics; the common ones are constants here, and a PLIE may
 * define its own with a code and a label. Two target publics are equal when their codes are.
 *
 * @param code a stable upper-case code, such as {@code DELD}
 * @param label the French label shown to users
 */
public record TargetPublic(String code, String label) {

    /** Long-term jobseekers (demandeurs d'emploi de longue durée, DELD). */
    public static final TargetPublic LONG_TERM_JOBSEEKERS = new TargetPublic("DELD", "Demandeurs d'emploi de longue durée");
    /** RSA recipients (bénéficiaires du RSA, BRSA). */
    public static final TargetPublic RSA_RECIPIENTS = new TargetPublic("BRSA", "Bénéficiaires du RSA");
    /** Recipients of another minimum income (autres minima sociaux: ASS, AAH...). */
    public static final TargetPublic OTHER_MINIMUM_INCOME = new TargetPublic("MINIMA", "Bénéficiaires d'autres minima sociaux");
    /** Young people with low qualifications (jeunes peu qualifiés). */
    public static final TargetPublic LOW_QUALIFIED_YOUNG = new TargetPublic("JEUNES", "Jeunes peu ou pas qualifiés");
    /** Seniors (demandeurs d'emploi seniors). */
    public static final TargetPublic SENIORS = new TargetPublic("SENIORS", "Seniors");
    /** People with a recognised disability (RQTH, BOE). */
    public static final TargetPublic DISABLED_WORKERS = new TargetPublic("RQTH", "Travailleurs handicapés (RQTH, BOE)");
    /** Residents of priority neighbourhoods (habitants des QPV). */
    public static final TargetPublic QPV_RESIDENTS = new TargetPublic("QPV", "Habitants des quartiers prioritaires");

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when code or label is blank
     */
    public TargetPublic {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "targetPublic.code", code);
        }
        if (label == null || label.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "targetPublic.label", label);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetPublic that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
