package fr.asso.europlie.plie.workflow.cohort;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The follow-up of a plan's cohort (suivi de la cohorte): the participants kept in the engine's
 * database one at a time, and the commands on their pathways, each run in one engine transaction
 * after checking who acts, and recorded in the participant's audit trail. The rules are the
 * domain's ({@code fr.asso.europlie.plie.cohort.Pathways}), with the same codes and messages as the
 * in-memory {@code Cohort}; the caseload cap holds under concurrent designations.
 *
 * <p>Who acts ({@link fr.asso.europlie.plie.workflow.Role}): the animation team registers
 * referents, records referrals, reassigns referents, erases identities, purges after retention and
 * reads everything; the entry commission validates or refuses entries; a referent (user id = its
 * {@link ReferentId}) records the adhesion it signs and acts on the pathways of its own participants
 * (those it is the referent of today); the Département's {@code RSA_DESIGNATION} officer records the
 * adhesion or reassignment of an RSA recipient with the referent it designated (only when the settings
 * name a Département, only for it, and only for an RSA recipient); an operator sees only the periods
 * its operations fund; a funder reads the indicator report only. A refused command changes nothing: no
 * row, no audit entry.
 *
 * <p>Commands take the day from the engine's clock. Thread-safe.
 */
public interface CohortFollowUp {

    /**
     * Sets, on this node, the settings this plan's cohort runs with: eligibility, caseload cap,
     * Département, retention... (the protocol's, see {@code CohortSettings.forProtocol}), the
     * operations that fund steps (for what operators see), and the supplier of new pseudonymous
     * identifiers. Call it at every start, before any other method; calling it again replaces them.
     *
     * @param settings the settings, not null
     * @param operations the operations and their operators, not null
     * @param ids the supplier of new participant identifiers (at most 100 characters), not null
     */
    void configure(CohortSettings settings, OperationDirectory operations, Supplier<ParticipantId> ids);

    /**
     * Registers a referent, or updates its employer and working time (animation team), and records it
     * in the referent's audit trail ({@link #referentAuditTrail}: step {@code REGISTER_REFERENT}, the
     * employer and full-time equivalent as reference).
     *
     * @param actor the animation team, not null
     * @param referent the referent, its id and employer at most 100 characters, not null
     */
    void registerReferent(Actor actor, Referent referent);

    /**
     * Records a referral (animation team): eligibility and the double-accompaniment rules, then a
     * first period waiting for the entry commission; the identity is kept apart.
     *
     * @param actor the animation team, not null
     * @param identity the identity, each text at most {@value #MAX_TEXT} characters, not null
     * @param referral the referral, not null
     * @param situation the situation at referral, not null
     * @return the new participant's id
     */
    ParticipantId refer(Actor actor, PersonalData identity, Referral referral, ApplicantSituation situation);

    /**
     * Refers a former participant again (animation team).
     *
     * @param actor the animation team, not null
     * @param id the participant, not null
     * @param referral the new referral, not null
     * @param situation the situation, not null
     */
    void reenter(Actor actor, ParticipantId id, Referral referral, ApplicantSituation situation);

    /**
     * The entry commission validates the entry (entry commission), dated today.
     *
     * @param actor the entry commission, not null
     * @param id the participant, not null
     */
    void validateEntry(Actor actor, ParticipantId id);

    /**
     * The entry commission refuses the entry (entry commission), dated today.
     *
     * @param actor the entry commission, not null
     * @param id the participant, not null
     * @param reason the reason, at most 4,000 characters, not blank
     */
    void rejectEntry(Actor actor, ParticipantId id, String reason);

    /**
     * The adhesion is signed: by the referent who signs it (an RSA recipient's is refused, since
     * the Département designates it), or recorded by the Département's officer with the referent
     * it designated.
     *
     * @param actor the signing referent, or the Département's {@code RSA_DESIGNATION} officer, not null
     * @param id the participant, not null
     * @param adhesion the adhesion, not null
     * @throws fr.asso.europlie.plie.workflow.AccessDeniedException for the Département's officer when the
     *     settings name no Département ({@code PLIE-WORKFLOW-115}), when it acts for another organisation
     *     ({@code PLIE-WORKFLOW-002}), or when the participant is not an RSA recipient on the entry day
     *     and was not referred to the period as one ({@code PLIE-WORKFLOW-116}); nothing changes
     */
    void adhere(Actor actor, ParticipantId id, Adhesion adhesion);

    /**
     * Another referent takes over from a day (animation team, or the Département's officer for an
     * RSA recipient).
     *
     * @param actor who designates, not null
     * @param id the participant, not null
     * @param referent the new referent, not null
     * @param from the first day, not null
     * @throws fr.asso.europlie.plie.workflow.AccessDeniedException for the Département's officer as in
     *     {@link #adhere} ({@code PLIE-WORKFLOW-115}, {@code -002}, {@code -116}, the status judged on
     *     {@code from}); nothing changes
     */
    void reassignReferent(Actor actor, ParticipantId id, ReferentId referent, LocalDate from);

    /**
     * The participant's status changes (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param since the first day, not null
     * @param status the status, not null
     */
    void changeStatus(Actor actor, ParticipantId id, LocalDate since, ParticipantStatus status);

    /**
     * Adds a step (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param step the step, not null
     */
    void addStep(Actor actor, ParticipantId id, Step step);

    /**
     * A step ends (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param step the step, not null
     * @param lastDay the last day, not null
     */
    void endStep(Actor actor, ParticipantId id, StepId step, LocalDate lastDay);

    /**
     * A qualification is validated (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param step the training step, not null
     * @param on the day, not null
     */
    void validateQualification(Actor actor, ParticipantId id, StepId step, LocalDate on);

    /**
     * Records the FSE+ entry data of a period (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param period the period's number
     * @param data the data, not null
     */
    void recordEntryData(Actor actor, ParticipantId id, int period, EsfEntryData data);

    /**
     * Starts the in-work follow-up (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param on the first day, not null
     */
    void startInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on);

    /**
     * Interrupts the in-work follow-up (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param on the last day, not null
     */
    void interruptInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on);

    /**
     * Completes the in-work follow-up with a positive exit (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param on the exit day, not null
     * @param exitData the data upon leaving, or null
     * @return the exit reason
     */
    ExitReason completeInWorkFollowUp(Actor actor, ParticipantId id, LocalDate on, EsfExitData exitData);

    /**
     * The participant leaves (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param on the exit day, not null
     * @param reason the reason, not null
     * @param exitData the data upon leaving, or null
     */
    void exit(Actor actor, ParticipantId id, LocalDate on, ExitReason reason, EsfExitData exitData);

    /**
     * Closes, today, every pathway (active or in in-work follow-up) that reached the settings'
     * maximum duration, with the exit reason {@code MAXIMUM_DURATION} and no data upon leaving
     * (animation team), as the in-memory {@code Cohort.closePathwaysOverMaximumDuration} does. The
     * store is read a page at a time to find them; each is then closed in its own engine transaction,
     * under its row lock and judged again there (a pathway another command closed meanwhile is left
     * alone), and audited ({@code CLOSE_OVER_MAXIMUM_DURATION}).
     *
     * @param actor the animation team, not null
     * @return the participants whose pathway was closed, in the order they joined the store; empty when
     *     the settings set no maximum duration
     * @throws fr.asso.europlie.plie.workflow.AccessDeniedException ({@code PLIE-WORKFLOW-001}) for any
     *     other actor, before anything is read
     */
    List<ParticipantId> closePathwaysOverMaximumDuration(Actor actor);

    /**
     * Records the FSE+ data upon leaving of a period (its referent).
     *
     * @param actor the participant's referent, not null
     * @param id the participant, not null
     * @param period the period's number
     * @param data the data, not null
     */
    void recordExitData(Actor actor, ParticipantId id, int period, EsfExitData data);

    /**
     * Records the FSE+ data six months after leaving (its referent, or the animation team, since the
     * person may have left the referent's caseload).
     *
     * @param actor the participant's referent or the animation team, not null
     * @param id the participant, not null
     * @param period the period's number
     * @param data the data, not null
     */
    void recordSixMonthData(Actor actor, ParticipantId id, int period, EsfSixMonthData data);

    /**
     * Erases a participant's identity on request (animation team), today; the pathway stays for
     * the FSE+ audit until the retention date.
     *
     * @param actor the animation team, not null
     * @param id the participant, not null
     * @param lastPayment the last payment of the operations that followed the person, not null
     * @return the erasure
     */
    Erasure erase(Actor actor, ParticipantId id, LocalDate lastPayment);

    /**
     * Removes the pathways of erased participants whose retention date has passed (animation team),
     * each recorded in its participant's audit trail (step {@code PURGE}, the retention date as
     * reference), which outlives the pathway.
     *
     * @param actor the animation team, not null
     * @return the participants removed
     */
    List<ParticipantId> purgeAfterRetention(Actor actor);

    /**
     * A participant as the actor may see it today.
     *
     * @param actor who asks, not null
     * @param id the participant, not null
     * @return the view, empty when unknown or not the actor's to see (alike)
     */
    Optional<ParticipantView> participant(Actor actor, ParticipantId id);

    /**
     * A referent's caseload on a day (animation team, or the referent itself).
     *
     * @param actor who asks, not null
     * @param referent the referent, not null
     * @param day the day, not null
     * @return the number of participants
     */
    int caseload(Actor actor, ReferentId referent, LocalDate day);

    /**
     * The number of participants stored (animation team).
     *
     * @param actor the animation team, not null
     * @return the number
     */
    long size(Actor actor);

    /**
     * The indicator report over the stored cohort (animation team, funder), read from the store a
     * page at a time: the cohort is never held in memory at once.
     *
     * @param actor the animation team or a funder, not null
     * @param period the reporting period, not null
     * @param asOf the day the report is drawn up, not null
     * @return the report
     */
    FullIndicatorReport report(Actor actor, ReportPeriod period, LocalDate asOf);

    /**
     * A participant's audit trail, oldest first (animation team, or its referent); each entry's
     * {@code protocolId} is the participant's id and its round the period's number.
     *
     * @param actor who asks, not null
     * @param id the participant, not null
     * @return the entries, empty when not the actor's to see
     */
    List<AuditEntry> auditTrail(Actor actor, ParticipantId id);

    /**
     * A referent's audit trail, oldest first (animation team, or the referent itself): its
     * registrations ({@code REGISTER_REFERENT}); each entry's {@code protocolId} is the referent's id
     * and its round 0.
     *
     * @param actor who asks, not null
     * @param referent the referent, at most 100 characters, not null
     * @return the entries, empty when not the actor's to see
     */
    List<AuditEntry> referentAuditTrail(Actor actor, ReferentId referent);

    /**
     * Adds participants kept elsewhere (a file read with {@code CohortCsv} or {@code CohortJson},
     * another system), with their referents, identities and erasures, all or nothing (animation
     * team), strict about imported positive exits: {@link #load(Actor, fr.asso.europlie.plie.cohort.CohortData,
     * fr.asso.europlie.plie.cohort.ImportMode, fr.asso.europlie.plie.cohort.ImportedExits)} with
     * {@code ALL_OR_NOTHING} and {@code STRICT}.
     *
     * @param actor the animation team, not null
     * @param data the data, at most {@value #MAX_LOAD} participants, not null
     * @return the number of participants stored
     */
    int load(Actor actor, fr.asso.europlie.plie.cohort.CohortData data);

    /**
     * The FSE+ report of a period over the stored cohort (rapport FSE+): the common indicators by
     * gender per operation, and their sum, as {@code Indicators.esfReport} computes them, read from the
     * store a page at a time (the cohort is never held in memory at once). The animation team and a
     * funder get every operation; an operator gets only the operations it runs (those the cohort's
     * {@code OperationDirectory} gives it, accompaniment operations included), and the sum over those.
     *
     * @param actor the animation team, a funder or an operator, not null
     * @param period the reporting period, not null
     * @return the report
     * @throws fr.asso.europlie.plie.workflow.AccessDeniedException ({@code PLIE-WORKFLOW-001}) for any
     *     other actor
     */
    EsfReport esfReport(Actor actor, ReportPeriod period);

    /**
     * Streams the stored participants the actor may see today, as {@link #participant} shows each
     * (same periods, scopes and identity), in the order they joined the store, read a page of
     * {@value #STREAM_PAGE} at a time: a caller can recompute figures over any number of them with
     * bounded memory. The animation team sees every participant; a referent its own participants
     * (those it is the referent of today); an operator the periods its operations fund, without
     * sensitive data. The action runs inside the engine's read, on the calling thread: it must not
     * call the engine (copy what it needs, act after).
     *
     * @param actor the animation team, a referent or an operator, not null
     * @param action called once per participant the actor may see, not null
     * @return the number of participants given to the action
     * @throws fr.asso.europlie.plie.workflow.AccessDeniedException ({@code PLIE-WORKFLOW-001}) for any
     *     other actor
     */
    long forEachParticipant(Actor actor, Consumer<? super ParticipantView> action);

    /** The participants {@link #forEachParticipant} reads from the store at once. */
    int STREAM_PAGE = 500;

    /**
     * Adds participants kept elsewhere (animation team), in one engine transaction, through the
     * commands ({@code fr.asso.europlie.plie.cohort.ImportReplay}): every participant must be new to
     * the store; each one's history is replayed through the pathway commands, the caseload caps and
     * the ban on double accompaniment counted in the store (with its locks) and among the
     * participants of the call accepted before it, so that a load never takes a referent beyond the
     * cap the store already holds; each participant stored is audited ({@code LOAD}). The data's
     * referents are registered first. At most {@value #MAX_LOAD} participants a call (checked before
     * anything is read): load a large cohort in batches.
     *
     * @param actor the animation team, not null
     * @param data the data, not null
     * @param mode {@code ALL_OR_NOTHING}: nothing is stored unless every participant is accepted;
     *        {@code VALID_PARTICIPANTS}: those accepted are stored, the others reported
     * @param exits refuse ({@code STRICT}) or demote ({@code LENIENT}) an imported positive exit whose
     *        steps do not meet its rule
     * @return what was stored, the problems of the participants left out (at {@code participants[i]...}),
     *         the exits demoted
     */
    fr.asso.europlie.plie.cohort.ImportResult load(Actor actor, fr.asso.europlie.plie.cohort.CohortData data,
            fr.asso.europlie.plie.cohort.ImportMode mode, fr.asso.europlie.plie.cohort.ImportedExits exits);

    /** The most participants a {@code load} takes in one call (one transaction). */
    int MAX_LOAD = 10_000;

    /** The longest text of an identity (names, address, e-mail, phone, external id), in characters. */
    int MAX_TEXT = 400;
}
