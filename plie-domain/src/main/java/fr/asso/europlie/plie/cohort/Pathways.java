package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The commands on one participant's pathway (commandes du parcours): each takes the participant as
 * it is and returns its next state, or refuses with every problem found; it changes nothing, so the
 * caller stores the result (or not). Rules that span participants are policies checked against
 * ports: the caseload cap and the ban on double accompaniment against {@link CohortCounts}, a
 * referent's working time against {@link Referents}, the identity (its birth date gives the age)
 * against {@link Identities}.
 *
 * <p>Refusals: a command checks everything it can before refusing, and refuses once with every
 * violation found (the state that does not allow it, each rule it breaks, each value that does not
 * fit the period), not only the first: an {@link InvalidValueException} when one of them is an
 * impossible value, else a {@link RuleViolationException}, with the codes the {@link Cohort}
 * documents for each command. A check that needs what another refused is left out (the rest of a
 * period whose state does not allow the change, a step the pathway does not hold). Thread-safe when
 * its ports are.
 */
public final class Pathways {

    private final CohortSettings settings;
    private final PositiveExitPolicy exitPolicy;
    private final Referents referents;
    private final CohortCounts counts;
    private final Identities identities;

    /**
     * Creates the commands.
     *
     * @param settings the cohort's settings, not null
     * @param referents the referents, not null
     * @param counts the counts of the cohort, not null
     * @param identities the identities, not null
     */
    public Pathways(CohortSettings settings, Referents referents, CohortCounts counts, Identities identities) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.exitPolicy = new PositiveExitPolicy(settings.exitRules());
        this.referents = Objects.requireNonNull(referents, "referents");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    /**
     * The settings.
     *
     * @return the settings
     */
    public CohortSettings settings() {
        return settings;
    }

    /**
     * The positive-exit policy of the settings' rules.
     *
     * @return the policy
     */
    public PositiveExitPolicy exitPolicy() {
        return exitPolicy;
    }

    // ---------------------------------------------------------------- entry

    /**
     * A new participant referred: eligibility, the double-accompaniment rules (another PTI scheme
     * declared; the same person with an open period in the cohort), and a first period waiting for
     * the entry commission. The identity is the caller's to keep, apart.
     *
     * @param newId gives the new participant's pseudonymous identifier, asked once the checks pass, not null
     * @param identity the person's identity, not null
     * @param referral the referral, not null
     * @param situation the situation at referral, not null
     * @return the new participant
     * @throws RuleViolationException ({@code PLIE-COHORT-004}) for every failed criterion,
     *     ({@code -006}) when followed in another PTI scheme and the settings refuse,
     *     ({@code -041}) when the same person has an open period in the cohort
     */
    public Participant refer(Supplier<ParticipantId> newId, PersonalData identity, Referral referral, ApplicantSituation situation) {
        Objects.requireNonNull(newId, "newId");
        Objects.requireNonNull(identity, "identity");
        Checks checks = new Checks();
        AccompanimentPeriod first = openPeriod(checks, 1, identity, null, referral, situation);
        checks.throwIfAny();
        return Participant.of(Objects.requireNonNull(newId.get(), "newId"), first);
    }

    /**
     * A former participant referred again: a new period that leaves the earlier ones untouched.
     *
     * @param participant the participant, not null
     * @param referral the new referral, after the previous period closed
     * @param situation the situation at the new referral
     * @return the participant with its new period
     * @throws RuleViolationException when the current period is not closed, the person is not
     *     eligible or already followed, or the identity was erased ({@code -023})
     * @throws InvalidValueException ({@code PLIE-COHORT-013}) when the referral does not come after the previous period
     */
    public Participant reenter(Participant participant, Referral referral, ApplicantSituation situation) {
        ParticipantId id = participant.id();
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(situation, "situation");
        Checks checks = new Checks();
        boolean allowed = allowed(checks, id, participant.currentPeriod(), PeriodAction.REENTER);
        Optional<PersonalData> identity = identities.find(id);
        checks.check(identity.isPresent(), CohortError.ALREADY_ERASED, "participantId", id,
                identities.erasure(id).map(Erasure::erasedOn).orElse(null));
        AccompanimentPeriod next = identity.isEmpty() ? null
                : openPeriod(checks, participant.periods().size() + 1, identity.get(), id, referral, situation);
        if (allowed && next != null) {
            try {
                return participant.withNewPeriod(next);
            } catch (PlieException e) {
                checks.absorb(e);
            }
        }
        checks.throwIfAny();
        throw new IllegalStateException("a refused re-entry without a violation");
    }

    /**
     * The checks of a new period (eligibility, double accompaniment) recorded in {@code checks}, and
     * the period when they pass.
     *
     * @return the new period, or null when refused
     */
    private AccompanimentPeriod openPeriod(Checks checks, int number, PersonalData identity, ParticipantId self, Referral referral,
            ApplicantSituation situation) {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(situation, "situation");
        int found = checks.violations().size();
        int age = EsfEntryData.ageOn(identity.birthDate(), referral.referredOn());
        EligibilityRules.EligibilityResult result = settings.eligibility().evaluate(new EligibilityFacts(situation, age, referral.referredOn()));
        if (!result.isEligible()) {
            checks.addAll(result.failures(), null);
        }
        boolean followedElsewhere = referral.otherPtiScheme() != null;
        if (followedElsewhere && settings.doubleAccompaniment() == DoubleAccompanimentMode.REFUSE) {
            checks.add(CohortError.DOUBLE_ACCOMPANIMENT, "referral.otherPtiScheme", referral.otherPtiScheme());
        }
        Optional<ParticipantId> twin = counts.openPeriodOf(PersonKey.of(identity), self);
        twin.ifPresent(other -> checks.add(CohortError.PERSON_ALREADY_FOLLOWED, "identity", PersonKey.of(identity), other));
        if (checks.violations().size() > found) {
            return null;
        }
        try {
            return AccompanimentPeriod.referred(number, referral, result.eligible(), followedElsewhere, situation.status());
        } catch (PlieException e) {
            checks.absorb(e);
            return null;
        }
    }

    /**
     * The entry commission validates the entry file.
     *
     * @param participant the participant, not null
     * @param on the day of the decision, not before the referral
     * @return the next state
     * @throws RuleViolationException when the period is not waiting for the commission
     */
    public Participant validateEntry(Participant participant, LocalDate on) {
        return change(participant, PeriodAction.VALIDATE_ENTRY, draft -> draft.entryDecision = new EntryDecision(on, true, null));
    }

    /**
     * The entry commission refuses the entry, or the person withdraws before adhering.
     *
     * @param participant the participant, not null
     * @param on the day of the decision
     * @param reason the reason, or null
     * @return the next state
     * @throws RuleViolationException when the period is past the adhesion
     */
    public Participant rejectEntry(Participant participant, LocalDate on, String reason) {
        return change(participant, PeriodAction.REJECT_ENTRY, draft -> draft.entryDecision = new EntryDecision(on, false, reason));
    }

    /**
     * The voluntary adhesion is signed: entry on the day of the last signature, in the caseload of
     * the signing referent.
     *
     * @param participant the participant, not null
     * @param adhesion the signed adhesion, not null
     * @param designatedBy the organisation that designated the referent, or null
     * @return the next state
     * @throws RuleViolationException ({@code -007}, {@code -008}, {@code -010}) as {@link Cohort#adhere}
     */
    public Participant adhere(Participant participant, Adhesion adhesion, OrganisationId designatedBy) {
        Objects.requireNonNull(adhesion, "adhesion");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.ADHERE);
        LocalDate entry = adhesion.entryDate();
        checkAssignment(checks, participant.id(), period, adhesion.referent(), entry, designatedBy, "adhesion.referent");
        return finish(checks, participant, period, allowed, draft -> {
            draft.adhesion = adhesion;
            draft.referents.add(new ReferentAssignment(adhesion.referent(), entry, designatedBy));
        });
    }

    /**
     * Another referent takes the participant over from a day.
     *
     * @param participant the participant, not null
     * @param referent the new referent
     * @param from the first day
     * @param designatedBy the designating organisation, or null
     * @return the next state
     * @throws RuleViolationException as {@link Cohort#reassignReferent}
     */
    public Participant reassignReferent(Participant participant, ReferentId referent, LocalDate from, OrganisationId designatedBy) {
        Objects.requireNonNull(from, "from");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.REASSIGN_REFERENT);
        checkAssignment(checks, participant.id(), period, referent, from, designatedBy, "referent");
        return finish(checks, participant, period, allowed, draft -> draft.referents.add(new ReferentAssignment(referent, from, designatedBy)));
    }

    /**
     * The checks of a referent's designation from a day: the referent known; its caseload, without
     * this participant, under its cap on every day of the assignment, from {@code from} to the
     * period's exit or, while open, every day on (the busiest day found by {@link CaseloadSpan#peak}
     * over the spans the counts give, so that a place taken later in the span refuses it too); for
     * an RSA recipient, the designation by the Département.
     */
    private void checkAssignment(Checks checks, ParticipantId id, AccompanimentPeriod period, ReferentId referent, LocalDate from,
            OrganisationId designatedBy, String field) {
        Optional<Referent> known = referent == null ? Optional.empty() : referents.find(referent);
        if (checks.check(known.isPresent(), CohortError.UNKNOWN_REFERENT, field, referent)) {
            int cap = known.get().cap(settings.caseloadCap());
            LocalDate exit = period.exitDate();
            LocalDate end = exit != null && exit.isAfter(from) ? exit : null;
            CaseloadSpan.Peak peak = counts instanceof CaseloadPeaks peaks ? peaks.caseloadPeak(referent, from, end, id)
                    : CaseloadSpan.peak(counts.caseloadSpans(referent, from, end, id), from, end);
            checks.check(peak.count() < cap, CohortError.CASELOAD_CAP_REACHED, field, referent, peak.count(), cap, peak.day());
        }
        boolean rsa = period.statusOn(from).orElse(period.currentStatus()) == ParticipantStatus.RSA_RECIPIENT;
        if (rsa) {
            boolean designated = designatedBy != null && (settings.department() == null || settings.department().equals(designatedBy));
            checks.check(designated, CohortError.RSA_REFERENT_NOT_DESIGNATED, "designatedBy", designatedBy,
                    settings.department() == null ? "-" : settings.department());
        }
    }

    // ---------------------------------------------------------------- pathway

    /**
     * The participant's status changes from a day.
     *
     * @param participant the participant, not null
     * @param since the first day of the new status
     * @param status the new status
     * @return the next state
     */
    public Participant changeStatus(Participant participant, LocalDate since, ParticipantStatus status) {
        return change(participant, PeriodAction.CHANGE_STATUS, draft -> draft.statuses.add(new StatusChange(since, status)));
    }

    /**
     * Adds a step to the pathway.
     *
     * @param participant the participant, not null
     * @param step the step
     * @return the next state
     * @throws RuleViolationException as {@link Cohort#addStep}
     */
    public Participant addStep(Participant participant, Step step) {
        Objects.requireNonNull(step, "step");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.ADD_STEP);
        checkWithinMaximum(checks, period, step.start(), "step.start");
        boolean unique = isNewStep(participant, step.id());
        if (!unique) {
            checks.addInvalid(CohortError.DUPLICATE, "step.id", step.id());
        }
        return finish(checks, participant, period, allowed && unique, draft -> draft.steps.add(step));
    }

    /** Whether no period of the participant holds a step of this identifier (a loop: the replay adds every imported step). */
    private static boolean isNewStep(Participant participant, StepId id) {
        List<AccompanimentPeriod> periods = participant.periods();
        for (int i = 0, n = periods.size(); i < n; i++) {
            List<Step> steps = periods.get(i).steps();
            for (int j = 0, m = steps.size(); j < m; j++) {
                if (steps.get(j).id().equals(id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The status changes and steps of an imported period ({@link ImportReplay}) applied in one change
     * of the current period: the result of {@link #changeStatus} and {@link #addStep} run one after
     * the other in the order given, when each of them would accept; null when any of them would
     * refuse, and then the caller runs them one by one to report what each refuses.
     *
     * <p>The same result: neither command changes the period's state nor its entry date, so each
     * one's own checks (its state allows it; a step within the maximum duration, its identifier new
     * to the participant's periods and to the steps given before it) are those made here on the
     * period as it is; and the period's and the participant's checks on the period with every change
     * pass only when they pass on the period with the first changes only (they compare each status
     * with the one before and the referral, each step with the entry, the exit and the other steps'
     * identifiers: what the first changes give is part of what all of them give). So the period is
     * built and checked once instead of once a change.
     *
     * @param participant the participant, not null
     * @param changes the changes in the order of the import's events, each a {@link StatusChange} or a {@link Step}
     * @return the next state, or null when a change would be refused
     */
    Participant changeStatusesAndAddSteps(Participant participant, List<Object> changes) {
        AccompanimentPeriod period = participant.currentPeriod();
        PeriodState state = period.state();
        LocalDate lastDay = lastDayWithinMaximum(period);
        List<StepId> added = new ArrayList<>();
        for (int i = 0, n = changes.size(); i < n; i++) {
            Object change = changes.get(i);
            if (change instanceof Step step) {
                if (!state.allows(PeriodAction.ADD_STEP) || lastDay != null && step.start().isAfter(lastDay)
                        || added.contains(step.id()) || !isNewStep(participant, step.id())) {
                    return null;
                }
                added.add(step.id());
            } else if (!state.allows(PeriodAction.CHANGE_STATUS)) {
                return null;
            }
        }
        try {
            AccompanimentPeriod.Draft draft = period.draft();
            for (int i = 0, n = changes.size(); i < n; i++) {
                if (changes.get(i) instanceof Step step) {
                    draft.steps.add(step);
                } else {
                    StatusChange change = (StatusChange) changes.get(i);
                    draft.statuses.add(new StatusChange(change.since(), change.status()));
                }
            }
            return participant.withPeriod(draft.build());
        } catch (PlieException e) {
            return null;
        }
    }

    /** The last day within the maximum duration from the period's entry, or null without maximum or before entry. */
    private LocalDate lastDayWithinMaximum(AccompanimentPeriod period) {
        LocalDate entry = period.entryDate();
        return settings.maximumDuration() == null || entry == null ? null : entry.plus(settings.maximumDuration()).minusDays(1);
    }

    private void checkWithinMaximum(Checks checks, AccompanimentPeriod period, LocalDate day, String field) {
        LocalDate end = lastDayWithinMaximum(period);
        if (end != null) {
            checks.check(!day.isAfter(end), CohortError.MAX_DURATION_EXCEEDED, field, day, settings.maximumDuration(), end);
        }
    }

    /**
     * A step ends.
     *
     * @param participant the participant, not null
     * @param stepId the step
     * @param lastDay its last day
     * @return the next state
     */
    public Participant endStep(Participant participant, StepId stepId, LocalDate lastDay) {
        return replaceStep(participant, PeriodAction.END_STEP, stepId, step -> step.endedOn(lastDay));
    }

    /**
     * A qualifying training's qualification is validated.
     *
     * @param participant the participant, not null
     * @param stepId the training step
     * @param on the day of validation
     * @return the next state
     */
    public Participant validateQualification(Participant participant, StepId stepId, LocalDate on) {
        return replaceStep(participant, PeriodAction.VALIDATE_QUALIFICATION, stepId, step -> step.validatedOn(on));
    }

    private Participant replaceStep(Participant participant, PeriodAction action, StepId stepId, UnaryOperator<Step> change) {
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, action);
        Optional<Step> step = period.step(stepId);
        Step changed = null;
        if (checks.check(step.isPresent(), CohortError.UNKNOWN_STEP, "stepId", stepId)) {
            try {
                changed = change.apply(step.get());
            } catch (PlieException e) {
                checks.absorb(e);
            }
        }
        Step next = changed;
        return finish(checks, participant, period, allowed && next != null,
                draft -> draft.steps.replaceAll(s -> s.id().equals(stepId) ? next : s));
    }

    /**
     * Records the FSE+ entry data of a period, once.
     *
     * @param participant the participant, not null
     * @param period the period's number
     * @param data the data, not null
     * @return the next state
     * @throws RuleViolationException as {@link Cohort#recordEntryData(ParticipantId, int, EsfEntryData)}
     */
    public Participant recordEntryData(Participant participant, int period, EsfEntryData data) {
        Objects.requireNonNull(data, "data");
        Optional<PersonalData> identity = identities.find(participant.id());
        Checks checks = new Checks();
        // the entry date without the adhesion rebuilt from a folded period: the same day (its last signature)
        participant.period(period).filter(p -> p.isEntered() && identity.isPresent()).ifPresent(p -> {
            LocalDate entry = p.entryDate();
            int age = EsfEntryData.ageOn(identity.get().birthDate(), entry);
            if (data.ageAtEntry() != age) {
                checks.addInvalid(CohortError.INCOMPATIBLE, "entryData.ageAtEntry", data.ageAtEntry(), "adhesion.entryDate", entry + " (" + age + ")");
            }
        });
        return changePeriod(checks, participant, period, PeriodAction.RECORD_ENTRY_DATA,
                p -> p.entryData() == null ? null : p.entryData().collectedOn(), "entryData", draft -> draft.entryData = data);
    }

    // ---------------------------------------------------------------- in-work follow-up and exits

    /**
     * Starts the in-work follow-up of a participant who works.
     *
     * @param participant the participant, not null
     * @param on the first day of the follow-up
     * @return the next state
     * @throws RuleViolationException ({@code -022}) when no qualifying work covers the day
     */
    public Participant startInWorkFollowUp(Participant participant, LocalDate on) {
        Objects.requireNonNull(on, "on");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.START_FOLLOW_UP);
        boolean working = false;
        for (Step s : period.steps()) {
            if (exitPolicy.isQualifyingWork(s) && s.covers(on)) {
                working = true;
                break;
            }
        }
        checks.check(working, CohortError.REQUIRED_FOR, "steps.EMPLOYMENT", on, PeriodAction.START_FOLLOW_UP);
        return finish(checks, participant, period, allowed, draft -> draft.followUps.add(new InWorkFollowUp(on, null, false)));
    }

    /**
     * Stops the in-work follow-up before its end.
     *
     * @param participant the participant, not null
     * @param on the last day of the follow-up
     * @return the next state
     */
    public Participant interruptInWorkFollowUp(Participant participant, LocalDate on) {
        return change(participant, PeriodAction.INTERRUPT_FOLLOW_UP, draft -> closeFollowUp(draft, on, false));
    }

    /**
     * Completes the in-work follow-up: the positive exit is validated on this day; the reason is the
     * current period's exit reason of the result.
     *
     * @param participant the participant, not null
     * @param on the exit day
     * @param exitData the FSE+ data upon leaving, or null
     * @return the next state
     * @throws RuleViolationException ({@code -014}) when the continuous employment is too short
     */
    public Participant completeInWorkFollowUp(Participant participant, LocalDate on, EsfExitData exitData) {
        Objects.requireNonNull(on, "on");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.COMPLETE_FOLLOW_UP);
        List<Step> steps = period.steps();
        Optional<InWorkFollowUp> followUp = period.openFollowUp();
        Optional<PositiveExitPolicy.PositiveOutcome> outcome = followUp.flatMap(f -> exitPolicy.employmentCovering(steps, f.startedOn(), on));
        if (followUp.isPresent()) {
            checks.check(outcome.isPresent(), CohortError.EMPLOYMENT_RULE_NOT_MET, "exit.reason", ExitReason.EMPLOYMENT, on,
                    settings.exitRules().employmentMonths(), exitPolicy.longestContinuousWorkDays(steps, on));
        }
        return finish(checks, participant, period, allowed && outcome.isPresent(), draft -> {
            closeFollowUp(draft, on, true);
            draft.exit = new Exit(on, outcome.get().reason(), exitData);
        });
    }

    private static void closeFollowUp(AccompanimentPeriod.Draft draft, LocalDate on, boolean completed) {
        int last = draft.followUps.size() - 1;
        draft.followUps.set(last, new InWorkFollowUp(draft.followUps.get(last).startedOn(), on, completed));
    }

    /**
     * The participant leaves.
     *
     * @param participant the participant, not null
     * @param on the exit day
     * @param reason the reason, not null
     * @param exitData the FSE+ data upon leaving, or null
     * @return the next state
     * @throws RuleViolationException as {@link Cohort#exit}
     */
    public Participant exit(Participant participant, LocalDate on, ExitReason reason, EsfExitData exitData) {
        return leave(participant, on, reason, exitData, true);
    }

    /**
     * The exit of an imported period ({@link ImportReplay}): the {@link #exit} command (the period's
     * state, the maximum duration reached for {@link ExitReason#MAXIMUM_DURATION}, a follow-up under
     * way closed as interrupted, the period's own checks), except the rule of a positive exit, which
     * an import judges on the steps it is given ({@link ImportChecks}: refused or demoted, and not
     * re-derived when no step is given, as docs/cohort.md documents).
     *
     * @param participant the participant, not null
     * @param on the exit day
     * @param reason the reason imported, not null
     * @param exitData the FSE+ data upon leaving, or null
     * @return the next state
     * @throws RuleViolationException as {@link #exit}, but for {@code -015} and {@code -016}
     */
    Participant exitAsImported(Participant participant, LocalDate on, ExitReason reason, EsfExitData exitData) {
        return leave(participant, on, reason, exitData, false);
    }

    /**
     * The completion of an imported period's in-work follow-up ({@link ImportReplay}): the
     * {@link #completeInWorkFollowUp} command with the reason imported (employment or business
     * creation, which the period's own checks require of a completed follow-up), whose rule an
     * import judges on the steps it is given ({@link ImportChecks}, {@code PLIE-COHORT-033}).
     *
     * @param participant the participant, not null
     * @param on the exit day, the follow-up's last day
     * @param reason the reason imported, not null
     * @param exitData the FSE+ data upon leaving, or null
     * @return the next state
     * @throws RuleViolationException ({@code -003}) when no follow-up is under way
     */
    Participant completeInWorkFollowUpAsImported(Participant participant, LocalDate on, ExitReason reason, EsfExitData exitData) {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.COMPLETE_FOLLOW_UP);
        return finish(checks, participant, period, allowed, draft -> {
            closeFollowUp(draft, on, true);
            draft.exit = new Exit(on, reason, exitData);
        });
    }

    private Participant leave(Participant participant, LocalDate on, ExitReason reason, EsfExitData exitData, boolean positiveRule) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(on, "on");
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, PeriodAction.EXIT);
        if (!positiveRule) {
            // judged by the import's checks on the steps given
        } else if (reason.needsInWorkFollowUp()) {
            checks.add(CohortError.FOLLOW_UP_REQUIRED, "exit.reason", reason);
        } else if (reason.isPositive()) {
            checks.check(exitPolicy.outcome(reason, period.steps(), on).isPresent(), CohortError.TRAINING_RULE_NOT_MET, "exit.reason", reason, on,
                    settings.exitRules().longTrainingMonths(), settings.exitRules().longTrainingCountsAfterMonths());
        }
        if (reason == ExitReason.MAXIMUM_DURATION) {
            checks.check(isOverMaximumDuration(period, on), CohortError.MAX_DURATION_NOT_REACHED, "exit.exitedOn", on,
                    settings.maximumDuration() == null ? "-" : settings.maximumDuration(), period.entryDate());
        }
        return finish(checks, participant, period, allowed, draft -> {
            if (period.openFollowUp().isPresent()) {
                closeFollowUp(draft, on, false);
            }
            draft.exit = new Exit(on, reason, exitData);
        });
    }

    /**
     * Whether the participant's pathway is on (active or in in-work follow-up) and reached the
     * maximum duration on a day.
     *
     * @param participant the participant, not null
     * @param on the day
     * @return true when it must close for maximum duration
     */
    public boolean isOverMaximumDuration(Participant participant, LocalDate on) {
        AccompanimentPeriod period = participant.currentPeriod();
        PeriodState state = period.state();
        return (state == PeriodState.ACTIVE || state == PeriodState.IN_WORK_FOLLOW_UP) && isOverMaximumDuration(period, on);
    }

    private boolean isOverMaximumDuration(AccompanimentPeriod period, LocalDate on) {
        return settings.maximumDuration() != null && period.entryDate() != null
                && !on.isBefore(period.entryDate().plus(settings.maximumDuration()));
    }

    /**
     * Records the FSE+ data upon leaving of an exited period, once.
     *
     * @param participant the participant, not null
     * @param period the period's number
     * @param data the data, not null
     * @return the next state
     */
    public Participant recordExitData(Participant participant, int period, EsfExitData data) {
        Objects.requireNonNull(data, "data");
        return changePeriod(new Checks(), participant, period, PeriodAction.RECORD_EXIT_DATA,
                p -> p.exit() == null || p.exit().data() == null ? null : p.exit().data().collectedOn(),
                "exit.data", draft -> draft.exit = new Exit(draft.exit.exitedOn(), draft.exit.reason(), data));
    }

    /**
     * Records the FSE+ data six months after leaving of an exited period, once.
     *
     * @param participant the participant, not null
     * @param period the period's number
     * @param data the data, not null
     * @return the next state
     * @throws RuleViolationException ({@code -032}) when collected too early
     */
    public Participant recordSixMonthData(Participant participant, int period, EsfSixMonthData data) {
        Objects.requireNonNull(data, "data");
        Checks checks = new Checks();
        participant.period(period).filter(p -> p.exit() != null).ifPresent(p -> {
            Violation early = sixMonthDataTooEarly(p.exit().exitedOn(), data, "sixMonthData.collectedOn");
            if (early != null) {
                checks.addAll(List.of(early), null);
            }
        });
        return changePeriod(checks, participant, period, PeriodAction.RECORD_SIX_MONTH_DATA,
                p -> p.sixMonthData() == null ? null : p.sixMonthData().collectedOn(), "sixMonthData", draft -> draft.sixMonthData = data);
    }

    /**
     * Six-month data collected too early after an exit.
     *
     * @param exitedOn the exit day
     * @param data the data
     * @param field the field to name
     * @return the violation ({@code -032}), or null when in time
     */
    Violation sixMonthDataTooEarly(LocalDate exitedOn, EsfSixMonthData data, String field) {
        LocalDate from = settings.sixMonthDataFrom(exitedOn);
        return data.collectedOn().isBefore(from)
                ? Violation.of(CohortError.SIX_MONTH_DATA_TOO_EARLY, field, data.collectedOn(), exitedOn, from) : null;
    }

    // ---------------------------------------------------------------- personal data

    /**
     * The erasure of a participant's identity on request, and its pathway without the free text that
     * may identify the person; the caller erases the identity and stores the pathway.
     *
     * @param participant the participant, not null
     * @param on the day of erasure, not null
     * @param lastPayment the day of the last payment of the operations that followed the person, not null
     * @return the erasure record
     * @throws RuleViolationException ({@code -023}) when already erased
     */
    public Erasure erasure(Participant participant, LocalDate on, LocalDate lastPayment) {
        Optional<Erasure> done = identities.erasure(participant.id());
        if (done.isPresent()) {
            throw new RuleViolationException(CohortError.ALREADY_ERASED, "participantId", participant.id(), done.get().erasedOn());
        }
        LocalDate until = settings.retention().retainUntil(lastPayment);
        return new Erasure(participant.id(), on, until.isBefore(on) ? on : until);
    }

    // ---------------------------------------------------------------- helpers

    /** Records an {@code ILLEGAL_TRANSITION} when the period's state does not allow the action; returns whether it does. */
    private static boolean allowed(Checks checks, ParticipantId id, AccompanimentPeriod period, PeriodAction action) {
        return checks.check(period.state().allows(action), CohortError.ILLEGAL_TRANSITION, "participantId", id, period.state(), action);
    }

    /** A change of the current period with no check of its own but its state's and the period's. */
    private static Participant change(Participant participant, PeriodAction action, Consumer<AccompanimentPeriod.Draft> change) {
        AccompanimentPeriod period = participant.currentPeriod();
        Checks checks = new Checks();
        boolean allowed = allowed(checks, participant.id(), period, action);
        return finish(checks, participant, period, allowed, change);
    }

    /**
     * The end of every command: applies the change to the period when {@code apply} says it can be
     * (its state allows it and what the change needs was found), recording what the changed period's
     * own checks refuse, then refuses with every violation found, or returns the next state.
     *
     * @param checks the violations found by the command
     * @param participant the participant
     * @param period the period changed
     * @param apply whether the change can be applied
     * @param change the change
     * @return the next state
     */
    private static Participant finish(Checks checks, Participant participant, AccompanimentPeriod period, boolean apply,
            Consumer<AccompanimentPeriod.Draft> change) {
        AccompanimentPeriod next = null;
        if (apply) {
            try {
                AccompanimentPeriod.Draft draft = period.draft();
                change.accept(draft);
                next = draft.build();
            } catch (PlieException e) {
                checks.absorb(e);
            }
        }
        checks.throwIfAny();
        return participant.withPeriod(next);
    }

    private static Participant changePeriod(Checks checks, Participant participant, int number, PeriodAction action,
            Function<AccompanimentPeriod, Object> existing, String field, Consumer<AccompanimentPeriod.Draft> change) {
        Optional<AccompanimentPeriod> found = participant.period(number);
        if (found.isEmpty()) {
            checks.add(CohortError.OUT_OF_RANGE, "period", number, 1, participant.periods().size());
            checks.throwIfAny();
        }
        AccompanimentPeriod period = found.get();
        boolean allowed = allowed(checks, participant.id(), period, action);
        Object recorded = existing.apply(period);
        checks.check(recorded == null, CohortError.ALREADY_RECORDED, field, recorded);
        return finish(checks, participant, period, allowed && recorded == null, change);
    }
}
