package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.offer.OperationId;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * The vocabulary of cohort tests: a plan with the common target publics, referents, and people in
 * typical situations.
 */
public final class CohortFixture {

    /** The Département that designates RSA recipients' referents. */
    public static final OrganisationId DEPARTMENT = OrganisationId.of("DEPT-24");
    /** France Travail, the usual referrer. */
    public static final OrganisationId FRANCE_TRAVAIL = OrganisationId.of("FT-24");
    /** The plan's animation structure, which signs adhesions. */
    public static final OrganisationId PLAN = OrganisationId.of("PLIE-PERIGUEUX");
    /** A referent of the plan. */
    public static final ReferentId ALICE = ReferentId.of("REF-ALICE");
    /** Another referent. */
    public static final ReferentId BRUNO = ReferentId.of("REF-BRUNO");
    /** An operation funding steps. */
    public static final OperationId TEMPING_OPERATION = OperationId.of("OP-2026-INTERIM");
    /** The target publics of the test protocol. */
    public static final List<TargetPublic> PUBLICS = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
            TargetPublic.OTHER_MINIMUM_INCOME, TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS,
            TargetPublic.QPV_RESIDENTS);

    /** The first day of generated cohorts. */
    public static final LocalDate GENERATED_FROM = LocalDate.of(2021, 1, 1);
    /** The last day of generated cohorts. */
    public static final LocalDate GENERATED_TO = LocalDate.of(2027, 12, 31);
    /** A generator of realistic cohorts over 2021-2027 with the default settings. */
    public static final SyntheticCohort GENERATOR = new SyntheticCohort(defaultSettings(), GENERATED_FROM, GENERATED_TO);

    private CohortFixture() {
    }

    /**
     * Realistic generated cohorts, any seed, 0 to {@code most} participants.
     *
     * @param most the largest cohort
     * @return the generator of cohorts
     */
    public static Gen<SyntheticCohort.Generated> generatedCohorts(int most) {
        return longs().all().zip(integers().between(0, most), GENERATOR::generate);
    }

    /**
     * The default settings: the common target publics with their default rules, a 50 % objective,
     * RSA referents designated by the Département.
     *
     * @return the settings
     */
    public static CohortSettings defaultSettings() {
        return CohortSettings.of(PUBLICS, new BigDecimal("50")).withDepartment(DEPARTMENT);
    }

    /**
     * Sequential pseudonymous identifiers.
     *
     * @return a supplier of P-1, P-2...
     */
    public static Supplier<ParticipantId> sequentialIds() {
        int[] next = {0};
        return () -> ParticipantId.of("P-" + ++next[0]);
    }

    /**
     * An empty cohort with two full-time referents.
     *
     * @param settings the settings
     * @return the cohort
     */
    public static Cohort aCohort(CohortSettings settings) {
        Cohort cohort = new Cohort(settings, sequentialIds());
        cohort.addReferent(Referent.fullTime(ALICE, PLAN));
        cohort.addReferent(Referent.fullTime(BRUNO, PLAN));
        return cohort;
    }

    /**
     * An empty cohort with the default settings.
     *
     * @return the cohort
     */
    public static Cohort aCohort() {
        return aCohort(defaultSettings());
    }

    /**
     * A person born in 1980.
     *
     * @param name the last name
     * @return the identity
     */
    public static PersonalData aPerson(String name) {
        return new PersonalData(name, "Camille", LocalDate.of(1980, 5, 14), "12 rue Gambetta, Périgueux", name.toLowerCase() + "@example.org",
                "0553000000", "FT-" + name.toUpperCase());
    }

    /**
     * A jobseeker unemployed for two years on the given day.
     *
     * @param on the day of referral
     * @return the situation
     */
    public static ApplicantSituation aLongTermJobseeker(LocalDate on) {
        return new ApplicantSituation(ParticipantStatus.JOBSEEKER, on.minusYears(2), Set.of(), false, false, IscedLevel.ISCED_3);
    }

    /**
     * An RSA recipient, not registered as jobseeker.
     *
     * @return the situation
     */
    public static ApplicantSituation anRsaRecipient() {
        return new ApplicantSituation(ParticipantStatus.RSA_RECIPIENT, null, Set.of(MinimumIncome.RSA), false, false, IscedLevel.ISCED_2);
    }

    /**
     * Refers, validates and adheres a long-term jobseeker with a referent.
     *
     * @param cohort the cohort
     * @param name the person's name
     * @param entry the entry day (referral 3 weeks before, commission 1 week before)
     * @param referent the referent
     * @return the participant
     */
    public static ParticipantId anEnteredJobseeker(Cohort cohort, String name, LocalDate entry, ReferentId referent) {
        ParticipantId id = cohort.refer(aPerson(name), Referral.of(FRANCE_TRAVAIL, entry.minusWeeks(3)), aLongTermJobseeker(entry.minusWeeks(3)));
        cohort.validateEntry(id, entry.minusWeeks(1));
        cohort.adhere(id, Adhesion.signedOn(entry, referent, PLAN), null);
        return id;
    }

    /**
     * The FSE+ entry data of an unemployed woman.
     *
     * @param collected the day
     * @param age the age at entry
     * @param unemployedSince since when unemployed
     * @return the data
     */
    public static EsfEntryData unemployedWoman(LocalDate collected, int age, LocalDate unemployedSince) {
        return new EsfEntryData(collected, Gender.WOMAN, age, LabourMarketStatus.UNEMPLOYED, unemployedSince, IscedLevel.ISCED_3, Declaration.NO,
                Declaration.NO, Declaration.NO, Declaration.NO, false, false);
    }

    /**
     * Data upon leaving of a person in employment.
     *
     * @param collected the day
     * @return the data
     */
    public static EsfExitData employedOnLeaving(LocalDate collected) {
        return new EsfExitData(collected, false, false, false, true);
    }

    /**
     * A full-time temping mission.
     *
     * @param id the step's identifier
     * @param from the first day
     * @param to the last day
     * @return the step
     */
    public static Step temping(String id, LocalDate from, LocalDate to) {
        return Step.employment(StepId.of(id), ContractType.TEMPING, BigDecimal.ONE, from, to, TEMPING_OPERATION);
    }
}
