package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportReplay;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.DataScope;
import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.ParticipantVersion;
import fr.asso.europlie.plie.cohort.Pathways;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.Viewer;
import fr.asso.europlie.plie.cohort.VisibilityPolicy;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfIndicators;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.GenderBreakdown;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import fr.asso.europlie.plie.workflow.cohort.ParticipantView;
import java.time.LocalDate;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The implementation of {@link CohortFollowUp} on the engine (internal): each command checks the
 * actor's roles before anything is read, then, in one engine transaction run by the
 * {@link CommandRunner}, locks the participant's row, checks that the actor may act on this
 * participant, asks {@link Pathways} for the next state (the cross-participant rules answered by
 * {@link JdbcCohortCounts}, which locks the referent's row), stores it with its revision and appends
 * the audit entry. A refusal anywhere leaves no row and no entry.
 */
public final class CohortService implements CohortFollowUp {

    private static final int MAX_ID = AuditEntry.MAX_PROTOCOL_ID;

    private final PlanId plan;
    private final PlieRuntime runtime;
    private final CommandRunner runner;
    private final JdbcPersonalData identities;
    private final JdbcReferents referents;
    private final JdbcCohortCounts counts;
    private volatile Configured configured;

    /** What {@link #configure} set on this node. */
    private record Configured(CohortSettings settings, OperationDirectory operations, Supplier<ParticipantId> ids,
            JdbcParticipants participants, Pathways pathways, VisibilityPolicy visibility) {
    }

    /**
     * Creates the service (done by the plan).
     *
     * @param plan the plan it acts in
     * @param runtime the library's runtime in the engine
     * @param runner the command runner
     */
    public CohortService(PlanId plan, PlieRuntime runtime, CommandRunner runner) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.identities = new JdbcPersonalData(plan);
        this.referents = new JdbcReferents(plan);
        this.counts = new JdbcCohortCounts(plan);
    }

    @Override
    public void configure(CohortSettings settings, OperationDirectory operations, Supplier<ParticipantId> ids) {
        required(settings, "settings");
        required(operations, "operations");
        required(ids, "ids");
        JdbcParticipants participants = new JdbcParticipants(plan, runtime.clock(), settings.eligibility().targetPublics());
        configured = new Configured(settings, operations, ids, participants,
                new Pathways(settings, referents, counts, identities), new VisibilityPolicy(operations));
    }

    // ---------------------------------------------------------------- referents and entry

    @Override
    public void registerReferent(Actor actor, Referent referent) {
        required(referent, "referent");
        Limits.text(referent.id().value(), "referent.id", MAX_ID);
        Limits.text(referent.employer().value(), "referent.employer", MAX_ID);
        requireRole(actor, Role.ANIMATION_TEAM, "REGISTER_REFERENT");
        config();
        runner.run(actor, referent.id().value(), () -> {
            referents.put(referent);
            CohortAudit.appendReferent(plan, new AuditEntry(referent.id().value(), runtime.now(), actor.userId(),
                    actor.organisation().value(), "REGISTER_REFERENT", "DONE", null,
                    "employer=" + referent.employer().value() + ", fullTimeEquivalent=" + referent.fullTimeEquivalent().toPlainString(), 0));
            return null;
        });
    }

    @Override
    public ParticipantId refer(Actor actor, PersonalData identity, Referral referral, ApplicantSituation situation) {
        required(identity, "identity");
        required(referral, "referral");
        required(situation, "situation");
        checkIdentity(identity);
        requireRole(actor, Role.ANIMATION_TEAM, "REFER");
        Configured c = config();
        return runner.run(actor, "referral", () -> {
            Participant participant = c.pathways().refer(() -> {
                ParticipantId id = Objects.requireNonNull(c.ids().get(), "ids");
                Limits.text(id.value(), "participantId", MAX_ID);
                return id;
            }, identity, referral, situation);
            if (c.participants().find(participant.id()).isPresent() || identities.erasure(participant.id()).isPresent()) {
                throw new InvalidValueException(CohortError.DUPLICATE, "participantId", participant.id());
            }
            c.participants().add(participant);
            identities.put(participant.id(), identity);
            audit(actor, participant, "REFER", null, referral.referrer().value());
            return participant.id();
        });
    }

    @Override
    public void reenter(Actor actor, ParticipantId id, Referral referral, ApplicantSituation situation) {
        required(referral, "referral");
        required(situation, "situation");
        requireRole(actor, Role.ANIMATION_TEAM, "REENTER");
        command(actor, id, "REENTER", null, Access.ANY, (c, p) -> c.pathways().reenter(p, referral, situation));
    }

    @Override
    public void validateEntry(Actor actor, ParticipantId id) {
        requireRole(actor, Role.ENTRY_COMMISSION, "VALIDATE_ENTRY");
        LocalDate today = runtime.today();
        command(actor, id, "VALIDATE_ENTRY", null, Access.ANY, (c, p) -> c.pathways().validateEntry(p, today));
    }

    @Override
    public void rejectEntry(Actor actor, ParticipantId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "reason", reason);
        }
        Limits.reason(reason, "reason");
        requireRole(actor, Role.ENTRY_COMMISSION, "REJECT_ENTRY");
        LocalDate today = runtime.today();
        command(actor, id, "REJECT_ENTRY", reason, Access.ANY, (c, p) -> c.pathways().rejectEntry(p, today, reason));
    }

    @Override
    public void adhere(Actor actor, ParticipantId id, Adhesion adhesion) {
        required(adhesion, "adhesion");
        requireActor(actor);
        Configured c = config();
        if (actor.has(Role.RSA_DESIGNATION)) {
            requireDepartment(actor, c, "ADHERE");
            command(actor, id, "ADHERE", null, Access.ANY, (cc, p) -> {
                requireRsaRecipient(p, adhesion.entryDate(), "ADHERE");
                return cc.pathways().adhere(p, adhesion, actor.organisation());
            });
            return;
        }
        requireRole(actor, Role.REFERENT, "ADHERE");
        if (!actor.sameUser(adhesion.referent().value())) {
            throw new AccessDeniedException(WorkflowError.NOT_OWN_PARTICIPANT, "adhesion.referent", actor.userId(), id);
        }
        command(actor, id, "ADHERE", null, Access.ANY, (cc, p) -> cc.pathways().adhere(p, adhesion, null));
    }

    @Override
    public void reassignReferent(Actor actor, ParticipantId id, ReferentId referent, LocalDate from) {
        required(referent, "referent");
        required(from, "from");
        requireActor(actor);
        Configured c = config();
        if (actor.has(Role.RSA_DESIGNATION)) {
            requireDepartment(actor, c, "REASSIGN_REFERENT");
            command(actor, id, "REASSIGN_REFERENT", referent.value(), Access.ANY, (cc, p) -> {
                requireRsaRecipient(p, from, "REASSIGN_REFERENT");
                return cc.pathways().reassignReferent(p, referent, from, actor.organisation());
            });
            return;
        }
        requireRole(actor, Role.ANIMATION_TEAM, "REASSIGN_REFERENT");
        command(actor, id, "REASSIGN_REFERENT", referent.value(), Access.ANY, (cc, p) -> cc.pathways().reassignReferent(p, referent, from, null));
    }

    // ---------------------------------------------------------------- pathway, by its referent

    @Override
    public void changeStatus(Actor actor, ParticipantId id, LocalDate since, ParticipantStatus status) {
        referentCommand(actor, id, "CHANGE_STATUS", (c, p) -> c.pathways().changeStatus(p, since, status));
    }

    @Override
    public void addStep(Actor actor, ParticipantId id, Step step) {
        required(step, "step");
        Limits.text(step.id().value(), "step.id", MAX_ID);
        referentCommand(actor, id, "ADD_STEP", (c, p) -> c.pathways().addStep(p, step));
    }

    @Override
    public void endStep(Actor actor, ParticipantId id, StepId step, LocalDate lastDay) {
        referentCommand(actor, id, "END_STEP", (c, p) -> c.pathways().endStep(p, step, lastDay));
    }

    @Override
    public void validateQualification(Actor actor, ParticipantId id, StepId step, LocalDate on) {
        referentCommand(actor, id, "VALIDATE_QUALIFICATION", (c, p) -> c.pathways().validateQualification(p, step, on));
    }

    @Override
    public void recordEntryData(Actor actor, ParticipantId id, int period, EsfEntryData data) {
        referentCommand(actor, id, "RECORD_ENTRY_DATA", period, (c, p) -> c.pathways().recordEntryData(p, period, data));
    }

    @Override
    public void startInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on) {
        referentCommand(actor, id, "START_FOLLOW_UP", (c, p) -> c.pathways().startInWorkFollowUp(p, on));
    }

    @Override
    public void interruptInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on) {
        referentCommand(actor, id, "INTERRUPT_FOLLOW_UP", (c, p) -> c.pathways().interruptInWorkFollowUp(p, on));
    }

    @Override
    public ExitReason completeInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on, EsfExitData exitData) {
        return referentCommand(actor, id, "COMPLETE_FOLLOW_UP", (c, p) -> c.pathways().completeInWorkFollowUp(p, on, exitData))
                .currentPeriod().exit().reason();
    }

    @Override
    public void exit(Actor actor, ParticipantId id, LocalDate on, ExitReason reason, EsfExitData exitData) {
        required(reason, "reason");
        referentCommand(actor, id, "EXIT", (c, p) -> c.pathways().exit(p, on, reason, exitData));
    }

    @Override
    public List<ParticipantId> closePathwaysOverMaximumDuration(Actor actor) {
        requireRole(actor, Role.ANIMATION_TEAM, "CLOSE_OVER_MAXIMUM_DURATION");
        Configured c = config();
        if (c.settings().maximumDuration() == null) {
            return List.of();
        }
        LocalDate today = runtime.today();
        List<ParticipantId> over = runner.run(actor, "maximum-duration", () -> {
            List<ParticipantId> found = new ArrayList<>();
            for (Participant p : c.participants().all()) {
                if (c.pathways().isOverMaximumDuration(p, today)) {
                    found.add(p.id());
                }
            }
            return found;
        });
        List<ParticipantId> closed = new ArrayList<>();
        for (ParticipantId id : over) {
            boolean done = runner.run(actor, id.value(), () -> {
                Optional<ParticipantVersion> version = c.participants().lock(id);
                if (version.isEmpty() || !c.pathways().isOverMaximumDuration(version.get().participant(), today)) {
                    return false;
                }
                Participant next = c.pathways().exit(version.get().participant(), today, ExitReason.MAXIMUM_DURATION, null);
                c.participants().update(next, version.get().revision());
                audit(actor, next, "CLOSE_OVER_MAXIMUM_DURATION", null, ExitReason.MAXIMUM_DURATION.name());
                return true;
            });
            if (done) {
                closed.add(id);
            }
        }
        return List.copyOf(closed);
    }

    @Override
    public void recordExitData(Actor actor, ParticipantId id, int period, EsfExitData data) {
        referentCommand(actor, id, "RECORD_EXIT_DATA", period, (c, p) -> c.pathways().recordExitData(p, period, data));
    }

    @Override
    public void recordSixMonthData(Actor actor, ParticipantId id, int period, EsfSixMonthData data) {
        requireActor(actor);
        if (actor.has(Role.ANIMATION_TEAM)) {
            command(actor, id, "RECORD_SIX_MONTH_DATA", null, Access.ANY, period, (c, p) -> c.pathways().recordSixMonthData(p, period, data));
        } else {
            referentCommand(actor, id, "RECORD_SIX_MONTH_DATA", period, (c, p) -> c.pathways().recordSixMonthData(p, period, data));
        }
    }

    // ---------------------------------------------------------------- personal data

    @Override
    public Erasure erase(Actor actor, ParticipantId id, LocalDate lastPayment) {
        required(lastPayment, "lastPayment");
        requireRole(actor, Role.ANIMATION_TEAM, "ERASE");
        requiredId(id);
        Configured c = config();
        LocalDate today = runtime.today();
        return runner.run(actor, id.value(), () -> {
            ParticipantVersion version = c.participants().lock(id)
                    .orElseThrow(() -> new RuleViolationException(CohortError.UNKNOWN_PARTICIPANT, "participantId", id));
            Erasure erasure = c.pathways().erasure(version.participant(), today, lastPayment);
            Participant cleared = version.participant().withoutFreeText();
            c.participants().update(cleared, version.revision());
            identities.erase(erasure);
            audit(actor, cleared, "ERASE", null, erasure.retainedUntil().toString());
            return erasure;
        });
    }

    @Override
    public List<ParticipantId> purgeAfterRetention(Actor actor) {
        requireRole(actor, Role.ANIMATION_TEAM, "PURGE");
        Configured c = config();
        LocalDate today = runtime.today();
        return runner.run(actor, "purge", () -> {
            List<ParticipantId> purged = new ArrayList<>();
            for (Erasure erasure : identities.expiredOn(today)) {
                int periods = c.participants().lock(erasure.participant()).map(v -> v.participant().periods().size()).orElse(0);
                c.participants().remove(erasure.participant());
                identities.forget(erasure.participant());
                CohortAudit.append(plan, new AuditEntry(erasure.participant().value(), runtime.now(), actor.userId(),
                        actor.organisation().value(), "PURGE", "DONE", null, erasure.retainedUntil().toString(), periods));
                purged.add(erasure.participant());
            }
            return List.copyOf(purged);
        });
    }

    @Override
    public int load(Actor actor, CohortData data) {
        return load(actor, data, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT).data().participants().size();
    }

    @Override
    public ImportResult load(Actor actor, CohortData data, ImportMode mode, ImportedExits exits) {
        required(data, "data");
        required(mode, "mode");
        required(exits, "exits");
        if (data.participants().size() > MAX_LOAD) {
            throw new InvalidValueException(CohortError.LIMIT_EXCEEDED, "participants", data.participants().size(), MAX_LOAD,
                    "CohortFollowUp.MAX_LOAD");
        }
        data.referents().forEach(r -> {
            Limits.text(r.id().value(), "referents.id", MAX_ID);
            Limits.text(r.employer().value(), "referents.employer", MAX_ID);
        });
        data.participants().forEach(p -> Limits.text(p.id().value(), "participants.participantId", MAX_ID));
        data.identities().values().forEach(CohortService::checkIdentity);
        requireRole(actor, Role.ANIMATION_TEAM, "LOAD");
        Configured c = config();
        return runner.run(actor, "load", () -> {
            // the data's referents first: the replay knows them, and their rows are the caseloads' locks
            data.referents().forEach(referents::put);
            ImportReplay replay = new ImportReplay(c.settings(), referents, counts);
            ImportResult result = replay.importData(data, mode, exits,
                    id -> c.participants().find(id).isPresent() || identities.erasure(id).isPresent());
            // The participants' rows and caseload spans in batches, not two or three round trips a
            // participant; refused as add refuses, before anything is written.
            c.participants().addAll(result.data().participants());
            for (Participant participant : result.data().participants()) {
                audit(actor, participant, "LOAD", null, null);
            }
            result.data().identities().forEach(identities::put);
            result.data().erasures().values().forEach(identities::erase);
            return result;
        });
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<ParticipantView> participant(Actor actor, ParticipantId id) {
        requireActor(actor);
        requiredId(id);
        Configured c = config();
        Viewer viewer = viewer(actor);
        if (viewer == null) {
            return Optional.empty();
        }
        LocalDate today = runtime.today();
        return runner.run(actor, id.value(), () -> c.participants().find(id).map(ParticipantVersion::participant).flatMap(p -> {
            Set<DataScope> scopes = c.visibility().scopes(viewer, p, today);
            if (!scopes.contains(DataScope.PATHWAY)) {
                return Optional.empty();
            }
            List<AccompanimentPeriod> periods = c.visibility().visiblePeriods(viewer, p, today);
            if (!scopes.contains(DataScope.SENSITIVE)) {
                periods = periods.stream().map(CohortService::withoutSensitiveData).toList();
            }
            PersonalData identity = scopes.contains(DataScope.IDENTITY) ? identities.find(id).orElse(null) : null;
            return Optional.of(new ParticipantView(id, periods, identity, scopes));
        }));
    }

    /** A participant as a viewer may see it today, as {@link #participant} gives it (inside an engine command); empty when hidden. */
    private Optional<ParticipantView> view(Configured c, Viewer viewer, Participant p, LocalDate today) {
        Set<DataScope> scopes = c.visibility().scopes(viewer, p, today);
        if (!scopes.contains(DataScope.PATHWAY)) {
            return Optional.empty();
        }
        PersonalData identity = scopes.contains(DataScope.IDENTITY) ? identities.find(p.id()).orElse(null) : null;
        return Optional.of(view(c, viewer, p, today, scopes, identity));
    }

    /** The view of a participant whose pathway the viewer may see, with its identity when the viewer may see it (else null). */
    private static ParticipantView view(Configured c, Viewer viewer, Participant p, LocalDate today, Set<DataScope> scopes,
            PersonalData identity) {
        List<AccompanimentPeriod> periods = c.visibility().visiblePeriods(viewer, p, today);
        if (!scopes.contains(DataScope.SENSITIVE)) {
            periods = periods.stream().map(CohortService::withoutSensitiveData).toList();
        }
        return new ParticipantView(p.id(), periods, scopes.contains(DataScope.IDENTITY) ? identity : null, scopes);
    }

    @Override
    public int caseload(Actor actor, ReferentId referent, LocalDate day) {
        required(referent, "referent");
        required(day, "day");
        requireActor(actor);
        if (!actor.has(Role.ANIMATION_TEAM) && !(actor.has(Role.REFERENT) && actor.sameUser(referent.value()))) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), Role.ANIMATION_TEAM, "CASELOAD");
        }
        config();
        return runner.run(actor, referent.value(), () -> counts.caseload(referent, day, null));
    }

    @Override
    public long size(Actor actor) {
        requireRole(actor, Role.ANIMATION_TEAM, "SIZE");
        Configured c = config();
        return runner.run(actor, "size", () -> c.participants().count());
    }

    @Override
    public FullIndicatorReport report(Actor actor, ReportPeriod period, LocalDate asOf) {
        required(period, "period");
        required(asOf, "asOf");
        requireActor(actor);
        if (!actor.has(Role.ANIMATION_TEAM) && !actor.has(Role.FUNDER)) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), Role.ANIMATION_TEAM, "REPORT");
        }
        Configured c = config();
        Indicators indicators = new Indicators(c.settings(), EsfSettings.defaults(), c.operations());
        return runner.run(actor, "report", () -> indicators.fullReport(c.participants().all(), period, asOf));
    }

    @Override
    public EsfReport esfReport(Actor actor, ReportPeriod period) {
        required(period, "period");
        requireActor(actor);
        boolean whole = actor.has(Role.ANIMATION_TEAM) || actor.has(Role.FUNDER);
        if (!whole && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), Role.ANIMATION_TEAM, "ESF_REPORT");
        }
        Configured c = config();
        Indicators indicators = new Indicators(c.settings(), EsfSettings.defaults(), c.operations());
        EsfReport report = runner.run(actor, "report", () -> indicators.esfReport(c.participants().all(), period));
        return whole ? report : ownOperations(report, c.operations(), actor);
    }

    /** The operator's operations of a report, and their sum. */
    private static EsfReport ownOperations(EsfReport report, OperationDirectory operations, Actor actor) {
        java.util.SortedMap<OperationId, EsfIndicators> own = new TreeMap<>(java.util.Comparator.comparing(OperationId::value));
        Map<EsfIndicator, GenderBreakdown> sum = new EnumMap<>(EsfIndicator.class);
        report.byOperation().forEach((operation, values) -> {
            OperationDirectory.OperationInfo info = operations.operations().get(operation);
            if (info != null && actor.actsFor(info.operator())) {
                own.put(operation, values);
                values.values().forEach((indicator, by) -> sum.merge(indicator, by,
                        (a, b) -> new GenderBreakdown(a.women() + b.women(), a.men() + b.men(), a.nonBinary() + b.nonBinary())));
            }
        });
        return new EsfReport(report.period(), own, new EsfIndicators(sum));
    }

    @Override
    public long forEachParticipant(Actor actor, Consumer<? super ParticipantView> action) {
        required(action, "action");
        requireActor(actor);
        Viewer viewer = viewer(actor);
        if (viewer == null) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), Role.ANIMATION_TEAM, "PARTICIPANTS");
        }
        Configured c = config();
        LocalDate today = runtime.today();
        return runner.run(actor, "participants", () -> {
            long given = 0;
            List<Participant> page = new ArrayList<>(JdbcParticipants.PAGE);
            for (Participant p : c.participants().all()) {
                page.add(p);
                if (page.size() == JdbcParticipants.PAGE) {
                    given += give(c, viewer, page, today, action);
                    page.clear();
                }
            }
            return given + give(c, viewer, page, today, action);
        });
    }

    /** Gives the views of a page of participants, in order, their identities read in one query. */
    private long give(Configured c, Viewer viewer, List<Participant> page, LocalDate today, Consumer<? super ParticipantView> action) {
        List<Set<DataScope>> scopes = new ArrayList<>(page.size());
        List<ParticipantId> named = new ArrayList<>();
        for (Participant p : page) {
            Set<DataScope> seen = c.visibility().scopes(viewer, p, today);
            scopes.add(seen);
            if (seen.contains(DataScope.PATHWAY) && seen.contains(DataScope.IDENTITY)) {
                named.add(p.id());
            }
        }
        Map<ParticipantId, PersonalData> found = named.isEmpty() ? Map.of() : identities.findAll(named);
        long given = 0;
        for (int i = 0; i < page.size(); i++) {
            Participant p = page.get(i);
            if (scopes.get(i).contains(DataScope.PATHWAY)) {
                action.accept(view(c, viewer, p, today, scopes.get(i), found.get(p.id())));
                given++;
            }
        }
        return given;
    }

    @Override
    public List<AuditEntry> auditTrail(Actor actor, ParticipantId id) {
        requireActor(actor);
        requiredId(id);
        Configured c = config();
        LocalDate today = runtime.today();
        return runner.run(actor, id.value(), () -> {
            if (!actor.has(Role.ANIMATION_TEAM)) {
                Optional<Participant> participant = c.participants().find(id).map(ParticipantVersion::participant);
                if (!actor.has(Role.REFERENT) || participant.isEmpty() || !isOwn(c, actor, participant.get(), today)) {
                    return List.<AuditEntry>of();
                }
            }
            return CohortAudit.of(plan, id.value());
        });
    }

    @Override
    public List<AuditEntry> referentAuditTrail(Actor actor, ReferentId referent) {
        required(referent, "referent");
        Limits.text(referent.value(), "referent", MAX_ID);
        requireActor(actor);
        config();
        if (!actor.has(Role.ANIMATION_TEAM) && !(actor.has(Role.REFERENT) && actor.sameUser(referent.value()))) {
            return List.of();
        }
        return runner.run(actor, referent.value(), () -> CohortAudit.ofReferent(plan, referent.value()));
    }

    // ---------------------------------------------------------------- helpers

    /** A command on the participant's last period: the audit entry's round is the number of its periods. */
    private static final int CURRENT_PERIOD = 0;

    /** Whom a command may concern beyond the role checked before: anyone, or the actor's own participants. */
    private enum Access {
        ANY, OWN
    }

    /** A change of one participant, given the configuration. */
    private interface Change {
        Participant apply(Configured configured, Participant participant);
    }

    private Participant referentCommand(Actor actor, ParticipantId id, String step, Change change) {
        return referentCommand(actor, id, step, CURRENT_PERIOD, change);
    }

    private Participant referentCommand(Actor actor, ParticipantId id, String step, int period, Change change) {
        requireRole(actor, Role.REFERENT, step);
        return command(actor, id, step, null, Access.OWN, period, change);
    }

    private Participant command(Actor actor, ParticipantId id, String step, String reason, Access access, Change change) {
        return command(actor, id, step, reason, access, CURRENT_PERIOD, change);
    }

    /**
     * Runs a change of one participant under its row lock and audits it.
     *
     * @param period the period the command acts on, recorded as the audit entry's round; {@link #CURRENT_PERIOD} for the
     *     participant's last period (a command on an earlier one, such as its six-month data, names it)
     */
    private Participant command(Actor actor, ParticipantId id, String step, String reason, Access access, int period, Change change) {
        requiredId(id);
        Configured c = config();
        LocalDate today = runtime.today();
        return runner.run(actor, id.value(), () -> {
            Optional<ParticipantVersion> found = c.participants().lock(id);
            if (access == Access.OWN && (found.isEmpty() || !isOwn(c, actor, found.get().participant(), today))) {
                throw new AccessDeniedException(WorkflowError.NOT_OWN_PARTICIPANT, "participantId", actor.userId(), id);
            }
            ParticipantVersion version = found
                    .orElseThrow(() -> new RuleViolationException(CohortError.UNKNOWN_PARTICIPANT, "participantId", id));
            Participant next = change.apply(c, version.participant());
            c.participants().update(next, version.revision());
            audit(actor, next, step, reason, null, period);
            return next;
        });
    }

    private static boolean isOwn(Configured c, Actor actor, Participant participant, LocalDate today) {
        return c.visibility().canSee(new Viewer.ReferentViewer(ReferentId.of(actor.userId())), participant, today);
    }

    private void audit(Actor actor, Participant participant, String step, String reason, String reference) {
        audit(actor, participant, step, reason, reference, CURRENT_PERIOD);
    }

    private void audit(Actor actor, Participant participant, String step, String reason, String reference, int period) {
        CohortAudit.append(plan, new AuditEntry(participant.id().value(), runtime.now(), actor.userId(), actor.organisation().value(),
                step, "DONE", reason, reference, period == CURRENT_PERIOD ? participant.periods().size() : period));
    }

    private static Viewer viewer(Actor actor) {
        if (actor.has(Role.ANIMATION_TEAM)) {
            return new Viewer.AnimationTeamViewer();
        }
        if (actor.has(Role.REFERENT)) {
            return new Viewer.ReferentViewer(ReferentId.of(actor.userId()));
        }
        if (actor.has(Role.OPERATOR)) {
            return new Viewer.OperatorViewer(actor.organisation());
        }
        return null;
    }

    private static AccompanimentPeriod withoutSensitiveData(AccompanimentPeriod p) {
        return new AccompanimentPeriod(p.number(), p.referral(), p.targetPublics(), p.doubleAccompanimentFlagged(), p.entryDecision(),
                p.adhesion(), p.referents(), p.statuses(), p.steps(), null, p.followUps(), p.exit(), p.sixMonthData());
    }

    /**
     * The Département's officer designates referents only when the plan's cohort has a Département, and
     * only for it: RULES.md gives the choice of an RSA recipient's referent to the Département, to no one
     * else (the domain, without a Département, would take any organisation's designation).
     */
    private static void requireDepartment(Actor actor, Configured c, String step) {
        if (c.settings().department() == null) {
            throw new AccessDeniedException(WorkflowError.NO_DEPARTMENT, "settings.department", actor.organisation(), step);
        }
        if (!actor.actsFor(c.settings().department())) {
            throw new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(), step);
        }
    }

    /**
     * The Département designates the referents of RSA recipients only: the participant must be one on the
     * day the designation takes effect (its current period's status that day, as the domain judges it), or
     * have been referred to this period as one. A person the Département oriented to the PLIE as an RSA
     * recipient stays in its charge for the period: a later change of status (the RSA ends on taking up a
     * job, a status recorded late) does not hand the choice of the referent to someone else mid-period.
     */
    private static void requireRsaRecipient(Participant participant, LocalDate on, String step) {
        AccompanimentPeriod period = participant.currentPeriod();
        ParticipantStatus status = period.statusOn(on).orElse(period.currentStatus());
        boolean referredAsRsa = !period.statuses().isEmpty() && period.statuses().get(0).status() == ParticipantStatus.RSA_RECIPIENT;
        if (status != ParticipantStatus.RSA_RECIPIENT && !referredAsRsa) {
            throw new AccessDeniedException(WorkflowError.NOT_RSA_RECIPIENT, "participantId", participant.id(), status, on, step);
        }
    }

    private void requireRole(Actor actor, Role role, String step) {
        requireActor(actor);
        if (!actor.has(role)) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), role, step);
        }
    }

    private void requireActor(Actor actor) {
        if (actor == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "actor", null);
        }
        if (!actor.plan().equals(plan)) {
            throw new AccessDeniedException(WorkflowError.OTHER_PLAN, "actor.plan", actor.plan());
        }
        Limits.identities(actor, null);
    }

    private static void requiredId(ParticipantId id) {
        required(id, "participantId");
        Limits.text(id.value(), "participantId", MAX_ID);
    }

    private static void checkIdentity(PersonalData identity) {
        Limits.text(identity.lastName(), "identity.lastName", MAX_TEXT);
        Limits.text(identity.firstName(), "identity.firstName", MAX_TEXT);
        Limits.text(identity.address(), "identity.address", MAX_TEXT);
        Limits.text(identity.email(), "identity.email", MAX_TEXT);
        Limits.text(identity.phone(), "identity.phone", MAX_TEXT);
        Limits.text(identity.externalId(), "identity.externalId", MAX_TEXT);
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, field, null);
        }
    }

    private Configured config() {
        Configured c = configured;
        if (c == null) {
            throw new RuleViolationException(WorkflowError.COHORT_NOT_CONFIGURED, "configure", plan);
        }
        return c;
    }
}
