package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.protocol.SignatoryKind;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cohort of the main job's year (cohorte de l'année), kept in the engine's store through the
 * plan's cohort facade ({@link CohortFollowUp}): a few hundred generated participants
 * ({@link SyntheticCohort}, seeded, so every run follows the same people) whose steps, like their
 * referents' accompaniment, are funded by the operations programmed and committed this year, some
 * leaving with positive exits and six-month data; and twelve more taken in by the June entry
 * commission, command by command, each by its actor on its day: referred by the animation team,
 * their entry validated by the entry commission, their adhesion signed by their referent, their
 * entry data, steps, in-work follow-up and positive exits recorded by their referent, one handed
 * over to another referent by the animation team.
 *
 * <p>The twelve's commands are dated: the scenario calls {@link #catchUp} before it moves its clock,
 * and each command runs with the clock on its day (the facade dates the commission's decisions
 * with the engine's clock). The generated participants' pathways, which span the whole year, are
 * loaded at the year's end through {@link CohortFollowUp#load} (the referents' tool of the year
 * handed over to the engine: one audited load by the animation team). The report's cohort figures
 * are read from the facade ({@link #report}, {@link #esfReport}), and the participants streamed
 * out of the store ({@link #participants}) let anyone count them again.
 */
final class YearCohort {

    /** The seed: the same participants at every run. */
    static final long SEED = 2026L;
    /** The participants generated. */
    static final int PARTICIPANTS = 480;
    /** The people the June commission takes in, through each command of the cohort. */
    static final int COMMISSION_ENTRIES = 12;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CohortFollowUp facade;
    private final PlanId plan;
    private final ProtocolContent protocol;
    private final AxisMapping mapping;
    private final ManualClock clock;
    private final CohortSettings settings;
    private final SyntheticCohort.Generated generated;
    private final List<Pending> pending = new ArrayList<>();
    private OperationDirectory operations = OperationDirectory.empty();
    private List<Participant> stored = List.of();
    /** The last participant number given: the generated ones are numbered from 1, the commission's after them. */
    private final AtomicInteger numbers = new AtomicInteger(PARTICIPANTS);

    /** A command of the twelve, run on its day. */
    private record Pending(Instant at, int order, Runnable command) {
    }

    private YearCohort(CohortFollowUp facade, PlanId plan, ProtocolContent protocol, AxisMapping mapping, ManualClock clock,
            SyntheticCohort.Generated generated) {
        this.facade = facade;
        this.plan = plan;
        this.protocol = protocol;
        this.mapping = mapping;
        this.clock = clock;
        this.settings = CohortSettings.forProtocol(protocol);
        this.generated = generated;
    }

    /**
     * Opens the year's cohort on the plan's facade: configures it with the protocol's settings and
     * registers the referents (animation team).
     *
     * @param facade the plan's cohort facade
     * @param plan the plan
     * @param protocol the protocol in force (target publics, objective, Département)
     * @param mapping the call's axis mapping
     * @param clock the scenario's clock, which the engine follows
     * @param firstReferral the first day a generated referral may happen
     * @param yearEnd the last day of the year
     * @return the cohort
     */
    static YearCohort open(CohortFollowUp facade, PlanId plan, ProtocolContent protocol, AxisMapping mapping, ManualClock clock,
            LocalDate firstReferral, LocalDate yearEnd) {
        CohortSettings settings = CohortSettings.forProtocol(protocol);
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, firstReferral, yearEnd).generate(SEED, PARTICIPANTS);
        YearCohort cohort = new YearCohort(facade, plan, protocol, mapping, clock, generated);
        facade.configure(settings, cohort.operations, cohort::nextId);
        generated.data().referents().forEach(r -> facade.registerReferent(cohort.team(), r));
        return cohort;
    }

    /**
     * Sets the operations that fund steps and referents: those given, each referent's accompaniment
     * funded by one of the accompaniment operations among them.
     *
     * @param funded the operations, not null
     */
    void fundedBy(List<Operation> funded) {
        List<Operation> accompaniments = ofAxis(funded, ProgrammingAxis.ACCOMPANIMENT);
        OperationDirectory directory = OperationDirectory.of(funded, mapping);
        List<Referent> referents = generated.data().referents();
        for (int i = 0; i < referents.size() && !accompaniments.isEmpty(); i++) {
            directory = directory.withAccompaniment(referents.get(i).id(), accompaniments.get(i % accompaniments.size()).id());
        }
        operations = directory;
        facade.configure(settings, operations, this::nextId);
    }

    /**
     * The June entry commission, from today: twelve long-term jobseekers referred by France Travail
     * today, their entry validated a week later, their adhesion signed the next Monday with the
     * referent who has the smallest caseload, their entry data recorded, an assessment funded by an
     * accompaniment operation; half are hired at the end of June on a steady contract found by the
     * employers' operation and leave at the end of December with a positive exit after six months of
     * in-work follow-up, the others follow a pre-qualifying training of the training operation in
     * the autumn, one of them handed over to another referent in September. Only the referral runs
     * now; the other commands wait for their day ({@link #catchUp}).
     *
     * @param running the operations funded today, not null
     * @return how many were referred
     */
    int juneCommission(List<Operation> running) {
        fundedBy(running);
        List<Operation> accompaniments = ofAxis(running, ProgrammingAxis.ACCOMPANIMENT);
        List<Operation> employers = ofAxis(running, ProgrammingAxis.LINKS_WITH_EMPLOYERS);
        List<Operation> trainings = ofAxis(running, ProgrammingAxis.TRAINING_AND_MOBILITY_SUPPORT);
        if (accompaniments.isEmpty() || employers.isEmpty() || trainings.isEmpty()) {
            return 0;
        }
        LocalDate referred = LocalDate.now(clock);
        int year = referred.getYear();
        LocalDate decided = referred.plusDays(7);
        LocalDate entry = referred.plusDays(13);
        OrganisationId franceTravail = protocol.signatories().stream().filter(s -> s.kind() == SignatoryKind.FRANCE_TRAVAIL)
                .map(Signatory::id).findFirst().orElse(OrganisationId.of("FRANCE-TRAVAIL"));
        OrganisationId planOrganisation = protocol.animationStructure().id();
        Actor commission = Actor.in(plan, "commission.entree", planOrganisation, Role.ENTRY_COMMISSION);
        List<Referent> referents = generated.data().referents();
        for (int n = 0; n < COMMISSION_ENTRIES; n++) {
            int i = n;
            LocalDate birth = LocalDate.of(1970 + 2 * i, 1 + i % 12, 10);
            LocalDate unemployedSince = referred.minusMonths(14 + i);
            IscedLevel isced = i % 3 == 0 ? IscedLevel.ISCED_2 : IscedLevel.ISCED_3;
            ParticipantId id = facade.refer(team(), PersonalData.of("Nom" + (i + 1), "Prénom" + (i + 1), birth),
                    Referral.of(franceTravail, referred), new ApplicantSituation(ParticipantStatus.JOBSEEKER, unemployedSince, Set.of(),
                            false, false, isced));
            at(decided, () -> facade.validateEntry(commission, id));
            ReferentId[] referent = new ReferentId[1];
            at(entry, () -> {
                referent[0] = referents.stream().map(Referent::id)
                        .min(Comparator.comparingInt((ReferentId r) -> facade.caseload(team(), r, entry)).thenComparing(ReferentId::value))
                        .orElseThrow();
                Actor signs = referent(referent[0]);
                facade.adhere(signs, id, Adhesion.signedOn(entry, referent[0], planOrganisation));
                facade.recordEntryData(signs, id, 1, new EsfEntryData(entry, i % 4 < 2 ? Gender.WOMAN : Gender.MAN,
                        EsfEntryData.ageOn(birth, entry), LabourMarketStatus.UNEMPLOYED, unemployedSince, isced, Declaration.NO,
                        Declaration.NO, Declaration.NO, Declaration.NO, false, i % 4 == 0));
                facade.addStep(signs, id, Step.of(StepId.of("JUN-" + (i + 1) + "-1"), StepType.ASSESSMENT, entry.plusDays(1), null,
                        accompaniments.get(i % accompaniments.size()).id()));
            });
            at(entry.plusDays(11), () -> facade.endStep(referent(referent[0]), id, StepId.of("JUN-" + (i + 1) + "-1"), entry.plusDays(11)));
            if (i % 2 == 0) {
                LocalDate hired = entry.plusDays(14);
                at(hired, () -> {
                    Actor follows = referent(referent[0]);
                    facade.addStep(follows, id, Step.employment(StepId.of("JUN-" + (i + 1) + "-2"), ContractType.CDI, BigDecimal.ONE, hired,
                            null, employers.get(i % employers.size()).id()));
                    facade.startInWorkFollowUp(follows, id, hired);
                });
                LocalDate left = hired.plusMonths(6).minusDays(1);
                at(left, () -> facade.completeInWorkFollowUp(referent(referent[0]), id, left,
                        new EsfExitData(left, false, false, false, true)));
            } else {
                LocalDate start = LocalDate.of(year, 9, 7);
                LocalDate end = LocalDate.of(year, 12, 18);
                at(start, () -> facade.addStep(referent(referent[0]), id, Step.training(StepId.of("JUN-" + (i + 1) + "-2"),
                        StepType.PRE_QUALIFYING_TRAINING, start, end, trainings.get(i % trainings.size()).id())));
                if (i == 1) {
                    // the referent leaves the plan's employer in September: the animation team hands the person over
                    LocalDate handover = LocalDate.of(year, 9, 14);
                    at(handover, () -> {
                        ReferentId other = referents.stream().map(Referent::id).filter(r -> !r.equals(referent[0]))
                                .min(Comparator.comparingInt((ReferentId r) -> facade.caseload(team(), r, handover))
                                        .thenComparing(ReferentId::value))
                                .orElseThrow();
                        facade.reassignReferent(team(), id, other, handover);
                        referent[0] = other;
                    });
                }
                at(end, () -> facade.endStep(referent(referent[0]), id, StepId.of("JUN-" + (i + 1) + "-2"), end));
            }
        }
        return COMMISSION_ENTRIES;
    }

    /**
     * Runs the twelve's commands due before an instant, each with the clock moved to its day.
     *
     * @param target the instant the scenario moves its clock to
     */
    void catchUp(Instant target) {
        pending.sort(Comparator.comparing(Pending::at).thenComparingInt(Pending::order));
        while (!pending.isEmpty() && pending.get(0).at().isBefore(target)) {
            Pending next = pending.remove(0);
            Duration ahead = Duration.between(clock.instant(), next.at());
            if (!ahead.isNegative()) {
                clock.advance(ahead);
            }
            next.command().run();
        }
    }

    /**
     * Closes the year: the operations funded at its end set, the generated participants loaded into
     * the store with their steps funded by those operations (animation team), then every stored
     * participant streamed out for {@link #participants}.
     *
     * @param funded the operations programmed and committed this year, not empty
     */
    void closeYear(List<Operation> funded) {
        Objects.requireNonNull(funded, "funded");
        catchUp(clock.instant().plusNanos(1));
        fundedBy(funded);
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
        CohortData data = generated.data();
        facade.load(team(), new CohortData(data.referents(), participants, data.identities(), data.erasures()));
        List<Participant> streamed = new ArrayList<>();
        facade.forEachParticipant(team(), view -> streamed.add(new Participant(view.id(), view.periods())));
        stored = List.copyOf(streamed);
    }

    /**
     * The indicator report of the stored cohort, from the facade.
     *
     * @param period the period
     * @param asOf the day of the completeness report
     * @return the report
     */
    FullIndicatorReport report(ReportPeriod period, LocalDate asOf) {
        return facade.report(team(), period, asOf);
    }

    /**
     * The FSE+ report of the stored cohort, from the facade.
     *
     * @param period the period
     * @return the report
     */
    EsfReport esfReport(ReportPeriod period) {
        return facade.esfReport(team(), period);
    }

    private ParticipantId nextId() {
        return ParticipantId.of(String.format("P-%07d", numbers.incrementAndGet()));
    }

    private void at(LocalDate day, Runnable command) {
        pending.add(new Pending(day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant(), pending.size(), command));
    }

    private Actor team() {
        return Actor.in(plan, "thomas.bouyssou", protocol.animationStructure().id(), Role.ANIMATION_TEAM);
    }

    private Actor referent(ReferentId id) {
        OrganisationId employer = generated.data().referents().stream().filter(r -> r.id().equals(id)).map(Referent::employer).findFirst()
                .orElseThrow();
        return Actor.in(plan, id.value(), employer, Role.REFERENT);
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

    /** @return the participants streamed out of the engine's store at the year's end, pseudonymous */
    List<Participant> participants() {
        return stored;
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
