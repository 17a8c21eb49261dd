package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The cohort of a plan (cohorte, file active): its participants and their pathways, its referents,
 * and the vault of identities kept apart. Every change goes through a method here that checks the
 * rules first and changes nothing when it refuses: an {@link InvalidValueException} for an impossible
 * value, a {@link RuleViolationException} for a business refusal, each naming every problem found.
 *
 * <p>Lifecycle of a participant's period: {@link #refer} (eligibility, no double accompaniment) ->
 * {@link #validateEntry} (entry commission) -> {@link #adhere} (voluntary adhesion, referent within
 * its cap) -> steps, status changes, referent reassignments -> {@link #startInWorkFollowUp} ->
 * {@link #completeInWorkFollowUp} (positive exit) or {@link #exit}; then {@link #reenter} opens a
 * new period. Not thread-safe: the workflow layer serialises changes.
 *
 * <p>The cohort is the in-memory composition of the model's parts: each command reads one
 * participant from an {@link InMemoryParticipants}, asks {@link Pathways} for its next state (the
 * cross-participant rules checked against {@link ScanningCohortCounts}) and stores it; identities
 * live in a {@link PersonalDataVault}, referents in an {@link InMemoryReferents}. A store of the
 * engine's database composes the same parts with its own ports.
 */
public final class Cohort {

    private final CohortSettings settings;
    private final Supplier<ParticipantId> ids;
    private final InMemoryParticipants participants = new InMemoryParticipants();
    private final InMemoryReferents referents = new InMemoryReferents();
    private final PersonalDataVault vault = new PersonalDataVault();
    private final Pathways pathways;

    /**
     * Creates an empty cohort.
     *
     * @param settings the settings, not null
     * @param ids the supplier of new pseudonymous identifiers, not null; it must not derive them from identities
     */
    public Cohort(CohortSettings settings, Supplier<ParticipantId> ids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.pathways = new Pathways(settings, referents, new ScanningCohortCounts(participants, vault), vault);
    }

    // ---------------------------------------------------------------- queries

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
        return pathways.exitPolicy();
    }

    /**
     * The commands on one participant that this cohort runs, on its own ports.
     *
     * @return the commands
     */
    public Pathways pathways() {
        return pathways;
    }

    /**
     * A participant.
     *
     * @param id the identifier
     * @return the participant, empty when absent
     */
    public Optional<Participant> participant(ParticipantId id) {
        return participants.find(id).map(ParticipantVersion::participant);
    }

    /**
     * Every participant, in the order they joined the cohort.
     *
     * @return an unmodifiable view
     */
    public Collection<Participant> participants() {
        return participants.all();
    }

    /**
     * The participants as a store (the port the commands use), for code written against
     * {@link Participants}.
     *
     * @return the store; changing it bypasses the cohort's rules
     */
    public Participants store() {
        return participants;
    }

    /**
     * The number of participants.
     *
     * @return the number
     */
    public int size() {
        return (int) participants.count();
    }

    /**
     * The referents known to the cohort.
     *
     * @return an unmodifiable view, in registration order
     */
    public Collection<Referent> referents() {
        return referents.all();
    }

    /**
     * The vault of identities and erasures.
     *
     * @return the vault (read it only: changes bypass the cohort's rules)
     */
    public PersonalDataVault personalData() {
        return vault;
    }

    /**
     * A referent's caseload (file active) on a day: the participants active that day whose referent
     * that day is this one.
     *
     * @param referent the referent
     * @param day the day
     * @return the number of participants
     */
    public int caseload(ReferentId referent, LocalDate day) {
        return new ScanningCohortCounts(participants, vault).caseload(referent, day, null);
    }

    /**
     * The data of the whole cohort, for export.
     *
     * @return participants, referents, identities and erasures
     */
    public CohortData toData() {
        return new CohortData(List.copyOf(referents.all()), List.copyOf(participants.all()), vault.identities(), vault.erasures());
    }

    // ---------------------------------------------------------------- referents

    /**
     * Registers a referent, or updates its employer and working time.
     *
     * @param referent the referent, not null
     */
    public void addReferent(Referent referent) {
        referents.put(Objects.requireNonNull(referent, "referent"));
    }

    // ---------------------------------------------------------------- entry

    /**
     * Refers a new person: checks eligibility against the protocol's target publics and the
     * double-accompaniment rules, then opens a first period waiting for the entry commission.
     *
     * @param identity the person's identity, stored apart in the vault, not null
     * @param referral the referral, not null
     * @param situation the situation at referral, not null
     * @return the new participant's pseudonymous identifier
     * @throws RuleViolationException ({@code PLIE-COHORT-004}) naming every failed criterion of every
     *         target public when not eligible; ({@code PLIE-COHORT-006}) when followed in another PTI
     *         scheme and the settings refuse; ({@code PLIE-COHORT-041}) when the same person (same
     *         names and birth date) has an open period in the cohort
     */
    public ParticipantId refer(PersonalData identity, Referral referral, ApplicantSituation situation) {
        Participant participant = pathways.refer(ids, identity, referral, situation);
        ParticipantId id = participant.id();
        if (participants.find(id).isPresent() || vault.erasure(id).isPresent()) {
            throw new InvalidValueException(CohortError.DUPLICATE, "participantId", id);
        }
        participants.add(participant);
        vault.put(id, identity);
        return id;
    }

    /**
     * Refers a former participant again: a new period that leaves the earlier ones untouched.
     *
     * @param id the participant
     * @param referral the new referral, after the previous period closed
     * @param situation the situation at the new referral
     * @throws RuleViolationException when the current period is not closed, the person is not eligible,
     *         or the identity was erased (its birth date is needed for the age)
     * @throws InvalidValueException ({@code PLIE-COHORT-013}) when the referral does not come after the previous period
     */
    public void reenter(ParticipantId id, Referral referral, ApplicantSituation situation) {
        apply(id, p -> pathways.reenter(p, referral, situation));
    }

    /**
     * The entry commission validates the entry file.
     *
     * @param id the participant
     * @param on the day of the decision, not before the referral
     * @throws RuleViolationException when the period is not waiting for the commission
     */
    public void validateEntry(ParticipantId id, LocalDate on) {
        apply(id, p -> pathways.validateEntry(p, on));
    }

    /**
     * The entry commission refuses the entry, or the person withdraws before adhering: the period is
     * closed without entry and counts in no indicator.
     *
     * @param id the participant
     * @param on the day of the decision
     * @param reason the reason, or null
     * @throws RuleViolationException when the period is past the adhesion
     */
    public void rejectEntry(ParticipantId id, LocalDate on, String reason) {
        apply(id, p -> pathways.rejectEntry(p, on, reason));
    }

    /**
     * The voluntary adhesion is signed: the participant enters the plan on the day of the last
     * signature, in the caseload of the signing referent.
     *
     * @param id the participant
     * @param adhesion the signed adhesion, not null
     * @param designatedBy the organisation that designated the referent (required for an RSA
     *        recipient: the Département), or null
     * @throws RuleViolationException when the entry is not validated, the referent is unknown or at its
     *         cap on some day from the entry on ({@code PLIE-COHORT-007}, naming the busiest day), or an
     *         RSA recipient's referent was not designated by the Département ({@code PLIE-COHORT-008}),
     *         every one found at once
     */
    public void adhere(ParticipantId id, Adhesion adhesion, OrganisationId designatedBy) {
        Objects.requireNonNull(adhesion, "adhesion");
        apply(id, p -> pathways.adhere(p, adhesion, designatedBy));
    }

    /**
     * Another referent takes the participant over from a day; the earlier assignments are kept.
     *
     * @param id the participant
     * @param referent the new referent
     * @param from the first day, not before the current assignment
     * @param designatedBy the designating organisation (the Département for an RSA recipient), or null
     * @throws RuleViolationException when the referent is unknown or at its cap on some day from {@code from} on
     *         ({@code PLIE-COHORT-007}), or the designation is missing, every one found at once
     */
    public void reassignReferent(ParticipantId id, ReferentId referent, LocalDate from, OrganisationId designatedBy) {
        apply(id, p -> pathways.reassignReferent(p, referent, from, designatedBy));
    }

    // ---------------------------------------------------------------- pathway

    /**
     * The participant's status changes from a day; the pathway goes on unbroken.
     *
     * @param id the participant
     * @param since the first day of the new status, after the previous change
     * @param status the new status
     * @throws RuleViolationException when the period is closed
     * @throws InvalidValueException when the day is not after the previous change
     */
    public void changeStatus(ParticipantId id, LocalDate since, ParticipantStatus status) {
        apply(id, p -> pathways.changeStatus(p, since, status));
    }

    /**
     * Adds a step to the pathway.
     *
     * @param id the participant
     * @param step the step, starting on or after the entry and within the maximum duration if any
     * @throws RuleViolationException when the period is not on its pathway, or the step starts beyond
     *         the maximum duration ({@code PLIE-COHORT-018})
     * @throws InvalidValueException when the step starts before the entry or its id is already used
     */
    public void addStep(ParticipantId id, Step step) {
        Objects.requireNonNull(step, "step");
        apply(id, p -> pathways.addStep(p, step));
    }

    /**
     * A step ends.
     *
     * @param id the participant
     * @param stepId the step
     * @param lastDay its last day, not before its start
     * @throws RuleViolationException when the step is unknown or the period is not on its pathway
     */
    public void endStep(ParticipantId id, StepId stepId, LocalDate lastDay) {
        apply(id, p -> pathways.endStep(p, stepId, lastDay));
    }

    /**
     * A qualifying training's qualification is validated.
     *
     * @param id the participant
     * @param stepId the training step
     * @param on the day of validation
     * @throws RuleViolationException when the step is unknown
     * @throws InvalidValueException when the step is not a qualifying training
     */
    public void validateQualification(ParticipantId id, StepId stepId, LocalDate on) {
        apply(id, p -> pathways.validateQualification(p, stepId, on));
    }

    /**
     * Records the FSE+ entry data of the current period, once.
     *
     * @param id the participant
     * @param data the data
     * @throws RuleViolationException when the participant has not entered, or the data is already recorded
     *         ({@code PLIE-COHORT-020})
     * @throws InvalidValueException ({@code PLIE-COHORT-026}, {@code entryData.ageAtEntry}) when the age
     *         is not the one the identity's birth date gives on the entry date
     */
    public void recordEntryData(ParticipantId id, EsfEntryData data) {
        recordEntryData(id, existing(id).participant().periods().size(), data);
    }

    /**
     * Records the FSE+ entry data of a period, once; allowed on an earlier, exited period after a
     * re-entry, since it adds what was missing and overwrites nothing.
     *
     * @param id the participant
     * @param period the period's number
     * @param data the data
     * @throws RuleViolationException when the period has not entered, or the data is already recorded
     *         ({@code PLIE-COHORT-020})
     * @throws InvalidValueException ({@code PLIE-COHORT-026}, {@code entryData.ageAtEntry}) when the age
     *         is not the one the identity's birth date gives on the period's entry date
     */
    public void recordEntryData(ParticipantId id, int period, EsfEntryData data) {
        Objects.requireNonNull(data, "data");
        apply(id, p -> pathways.recordEntryData(p, period, data));
    }

    // ---------------------------------------------------------------- in-work follow-up and exits

    /**
     * Starts the in-work follow-up of a participant who works.
     *
     * @param id the participant
     * @param on the first day of the follow-up, on which qualifying work is under way
     * @throws RuleViolationException when no qualifying work covers the day ({@code PLIE-COHORT-022}) or
     *         the period is not on its pathway
     */
    public void startInWorkFollowUp(ParticipantId id, LocalDate on) {
        apply(id, p -> pathways.startInWorkFollowUp(p, on));
    }

    /**
     * Stops the in-work follow-up before its end (the job ended); the pathway goes on.
     *
     * @param id the participant
     * @param on the last day of the follow-up
     * @throws RuleViolationException when no follow-up is under way
     */
    public void interruptInWorkFollowUp(ParticipantId id, LocalDate on) {
        apply(id, p -> pathways.interruptInWorkFollowUp(p, on));
    }

    /**
     * Completes the in-work follow-up: the positive exit (employment, or business creation) is
     * validated on this day, the employment rule being met by the continuous work the follow-up
     * started on (an earlier job, ended with a break before it, does not count).
     *
     * @param id the participant
     * @param on the exit day, on or after the day the rule is met
     * @param exitData the FSE+ data upon leaving, or null to record it later
     * @return the exit reason, {@link ExitReason#EMPLOYMENT} or {@link ExitReason#BUSINESS_CREATION}
     * @throws RuleViolationException ({@code PLIE-COHORT-014}) when the continuous employment is too short
     */
    public ExitReason completeInWorkFollowUp(ParticipantId id, LocalDate on, EsfExitData exitData) {
        return apply(id, p -> pathways.completeInWorkFollowUp(p, on, exitData)).currentPeriod().exit().reason();
    }

    /**
     * The participant leaves. A positive training exit needs its rule met by that day; a positive
     * employment exit goes through {@link #completeInWorkFollowUp}; an exit for maximum duration needs
     * the duration reached. A follow-up under way is closed as interrupted.
     *
     * @param id the participant
     * @param on the exit day, not before the entry
     * @param reason the reason
     * @param exitData the FSE+ data upon leaving, or null to record it later
     * @throws RuleViolationException when the rule of the reason is not met ({@code PLIE-COHORT-015},
     *         {@code 016}, {@code 017}) or the period is not in the plan
     * @throws InvalidValueException ({@code PLIE-COHORT-002}) when the day is before the entry
     */
    public void exit(ParticipantId id, LocalDate on, ExitReason reason, EsfExitData exitData) {
        Objects.requireNonNull(reason, "reason");
        apply(id, p -> pathways.exit(p, on, reason, exitData));
    }

    /**
     * Closes every pathway that reached the maximum duration on a day, with that exit reason.
     *
     * @param on the day
     * @return the participants who left, empty when the settings set no maximum
     */
    public List<ParticipantId> closePathwaysOverMaximumDuration(LocalDate on) {
        List<ParticipantId> closed = new ArrayList<>();
        for (Participant participant : List.copyOf(participants.all())) {
            if (pathways.isOverMaximumDuration(participant, on)) {
                exit(participant.id(), on, ExitReason.MAXIMUM_DURATION, null);
                closed.add(participant.id());
            }
        }
        return closed;
    }

    /**
     * Records the FSE+ data upon leaving of an exited period, once.
     *
     * @param id the participant
     * @param period the period's number
     * @param data the data
     * @throws RuleViolationException when the period has not exited or the data is already recorded
     */
    public void recordExitData(ParticipantId id, int period, EsfExitData data) {
        Objects.requireNonNull(data, "data");
        apply(id, p -> pathways.recordExitData(p, period, data));
    }

    /**
     * Records the FSE+ data six months after leaving of an exited period, once; allowed on an earlier
     * period after a re-entry, since it adds what was missing and overwrites nothing.
     *
     * @param id the participant
     * @param period the period's number
     * @param data the data
     * @throws RuleViolationException when the period has not exited or the data is already recorded;
     *         ({@code PLIE-COHORT-032}) when collected before {@link CohortSettings#sixMonthDataMonths()}
     *         months after the exit: data collected earlier is not a six-month result
     */
    public void recordSixMonthData(ParticipantId id, int period, EsfSixMonthData data) {
        Objects.requireNonNull(data, "data");
        apply(id, p -> pathways.recordSixMonthData(p, period, data));
    }

    // ---------------------------------------------------------------- personal data

    /**
     * Erases a participant's identity on request. The pseudonymous pathway and FSE+ data stay for the
     * audit trail until the retention date (31 December of the N-th year after the last payment), when
     * {@link #purgeAfterRetention} removes them; free-text fields that may identify the person are
     * cleared now.
     *
     * @param id the participant
     * @param on the day of erasure
     * @param lastPayment the day of the last payment of the operations that followed the person
     * @return the erasure record
     * @throws RuleViolationException when the participant is unknown or already erased
     */
    public Erasure erase(ParticipantId id, LocalDate on, LocalDate lastPayment) {
        ParticipantVersion version = existing(id);
        Erasure erasure = pathways.erasure(version.participant(), on, lastPayment);
        participants.update(version.participant().withoutFreeText(), version.revision());
        vault.erase(erasure);
        return erasure;
    }

    /**
     * Removes the pathway and FSE+ data of erased participants whose retention date has passed.
     *
     * @param today the day
     * @return the participants removed
     */
    public List<ParticipantId> purgeAfterRetention(LocalDate today) {
        List<ParticipantId> purged = new ArrayList<>();
        for (Erasure erasure : vault.expiredOn(today)) {
            participants.remove(erasure.participant());
            vault.forget(erasure.participant());
            purged.add(erasure.participant());
        }
        return purged;
    }

    // ---------------------------------------------------------------- import

    /**
     * Adds participants read from a file or another system, with their identities and erasures, all or
     * nothing. Their histories are checked as wholes by their constructors; here the cohort checks
     * that identifiers are new and target publics are the protocol's, and replays each participant
     * through the commands and the policies spanning participants ({@link ImportReplay}): what the
     * commands refuse (a caseload cap, a designation, the same person twice...) refuses the import.
     *
     * @param data the data to add; its referents are registered too
     * @throws InvalidValueException with every problem: an identifier already in the cohort or twice in
     *         the data, an unknown target public, an age at entry that is not the identity's age on the
     *         entry date, six-month data collected before six months after the exit ({@code PLIE-COHORT-032}),
     *         a positive exit whose steps are given and do not meet its rule ({@code PLIE-COHORT-033});
     *         nothing is added then
     */
    public void load(CohortData data) {
        load(data, ImportedExits.STRICT);
    }

    /**
     * Adds participants read from a file or another system, as {@link #load(CohortData)} does, with
     * a choice for the imported positive exits whose steps are given and do not meet the
     * positive-exit rules (checked as {@link #exit} and {@link #completeInWorkFollowUp} check them,
     * on the exit day; an exit without steps is not checked, since other systems may not export
     * every step).
     *
     * @param data the data to add
     * @param exits {@link ImportedExits#STRICT} refuses the import; {@link ImportedExits#LENIENT}
     *        imports such an exit as {@link ExitReason#UNCONFIRMED_POSITIVE}
     * @return the exits imported as not positive, each a {@code PLIE-COHORT-033} naming the period
     *         and the rule; empty in the strict mode
     * @throws InvalidValueException as {@link #load(CohortData)}; nothing is added then
     */
    public List<Violation> load(CohortData data, ImportedExits exits) {
        return load(data, ImportMode.ALL_OR_NOTHING, exits).unconfirmedExits();
    }

    /**
     * Adds participants read from a file or another system through the commands
     * ({@link ImportReplay}): each participant's history is replayed through {@link Pathways}, the
     * caseload caps and the ban on double accompaniment counted over this cohort and the
     * participants of the data accepted before it, so that a participant is added only when the
     * commands would have built it.
     *
     * @param data the data to add; its referents are registered too (when something is added)
     * @param mode {@link ImportMode#ALL_OR_NOTHING} adds nothing unless every participant is accepted;
     *        {@link ImportMode#VALID_PARTICIPANTS} adds those accepted and reports the others
     * @param exits refuse or demote an imported positive exit whose steps do not meet its rule
     * @return what was added, the problems of the participants left out (each at
     *         {@code participants[i]...}), the exits demoted
     * @throws InvalidValueException with every problem, all or nothing; in both modes when an identity
     *         or erasure names no participant of the data; nothing is added then
     */
    public ImportResult load(CohortData data, ImportMode mode, ImportedExits exits) {
        Objects.requireNonNull(data, "data");
        InMemoryReferents known = new InMemoryReferents();
        referents.all().forEach(known::put);
        data.referents().forEach(known::put);
        ImportResult result = new ImportReplay(settings, known, new ScanningCohortCounts(participants, vault))
                .importData(data, mode, exits, id -> participants.find(id).isPresent());
        CohortData kept = result.data();
        kept.referents().forEach(this::addReferent);
        kept.participants().forEach(participants::add);
        kept.identities().forEach(vault::put);
        kept.erasures().values().forEach(vault::erase);
        return result;
    }

    // ---------------------------------------------------------------- helpers

    private ParticipantVersion existing(ParticipantId id) {
        return participants.find(id).orElseThrow(() -> new RuleViolationException(CohortError.UNKNOWN_PARTICIPANT, "participantId", id));
    }

    /** Reads a participant, asks the commands for its next state and stores it; nothing changes on a refusal. */
    private Participant apply(ParticipantId id, UnaryOperator<Participant> command) {
        ParticipantVersion version = existing(id);
        Participant next = command.apply(version.participant());
        participants.update(next, version.revision());
        return next;
    }
}
