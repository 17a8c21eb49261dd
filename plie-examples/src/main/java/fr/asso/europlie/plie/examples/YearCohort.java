package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.DoubleAccompanimentMode;
import fr.asso.europlie.plie.cohort.EligibilityFacts;
import fr.asso.europlie.plie.cohort.EntryDecision;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.Exit;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.InWorkFollowUp;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.MinimumIncome;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.StatusChange;
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
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>The commands are dated: the scenario calls {@link #catchUp} before it moves its clock, and each
 * command runs with the clock on its day (the facade dates the commission's decisions with the
 * engine's clock). The generated participants' pathways span eighteen months, from the July before
 * the year: what happened before the cohort opens in June (referrals, decisions, adhesions, steps,
 * exits of the past months) is loaded then through {@link CohortFollowUp#load} (the referents' tool
 * of the past months handed over to the engine: one audited load by the animation team, replayed
 * through the domain's commands), with the steps and follow-ups still running left open; every
 * later fact is the facade's command, by its actor, on its day: referral or re-entry by the
 * animation team, the entry commission's decision, the adhesion signed by the referent (or the
 * referent designated by the Département for an RSA recipient), the entry data, status changes,
 * steps and their ends, qualifications, in-work follow-ups, exits and exit data by the referent of
 * the day, reassignments by the animation team (or the Département), six-month data by the animation
 * team. The report's cohort figures are read from the facade ({@link #report}, {@link #esfReport}),
 * and the participants streamed
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
    /** Each stored participant's audit trail, read at the year's end. */
    private Map<ParticipantId, List<AuditEntry>> audits = Map.of();
    /** The day the cohort opened in the engine: earlier facts were loaded, later ones are commands. */
    private LocalDate opening;
    /** The last participant number given: the generated ones are numbered from 1, the commission's after them. */
    private final AtomicInteger numbers = new AtomicInteger(PARTICIPANTS);

    /** The generated participants' commands queued, and those still queued after the year's end. */
    private int queued;
    /** The operations that fund steps and referents today. */
    private List<Operation> funding = List.of();

    /** A command run on its day: on one day, in the order of their rank, then of their queueing. */
    private record Pending(Instant at, int rank, int order, Runnable command) {
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
        funding = List.copyOf(funded);
        facade.configure(settings, operations, this::nextId);
    }

    /**
     * Adds an operation to those that fund steps from today (one whose agreement is signed late).
     *
     * @param operation the operation, not null
     */
    void alsoFundedBy(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        List<Operation> funded = new ArrayList<>(funding);
        if (!funded.contains(operation)) {
            funded.add(operation);
        }
        fundedBy(funded);
    }

    /**
     * The June entry commission, from today: twelve long-term jobseekers referred by France Travail
     * today, their entry validated a week later, their adhesion signed the next Monday with the
     * referent who has the smallest caseload, their entry data recorded, an assessment funded by an
     * accompaniment operation; half are hired at the end of June on a steady contract found by the
     * employers' operation and leave at the end of December with a positive exit after six months of
     * in-work follow-up, the others follow a pre-qualifying training of the training operation in
     * the autumn, one of them handed over to another referent in September. Only the referral runs
     * now; the other commands wait for their day ({@link #catchUp}). Before them, the generated
     * participants' history up to today is loaded, and their later facts queued as commands.
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
        followGenerated(referred);
        int year = referred.getYear();
        LocalDate decided = referred.plusDays(7);
        LocalDate entry = referred.plusDays(13);
        OrganisationId franceTravail = protocol.signatories().stream().filter(s -> s.kind() == SignatoryKind.FRANCE_TRAVAIL)
                .map(Signatory::id).findFirst().orElse(OrganisationId.of("FRANCE-TRAVAIL"));
        OrganisationId planOrganisation = protocol.animationStructure().id();
        Actor commission = commission();
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

    /** The order of one day's commands, as the import replays them. */
    private enum Rank {
        REFERRAL, DECISION, ADHESION, ENTRY_DATA, REASSIGNMENT, STATUS, STEP, FOLLOW_UP, STEP_END, QUALIFICATION, EXIT, EXIT_DATA,
        SIX_MONTH_DATA, COMMISSION
    }

    /**
     * Follows the generated participants from the cohort's opening day: what happened before it is
     * loaded ({@link CohortFollowUp#load}: the referents' tool of the past months handed over to the
     * engine, one audited load by the animation team); every later fact of their history is queued as
     * the facade's command, by its actor, on its day ({@link #catchUp}).
     */
    private void followGenerated(LocalDate opening) {
        this.opening = opening;
        CohortData data = generated.data();
        List<Participant> before = new ArrayList<>();
        Map<ParticipantId, PersonalData> identities = new HashMap<>();
        int first = pending.size();
        for (Participant participant : data.participants()) {
            List<AccompanimentPeriod> past = participant.periods().stream().filter(p -> p.referral().referredOn().isBefore(opening))
                    .map(p -> before(p, opening, participant.id())).toList();
            ParticipantId[] id = {past.isEmpty() ? null : participant.id()};
            if (!past.isEmpty()) {
                before.add(new Participant(participant.id(), past));
                identities.put(participant.id(), data.identities().get(participant.id()));
            }
            PersonalData identity = data.identities().get(participant.id());
            participant.periods().forEach(period -> queue(period, identity, id, opening));
        }
        facade.load(team(), new CohortData(data.referents(), before, identities, Map.of()));
        queued = pending.size() - first;
    }

    /** What a generated period held the day before the cohort opened: the facts dated later left out or left open. */
    private AccompanimentPeriod before(AccompanimentPeriod p, LocalDate cut, ParticipantId participant) {
        EntryDecision decision = p.entryDecision() != null && p.entryDecision().decidedOn().isBefore(cut) ? p.entryDecision() : null;
        boolean entered = p.adhesion() != null && p.adhesion().entryDate().isBefore(cut);
        Exit exit = p.exit() != null && p.exit().exitedOn().isBefore(cut) ? p.exit() : null;
        if (exit != null && exit.data() != null && !exit.data().collectedOn().isBefore(cut)) {
            exit = new Exit(exit.exitedOn(), exit.reason(), null);
        }
        List<Step> steps = new ArrayList<>();
        for (Step step : p.steps()) {
            if (step.start().isBefore(cut)) {
                Step kept = keptWhole(step, p) || step.end().isBefore(cut) ? step : open(step);
                steps.add(fundedBy(kept, funding, participant));
            }
        }
        List<InWorkFollowUp> followUps = p.followUps().stream().filter(f -> f.startedOn().isBefore(cut))
                .map(f -> f.endedOn() == null || f.endedOn().isBefore(cut) ? f : new InWorkFollowUp(f.startedOn(), null, false)).toList();
        EsfSixMonthData six = exit != null && p.sixMonthData() != null && p.sixMonthData().collectedOn().isBefore(cut) ? p.sixMonthData() : null;
        return new AccompanimentPeriod(p.number(), p.referral(), p.targetPublics(), p.doubleAccompanimentFlagged(), decision,
                entered ? p.adhesion() : null, entered ? p.referents().stream().filter(r -> r.from().isBefore(cut)).toList() : List.of(),
                p.statuses().stream().filter(s -> s.since().isBefore(cut)).toList(), steps, entered ? p.entryData() : null, followUps, exit,
                six);
    }

    /** A step added with its last day: none, or one after the period's exit (a contract's planned end). */
    private static boolean keptWhole(Step step, AccompanimentPeriod period) {
        return step.end() == null || period.exit() != null && step.end().isAfter(period.exit().exitedOn());
    }

    private static Step open(Step step) {
        return new Step(step.id(), step.type(), step.start(), null, step.plannedEnd(), step.operation(), step.contract(), step.workingTime(),
                step.barrier(), null);
    }

    /** Queues the facts of a generated period dated from the cohort's opening day, each as the facade's command. */
    private void queue(AccompanimentPeriod period, PersonalData identity, ParticipantId[] id, LocalDate cut) {
        int n = period.number();
        LocalDate referred = period.referral().referredOn();
        if (!referred.isBefore(cut)) {
            at(referred, Rank.REFERRAL, () -> {
                ApplicantSituation situation = situation(period, identity);
                // the plan refuses double accompaniment: a person the generator drew as followed in another PTI scheme has left it
                Referral referral = settings.doubleAccompaniment() == DoubleAccompanimentMode.REFUSE
                        ? Referral.of(period.referral().referrer(), referred) : period.referral();
                if (id[0] == null) {
                    id[0] = facade.refer(team(), identity, referral, situation);
                } else {
                    facade.reenter(team(), id[0], referral, situation);
                }
            });
        }
        EntryDecision decision = period.entryDecision();
        if (decision != null && !decision.decidedOn().isBefore(cut)) {
            at(decision.decidedOn(), Rank.DECISION, () -> {
                if (decision.validated()) {
                    facade.validateEntry(commission(), id[0]);
                } else {
                    facade.rejectEntry(commission(), id[0], decision.reason());
                }
            });
        }
        Adhesion adhesion = period.adhesion();
        if (adhesion == null) {
            return;
        }
        LocalDate entry = adhesion.entryDate();
        if (!entry.isBefore(cut)) {
            ReferentAssignment designated = period.referents().get(0);
            at(entry, Rank.ADHESION, () -> facade.adhere(designated.designatedBy() == null ? referent(designated.referent())
                    : department(designated.designatedBy()), id[0], adhesion));
            if (period.entryData() != null) {
                at(entry, Rank.ENTRY_DATA, () -> facade.recordEntryData(referentOn(period, entry), id[0], n, period.entryData()));
            }
        }
        for (ReferentAssignment next : period.referents().subList(1, period.referents().size())) {
            if (!next.from().isBefore(cut)) {
                at(next.from(), Rank.REASSIGNMENT, () -> facade.reassignReferent(next.designatedBy() == null ? team()
                        : department(next.designatedBy()), id[0], next.referent(), next.from()));
            }
        }
        for (StatusChange change : period.statuses().subList(1, period.statuses().size())) {
            if (!change.since().isBefore(cut)) {
                // a change before the adhesion is told to the referent on the entry day, dated as it happened
                LocalDate told = change.since().isBefore(entry) ? entry : change.since();
                at(told, Rank.STATUS, () -> facade.changeStatus(referentOn(period, told), id[0], change.since(), change.status()));
            }
        }
        for (Step step : period.steps()) {
            boolean whole = keptWhole(step, period);
            if (!step.start().isBefore(cut)) {
                at(step.start(), Rank.STEP, () -> facade.addStep(referentOn(period, step.start()), id[0],
                        fundedBy(whole ? step : open(step), funding, id[0])));
            }
            if (!whole && !step.end().isBefore(cut)) {
                at(step.end(), Rank.STEP_END, () -> facade.endStep(referentOn(period, step.end()), id[0], step.id(), step.end()));
                if (step.qualificationValidatedOn() != null) {
                    LocalDate on = step.qualificationValidatedOn();
                    at(on, Rank.QUALIFICATION, () -> facade.validateQualification(referentOn(period, on), id[0], step.id(), on));
                }
            }
        }
        InWorkFollowUp last = period.followUps().isEmpty() ? null : period.followUps().get(period.followUps().size() - 1);
        for (InWorkFollowUp followUp : period.followUps()) {
            if (!followUp.startedOn().isBefore(cut)) {
                at(followUp.startedOn(), Rank.FOLLOW_UP, () -> facade.startInWorkFollowUp(referentOn(period, followUp.startedOn()), id[0],
                        followUp.startedOn()));
            }
            if (followUp.endedOn() != null && !followUp.completed() && !followUp.endedOn().isBefore(cut)) {
                at(followUp.endedOn(), Rank.FOLLOW_UP, () -> facade.interruptInWorkFollowUp(referentOn(period, followUp.endedOn()), id[0],
                        followUp.endedOn()));
            }
        }
        Exit exit = period.exit();
        if (exit == null) {
            return;
        }
        LocalDate left = exit.exitedOn();
        EsfExitData data = exit.data();
        boolean sameDay = data != null && !data.collectedOn().isAfter(left);
        if (!left.isBefore(cut)) {
            at(left, Rank.EXIT, () -> {
                if (last != null && last.completed()) {
                    facade.completeInWorkFollowUp(referentOn(period, left), id[0], left, sameDay ? data : null);
                } else {
                    facade.exit(referentOn(period, left), id[0], left, exit.reason(), sameDay ? data : null);
                }
            });
        }
        if (data != null && !data.collectedOn().isBefore(cut) && (!sameDay || left.isBefore(cut))) {
            at(data.collectedOn(), Rank.EXIT_DATA, () -> facade.recordExitData(referentOn(period, left), id[0], n, data));
        }
        EsfSixMonthData six = period.sixMonthData();
        if (six != null && !six.collectedOn().isBefore(cut)) {
            at(six.collectedOn(), Rank.SIX_MONTH_DATA, () -> facade.recordSixMonthData(team(), id[0], n, six));
        }
    }

    /** The referent who follows the period on a day: the last assigned from that day or before. */
    private Actor referentOn(AccompanimentPeriod period, LocalDate day) {
        ReferentId on = period.referents().get(0).referent();
        for (ReferentAssignment assignment : period.referents()) {
            if (!assignment.from().isAfter(day)) {
                on = assignment.referent();
            }
        }
        return referent(on);
    }

    /**
     * The situation told at a generated referral, from what the period kept: its first status, the
     * minimum income of an RSA recipient, its target publics (a priority neighbourhood) and its FSE+
     * entry data (start of unemployment, education). The generator files a person it drew outside
     * every target public under the first one, long-term unemployment: such a person tells a year
     * and a month of unemployment.
     */
    private ApplicantSituation situation(AccompanimentPeriod period, PersonalData identity) {
        Set<String> publics = new HashSet<>();
        period.targetPublics().forEach(t -> publics.add(t.code()));
        ParticipantStatus status = period.statuses().get(0).status();
        LocalDate on = period.referral().referredOn();
        EsfEntryData data = period.entryData();
        LocalDate unemployedSince = data != null && data.unemployedSince() != null ? data.unemployedSince()
                : publics.contains("DELD") ? on.minusMonths(13) : status == ParticipantStatus.JOBSEEKER ? on.minusMonths(3) : null;
        IscedLevel isced = data != null && data.isced() != null ? data.isced() : publics.contains("JEUNES") ? IscedLevel.ISCED_2 : IscedLevel.ISCED_3;
        Set<MinimumIncome> incomes = status == ParticipantStatus.RSA_RECIPIENT || publics.contains("BRSA") ? Set.of(MinimumIncome.RSA) : Set.of();
        ApplicantSituation told = new ApplicantSituation(status, unemployedSince, incomes, false, publics.contains("QPV"), isced);
        int age = EsfEntryData.ageOn(identity.birthDate(), on);
        if (settings.eligibility().evaluate(new EligibilityFacts(told, age, on)).isEligible()) {
            return told;
        }
        return new ApplicantSituation(status, on.minusMonths(13), incomes, false, publics.contains("QPV"), isced);
    }

    /**
     * Runs the cohort's commands due before an instant, each with the clock moved to its day.
     *
     * @param target the instant the scenario moves its clock to
     */
    void catchUp(Instant target) {
        pending.sort(Comparator.comparing(Pending::at).thenComparingInt(Pending::rank).thenComparingInt(Pending::order));
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
     * Closes the year: the commands due by then run, the operations funded at its end set, then every
     * stored participant streamed out for {@link #participants}. The facts dated after the clock's
     * time (exit data collected in the new year) stay queued, not run ({@link #generatedCommands}).
     *
     * @param funded the operations programmed and committed this year, not empty
     */
    void closeYear(List<Operation> funded) {
        Objects.requireNonNull(funded, "funded");
        catchUp(clock.instant().plusNanos(1));
        fundedBy(funded);
        List<Participant> streamed = new ArrayList<>();
        facade.forEachParticipant(team(), view -> streamed.add(new Participant(view.id(), view.periods())));
        stored = List.copyOf(streamed);
        Map<ParticipantId, List<AuditEntry>> trails = new HashMap<>();
        for (Participant participant : stored) {
            trails.put(participant.id(), facade.auditTrail(team(), participant.id()));
        }
        audits = Map.copyOf(trails);
    }

    /** @return each stored participant's audit trail, oldest first, read from the engine at the year's end */
    Map<ParticipantId, List<AuditEntry>> audits() {
        return audits;
    }

    /** @return the day the cohort opened in the engine (earlier facts loaded, later ones commands), null before */
    LocalDate opening() {
        return opening;
    }

    /** @return the generated participants' commands run through the facade, and those dated after the year's end, left queued */
    int[] generatedCommands() {
        return new int[] {queued - pending.size(), pending.size()};
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
        at(day, Rank.COMMISSION, command);
    }

    private void at(LocalDate day, Rank rank, Runnable command) {
        pending.add(new Pending(day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant(), rank.ordinal(), pending.size(), command));
    }

    private Actor commission() {
        return Actor.in(plan, "commission.entree", protocol.animationStructure().id(), Role.ENTRY_COMMISSION);
    }

    /** The Département's officer who designates an RSA recipient's referent. */
    private Actor department(OrganisationId department) {
        return Actor.in(plan, "designation.rsa", department, Role.RSA_DESIGNATION);
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
