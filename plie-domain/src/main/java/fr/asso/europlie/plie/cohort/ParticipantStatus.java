package fr.asso.europlie.plie.cohort;

/**
 * A participant's administrative status during the pathway (statut), kept as a history: the
 * pathway continues without break when it changes.
 */
public enum ParticipantStatus {
    /** Recipient of the RSA minimum income (bénéficiaire du RSA): a sensitive status. */
    RSA_RECIPIENT(true),
    /** Registered jobseeker (demandeur d'emploi). */
    JOBSEEKER(false),
    /** Employee (salarié). */
    EMPLOYEE(false),
    /** In training (en formation). */
    IN_TRAINING(false),
    /** Inactive (inactif). */
    INACTIVE(false);

    private final boolean sensitive;

    ParticipantStatus(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /**
     * Whether this status is sensitive personal data (RSA status), shown only to roles that need it.
     *
     * @return true for {@link #RSA_RECIPIENT}
     */
    public boolean isSensitive() {
        return sensitive;
    }
}
