package fr.asso.europlie.plie.cohort;

/**
 * The kind of a pathway step (type d'étape). Accompaniment by the referent is not a step.
 */
public enum StepType {
    /** Assessment and guidance (diagnostic, bilan, orientation). */
    ASSESSMENT,
    /** Pre-qualifying training (formation pré-qualifiante). */
    PRE_QUALIFYING_TRAINING,
    /** Qualifying training, leading to a recognised qualification (formation qualifiante). */
    QUALIFYING_TRAINING,
    /** Insertion job in a work-integration social enterprise (contrat en SIAE / IAE). */
    INSERTION_JOB,
    /** Employment under a contract (emploi: CDI, CDD, intérim, contrat aidé, alternance). */
    EMPLOYMENT,
    /** Business creation (création d'entreprise). */
    BUSINESS_CREATION,
    /** Removal of a barrier: mobility, childcare, health, housing (levée des freins). */
    BARRIER_REMOVAL,
    /** Company immersion (immersion en entreprise, PMSMP). */
    COMPANY_IMMERSION;

    /**
     * Whether the step is a training.
     *
     * @return true for pre-qualifying and qualifying training
     */
    public boolean isTraining() {
        return this == PRE_QUALIFYING_TRAINING || this == QUALIFYING_TRAINING;
    }

    /**
     * Whether the step is paid work and so has a working time.
     *
     * @return true for insertion jobs, employment and business creation
     */
    public boolean isWork() {
        return this == INSERTION_JOB || this == EMPLOYMENT || this == BUSINESS_CREATION;
    }
}
