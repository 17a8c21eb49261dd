package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
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
        return new YearCohort(settings, cohort, directory);
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
