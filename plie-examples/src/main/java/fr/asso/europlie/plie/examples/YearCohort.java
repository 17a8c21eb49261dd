package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.protocol.SignatoryKind;
import java.math.BigDecimal;
import java.util.Set;
import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cohort of the main job's year (cohorte de l'année): a few hundred generated participants
 * ({@link SyntheticCohort}, seeded, so every run follows the same people) referred, entered by the
 * commission and followed by referents whose accompaniment, like their steps, is funded by the
 * operations programmed and committed this year; some leave with positive exits and six-month data.
 *
 * <p>Most of them are generated with their whole pathway and loaded; those the January entry
 * commission takes in go through each command of the cohort ({@link Cohort#refer},
 * {@link Cohort#validateEntry}, {@link Cohort#adhere}, {@link Cohort#addStep},
 * {@link Cohort#completeInWorkFollowUp}...).
 *
 * <p>This is the one place of the scenario that holds the cohort. Today it keeps it in the domain's
 * {@link Cohort} in memory: the engine has no stored cohort yet. When the engine's cohort facade
 * lands (issue 12), only this class changes: it loads or records the same participants through the
 * facade and reads them back for the report; the scenario and the report use only {@link #participants()},
 * {@link #operations()} and {@link #settings()}.
 */
final class YearCohort {

    /** The seed: the same participants at every run. */
    static final long SEED = 2026L;
    /** The participants generated. */
    static final int PARTICIPANTS = 480;

    private final CohortSettings settings;
    private final Cohort cohort;
    private final OperationDirectory operations;

    private YearCohort(CohortSettings settings, Cohort cohort, OperationDirectory operations) {
        this.settings = settings;
        this.cohort = cohort;
        this.operations = operations;
    }

    /**
     * Follows the year's cohort: generated from the first referral day to the year's end, each step
     * funded by a programmed operation of its kind running that day (none before the operations
     * start), each referent's accompaniment funded by one of the accompaniment operations.
     *
     * @param protocol the protocol in force (target publics, objective, Département)
     * @param mapping the call's axis mapping
     * @param funded the operations programmed and committed this year, not empty
     * @param firstReferral the first day a referral may happen
     * @param yearEnd the last day of the year
     * @return the cohort
     */
    static YearCohort follow(ProtocolContent protocol, AxisMapping mapping, List<Operation> funded, LocalDate firstReferral,
            LocalDate yearEnd) {
        Objects.requireNonNull(funded, "funded");
        CohortSettings settings = CohortSettings.forProtocol(protocol);
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, firstReferral, yearEnd).generate(SEED, PARTICIPANTS);
        List<Operation> accompaniments = ofAxis(funded, ProgrammingAxis.ACCOMPANIMENT);
        OperationDirectory directory = OperationDirectory.of(funded, mapping);
        List<Referent> referents = generated.data().referents();
        for (int i = 0; i < referents.size() && !accompaniments.isEmpty(); i++) {
            directory = directory.withAccompaniment(referents.get(i).id(), accompaniments.get(i % accompaniments.size()).id());
        }
        List<Participant> participants = new ArrayList<>();
        for (Participant participant : generated.data().participants()) {
            List<AccompanimentPeriod> periods = new ArrayList<>();
            for (AccompanimentPeriod p : participant.periods()) {
                List<Step> steps = p.steps().stream().map(step -> fundedBy(step, funded, participant.id())).toList();
                periods.add(new AccompanimentPeriod(p.number(), p.referral(), p.targetPublics(), p.doubleAccompanimentFlagged(),
                        p.entryDecision(), p.adhesion(), p.referents(), p.statuses(), steps, p.entryData(), p.followUps(), p.exit(),
                        p.sixMonthData()));
            }
            participants.add(new Participant(participant.id(), periods));
        }
        AtomicInteger next = new AtomicInteger(participants.size());
        Cohort cohort = new Cohort(settings, () -> ParticipantId.of(String.format("P-%07d", next.incrementAndGet())));
        cohort.load(new CohortData(referents, participants, generated.data().identities(), generated.data().erasures()));
        januaryCommission(cohort, protocol, funded, yearEnd.getYear());
        return new YearCohort(settings, cohort, directory);
    }

    /** The people the January commission takes in, through each command of the cohort. */
    static final int JANUARY_ENTRIES = 12;

    /**
     * The January entry commission, command by command: twelve long-term jobseekers referred by
     * France Travail, their entry validated, their adhesion signed with the referent who has the
     * smallest caseload, their entry data recorded, an assessment funded by an accompaniment
     * operation; half are hired in March on a steady contract found by the employers' operation and
     * leave in September with a positive exit after six months of in-work follow-up, the others
     * start a pre-qualifying training of the training operation.
     */
    private static void januaryCommission(Cohort cohort, ProtocolContent protocol, List<Operation> funded, int year) {
        List<Operation> accompaniments = ofAxis(funded, ProgrammingAxis.ACCOMPANIMENT);
        List<Operation> employers = ofAxis(funded, ProgrammingAxis.LINKS_WITH_EMPLOYERS);
        List<Operation> trainings = ofAxis(funded, ProgrammingAxis.TRAINING_AND_MOBILITY_SUPPORT);
        if (accompaniments.isEmpty() || employers.isEmpty() || trainings.isEmpty()) {
            return;
        }
        LocalDate referred = LocalDate.of(year, 1, 12);
        LocalDate entry = LocalDate.of(year, 1, 26);
        OrganisationId franceTravail = protocol.signatories().stream().filter(s -> s.kind() == SignatoryKind.FRANCE_TRAVAIL)
                .map(Signatory::id).findFirst().orElse(OrganisationId.of("FRANCE-TRAVAIL"));
        OrganisationId plan = protocol.animationStructure().id();
        for (int i = 0; i < JANUARY_ENTRIES; i++) {
            LocalDate birth = LocalDate.of(1970 + 2 * i, 1 + i % 12, 10);
            LocalDate unemployedSince = referred.minusMonths(14 + i);
            IscedLevel isced = i % 3 == 0 ? IscedLevel.ISCED_2 : IscedLevel.ISCED_3;
            ParticipantId id = cohort.refer(PersonalData.of("Nom" + (i + 1), "Prénom" + (i + 1), birth),
                    Referral.of(franceTravail, referred), new ApplicantSituation(ParticipantStatus.JOBSEEKER, unemployedSince, Set.of(),
                            false, false, isced));
            cohort.validateEntry(id, referred.plusDays(8));
            ReferentId referent = cohort.referents().stream().map(Referent::id)
                    .min(java.util.Comparator.comparingInt((ReferentId r) -> cohort.caseload(r, entry)).thenComparing(ReferentId::value))
                    .orElseThrow();
            cohort.adhere(id, Adhesion.signedOn(entry, referent, plan), null);
            cohort.recordEntryData(id, new EsfEntryData(entry.plusDays(4), i % 4 < 2 ? Gender.WOMAN : Gender.MAN,
                    EsfEntryData.ageOn(birth, entry), LabourMarketStatus.UNEMPLOYED, unemployedSince, isced, Declaration.NO, Declaration.NO,
                    Declaration.NO, Declaration.NO, false, i % 4 == 0));
            Operation accompaniment = accompaniments.get(i % accompaniments.size());
            cohort.addStep(id, Step.of(StepId.of("JAN-" + (i + 1) + "-1"), StepType.ASSESSMENT, entry.plusDays(6), entry.plusDays(33),
                    accompaniment.id()));
            if (i % 2 == 0) {
                LocalDate hired = LocalDate.of(year, 3, 2);
                cohort.addStep(id, Step.employment(StepId.of("JAN-" + (i + 1) + "-2"), ContractType.CDI, BigDecimal.ONE, hired, null,
                        employers.get(i % employers.size()).id()));
                cohort.startInWorkFollowUp(id, hired);
                LocalDate left = hired.plusMonths(6);
                cohort.completeInWorkFollowUp(id, left, new EsfExitData(left.plusDays(7), false, false, false, true));
            } else {
                cohort.addStep(id, Step.training(StepId.of("JAN-" + (i + 1) + "-2"), StepType.PRE_QUALIFYING_TRAINING,
                        LocalDate.of(year, 3, 9), LocalDate.of(year, 6, 26), trainings.get(i % trainings.size()).id()));
            }
        }
    }

    /** The step funded by an operation of its kind that runs on its first day, chosen by the participant. */
    private static Step fundedBy(Step step, List<Operation> funded, ParticipantId participant) {
        ProgrammingAxis axis = switch (step.type()) {
            case PRE_QUALIFYING_TRAINING, QUALIFYING_TRAINING, BARRIER_REMOVAL -> ProgrammingAxis.TRAINING_AND_MOBILITY_SUPPORT;
            case EMPLOYMENT, INSERTION_JOB, COMPANY_IMMERSION, BUSINESS_CREATION -> ProgrammingAxis.LINKS_WITH_EMPLOYERS;
            case ASSESSMENT -> ProgrammingAxis.ACCOMPANIMENT;
        };
        List<Operation> running = ofAxis(funded, axis).stream().filter(o -> o.period().contains(step.start())).toList();
        OperationId operation = running.isEmpty() ? null
                : running.get(Math.floorMod(participant.value().hashCode() + step.id().value().hashCode(), running.size())).id();
        return new Step(step.id(), step.type(), step.start(), step.end(), step.plannedEnd(), operation, step.contract(),
                step.workingTime(), step.barrier(), step.qualificationValidatedOn());
    }

    private static List<Operation> ofAxis(List<Operation> operations, ProgrammingAxis axis) {
        return operations.stream().filter(o -> o.axis() == axis).toList();
    }

    /** @return the participants, pseudonymous */
    List<Participant> participants() {
        return List.copyOf(cohort.participants());
    }

    /** @return the operations that fund steps and referents, with their operators and strategic axes */
    OperationDirectory operations() {
        return operations;
    }

    /** @return the cohort's settings (target publics, objective) */
    CohortSettings settings() {
        return settings;
    }
}
