package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.BarrierKind;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EntryDecision;
import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.Exit;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ImportChecks;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportReplay;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.InWorkFollowUp;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
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
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes a cohort as CSV files (import / export CSV): UTF-8, {@code ;} or {@code ,}, one
 * header line, the column sets documented in {@code docs/cohort.md}.
 *
 * <p>Reading reports every bad row with its file, line and column ({@code periods.csv[12].exitedOn})
 * and, by default, imports nothing unless every row is valid. Given the cohort's settings
 * ({@link #read(CsvFiles, CohortSettings, ImportMode, ImportedExits)}), it also checks six-month data
 * collected too early and imported positive exits against the positive-exit rules, at the row and
 * column, with the lenient imported-exit option.
 */
public final class CohortCsv {

    /** The columns of {@code periods.csv}, in order. */
    public static final List<String> PERIOD_COLUMNS = List.of("participantId", "period", "referrer", "referredOn", "otherPtiScheme",
            "targetPublics", "doubleAccompanimentFlagged", "entryDecidedOn", "entryValidated", "entryRefusalReason", "participantSignedOn",
            "referent", "referentSignedOn", "plan", "planSignedOn", "referents", "statuses", "followUps", "entryDataCollectedOn", "gender",
            "ageAtEntry", "labourStatus", "unemployedSince", "isced", "disability", "thirdCountNational", "foreignBackground", "minority",
            "homeless", "ruralArea", "exitedOn", "exitReason", "exitDataCollectedOn", "jobSearching", "inEducationOrTraining",
            "gainedQualification", "employedOnLeaving", "sixMonthDataCollectedOn", "employedAfterSixMonths", "improvedSituation");
    /** The columns of {@code steps.csv}, in order. */
    public static final List<String> STEP_COLUMNS = List.of("participantId", "period", "stepId", "type", "start", "end", "plannedEnd",
            "operation", "contract", "workingTime", "barrier", "qualificationValidatedOn");
    /** The columns of {@code identities.csv}, in order. */
    public static final List<String> IDENTITY_COLUMNS = List.of("participantId", "lastName", "firstName", "birthDate", "address", "email",
            "phone", "externalId", "erasedOn", "retainedUntil");
    /** The columns of {@code referents.csv}, in order. */
    public static final List<String> REFERENT_COLUMNS = List.of("referentId", "employer", "fullTimeEquivalent");

    private static final List<String> ENTRY_DATA = List.of("entryDataCollectedOn", "gender", "ageAtEntry", "labourStatus", "unemployedSince",
            "isced", "disability", "thirdCountNational", "foreignBackground", "minority", "homeless", "ruralArea");
    private static final List<String> EXIT_DATA = List.of("exitDataCollectedOn", "jobSearching", "inEducationOrTraining", "gainedQualification",
            "employedOnLeaving");
    private static final List<String> SIX_MONTH_DATA = List.of("sixMonthDataCollectedOn", "employedAfterSixMonths", "improvedSituation");
    private static final List<String> ADHESION = List.of("participantSignedOn", "referent", "referentSignedOn", "plan", "planSignedOn");
    private static final Pattern STEP_INDEX = Pattern.compile("^steps\\[(\\d+)](.*)$");
    private static final Pattern PERIOD_INDEX = Pattern.compile("^periods\\[(\\d+)]\\.(.*)$");

    private CohortCsv() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a cohort's data.
     *
     * @param data the data, not null
     * @param delimiter {@code ;} (the default for French spreadsheets) or {@code ,}
     * @return the four files
     * @throws IllegalArgumentException when the delimiter is neither
     */
    public static CsvFiles write(CohortData data, char delimiter) {
        if (delimiter != ';' && delimiter != ',') {
            throw new IllegalArgumentException("delimiter must be ; or , : " + delimiter);
        }
        CsvWriter periods = new CsvWriter(delimiter, PERIOD_COLUMNS);
        CsvWriter steps = new CsvWriter(delimiter, STEP_COLUMNS);
        for (Participant participant : data.participants()) {
            for (AccompanimentPeriod p : participant.periods()) {
                writePeriod(periods, participant.id(), p);
                for (Step s : p.steps()) {
                    steps.row(participant.id(), p.number(), s.id(), s.type(), s.start(), s.end(), s.plannedEnd(), s.operation(), s.contract(),
                            s.workingTime() == null ? null : s.workingTime().toPlainString(), s.barrier(), s.qualificationValidatedOn());
                }
            }
        }
        CsvWriter identities = new CsvWriter(delimiter, IDENTITY_COLUMNS);
        data.identities().forEach((id, d) -> identities.row(id, d.lastName(), d.firstName(), d.birthDate(), d.address(), d.email(), d.phone(),
                d.externalId(), null, null));
        data.erasures().forEach((id, e) -> identities.row(id, null, null, null, null, null, null, null, e.erasedOn(), e.retainedUntil()));
        CsvWriter referents = new CsvWriter(delimiter, REFERENT_COLUMNS);
        data.referents().forEach(r -> referents.row(r.id(), r.employer(), r.fullTimeEquivalent().toPlainString()));
        boolean anyIdentity = !data.identities().isEmpty() || !data.erasures().isEmpty();
        return new CsvFiles(periods.text(), steps.text(), anyIdentity ? identities.text() : null, referents.text());
    }

    private static void writePeriod(CsvWriter out, ParticipantId id, AccompanimentPeriod p) {
        Adhesion a = p.adhesion();
        EntryDecision d = p.entryDecision();
        EsfEntryData e = p.entryData();
        Exit x = p.exit();
        EsfExitData l = x == null ? null : x.data();
        EsfSixMonthData s = p.sixMonthData();
        List<String> publics = p.targetPublics().stream().map(TargetPublic::code).sorted().map(ListCells::escape).toList();
        out.row(id, p.number(), p.referral().referrer(), p.referral().referredOn(), p.referral().otherPtiScheme(), String.join("|", publics),
                p.doubleAccompanimentFlagged(), d == null ? null : d.decidedOn(), d == null ? null : d.validated(), d == null ? null : d.reason(),
                a == null ? null : a.participantSignedOn(), a == null ? null : a.referent(), a == null ? null : a.referentSignedOn(),
                a == null ? null : a.plan(), a == null ? null : a.planSignedOn(), joined(p.referents(), r -> r.from() + ":" + ListCells.escape(r.referent())
                        + (r.designatedBy() == null ? "" : ":" + ListCells.escape(r.designatedBy()))),
                joined(p.statuses(), c -> c.since() + ":" + c.status()),
                joined(p.followUps(), f -> f.startedOn() + ":" + (f.endedOn() == null ? "" : f.endedOn()) + ":"
                        + (f.isOpen() ? "OPEN" : f.completed() ? "COMPLETED" : "INTERRUPTED")),
                e == null ? null : e.collectedOn(), e == null ? null : e.gender(), e == null ? null : e.ageAtEntry(),
                e == null ? null : e.labourStatus(), e == null ? null : e.unemployedSince(), e == null ? null : e.isced().level(),
                e == null ? null : e.disability(), e == null ? null : e.thirdCountNational(), e == null ? null : e.foreignBackground(),
                e == null ? null : e.minority(), e == null ? null : e.homeless(), e == null ? null : e.ruralArea(),
                x == null ? null : x.exitedOn(), x == null ? null : x.reason(), l == null ? null : l.collectedOn(),
                l == null ? null : l.jobSearching(), l == null ? null : l.inEducationOrTraining(), l == null ? null : l.gainedQualification(),
                l == null ? null : l.employed(), s == null ? null : s.collectedOn(), s == null ? null : s.employed(),
                s == null ? null : s.improvedSituation());
    }

    private static <T> String joined(List<T> items, Function<T, String> format) {
        return String.join("|", items.stream().map(format).toList());
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a cohort's files, all or nothing.
     *
     * @param files the files, not null
     * @param targetPublics the protocol's target publics; any other code is refused
     * @return the data
     * @throws InvalidValueException with every problem of every file, each naming the file, line and
     *         column ({@code periods.csv[12].exitedOn}), the value, and what was expected
     */
    public static CohortData read(CsvFiles files, List<TargetPublic> targetPublics) {
        return read(files, targetPublics, ImportMode.ALL_OR_NOTHING).data();
    }

    /**
     * Reads a cohort's files.
     *
     * @param files the files, not null
     * @param targetPublics the protocol's target publics; any other code is refused
     * @param mode all or nothing (the default), or keep the participants whose rows are all valid
     * @return the data and, in the second mode, the problems of the participants left out
     * @throws InvalidValueException in the first mode, with every problem; in both modes, when a file's
     *         header lacks a required column or names one twice, or a file is beyond the
     *         {@linkplain CsvLimits#defaults() default limits} (nothing can be read from it then)
     */
    public static ImportResult read(CsvFiles files, List<TargetPublic> targetPublics, ImportMode mode) {
        return read(files, targetPublics, mode, CsvLimits.defaults());
    }

    /**
     * Reads a cohort's files within given limits.
     *
     * @param files the files, not null
     * @param targetPublics the protocol's target publics; any other code is refused
     * @param mode all or nothing (the default), or keep the participants whose rows are all valid
     * @param limits what the reader accepts at most, not null
     * @return the data and, in the second mode, the problems of the participants left out
     * @throws InvalidValueException in the first mode, with every problem; in both modes, when a file
     *         cannot be read as a whole: a header that lacks a required column or names one twice
     *         ({@code PLIE-COHORT-025}, {@code -031}), a file beyond a limit ({@code PLIE-COHORT-030})
     */
    public static ImportResult read(CsvFiles files, List<TargetPublic> targetPublics, ImportMode mode, CsvLimits limits) {
        return read(files, new Reading(targetPublics, null, null, ImportedExits.STRICT), mode, limits);
    }

    /**
     * Reads a cohort's files with the cohort's settings, so that the rules that need them are
     * checked here, each problem at its file, row and column, rather than later by
     * {@link fr.asso.europlie.plie.cohort.Cohort#load} at a {@code participants[i].periods[n]} path:
     * six-month data collected before {@link CohortSettings#sixMonthDataFrom} the exit
     * ({@code PLIE-COHORT-032} at {@code periods.csv[n].sixMonthDataCollectedOn}), and a positive
     * exit whose steps are given and do not meet the positive-exit rules ({@code PLIE-COHORT-033}
     * at {@code periods.csv[n].exitReason}, naming the rule), refused or, with
     * {@link ImportedExits#LENIENT}, imported as {@link ExitReason#UNCONFIRMED_POSITIVE} and listed in
     * {@link ImportResult#unconfirmedExits()}.
     *
     * @param files the files, not null
     * @param settings the cohort's settings: target publics, six-month delay, positive-exit rules, not null
     * @param mode all or nothing, or keep the participants whose rows are all valid (the others,
     *        including those refused by the rules above, are reported in {@link ImportResult#rejected()})
     * @param exits refuse (the default) or demote a positive exit whose steps do not meet the rules
     * @param limits what the reader accepts at most, not null
     * @return the data, the problems of the participants left out, the exits demoted
     * @throws InvalidValueException as {@link #read(CsvFiles, List, ImportMode, CsvLimits)}
     */
    public static ImportResult read(CsvFiles files, CohortSettings settings, ImportMode mode, ImportedExits exits, CsvLimits limits) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(exits, "exits");
        return read(files, new Reading(settings.eligibility().targetPublics(), settings, new ImportChecks(settings), exits), mode, limits);
    }

    /**
     * Reads a cohort's files with the cohort's settings, within the {@linkplain CsvLimits#defaults()
     * default limits}: see {@link #read(CsvFiles, CohortSettings, ImportMode, ImportedExits, CsvLimits)}.
     *
     * @param files the files, not null
     * @param settings the cohort's settings, not null
     * @param mode all or nothing, or keep the participants whose rows are all valid
     * @param exits refuse (the default) or demote a positive exit whose steps do not meet the rules
     * @return the data, the problems of the participants left out, the exits demoted
     * @throws InvalidValueException as {@link #read(CsvFiles, List, ImportMode, CsvLimits)}
     */
    public static ImportResult read(CsvFiles files, CohortSettings settings, ImportMode mode, ImportedExits exits) {
        return read(files, settings, mode, exits, CsvLimits.defaults());
    }

    private static ImportResult read(CsvFiles files, Reading reading, ImportMode mode, CsvLimits limits) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(limits, "limits");
        CsvTable periods = CsvTable.parse(CsvFiles.PERIODS, files.periods(), PERIOD_COLUMNS, limits);
        CsvTable steps = files.steps() == null ? null : CsvTable.parse(CsvFiles.STEPS, files.steps(), STEP_COLUMNS, limits);
        CsvTable identities = files.identities() == null ? null
                : CsvTable.parse(CsvFiles.IDENTITIES, files.identities(), IDENTITY_COLUMNS, limits);
        CsvTable referents = files.referents() == null ? null : CsvTable.parse(CsvFiles.REFERENTS, files.referents(), REFERENT_COLUMNS, limits);
        List<Violation> structure = new ArrayList<>();
        boolean headersOk = true;
        for (CsvTable table : new CsvTable[] {periods, steps, identities, referents}) {
            if (table != null) {
                structure.addAll(table.problems);
                headersOk &= !table.fatal;
            }
        }
        if (!headersOk) {
            throw new InvalidValueException(structure);
        }
        periods.rows.forEach(row -> reading.period(new Cells(periods, row)));
        if (steps != null) {
            steps.rows.forEach(row -> reading.step(new Cells(steps, row)));
        }
        reading.buildParticipants();
        if (identities != null) {
            identities.rows.forEach(row -> reading.identity(new Cells(identities, row)));
        }
        if (referents != null) {
            referents.rows.forEach(row -> reading.referent(new Cells(referents, row)));
        }
        reading.replay();
        List<Violation> all = new ArrayList<>(structure);
        all.addAll(reading.problems());
        if (mode == ImportMode.ALL_OR_NOTHING && !all.isEmpty()) {
            throw new InvalidValueException(all);
        }
        return new ImportResult(reading.validData(), all, reading.unconfirmedExits());
    }

    /** The state of one reading: rows parsed so far, grouped by participant. */
    private static final class Reading {
        final List<TargetPublic> known;
        /** Each participant's rows, in the order of their first period row. */
        final Map<String, Group> byParticipant = new LinkedHashMap<>();
        final Map<String, List<Violation>> problemsOf = new LinkedHashMap<>();
        final List<Violation> general = new ArrayList<>();
        final List<Participant> participants = new ArrayList<>();
        final Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
        final Map<ParticipantId, Erasure> erasures = new LinkedHashMap<>();
        final List<Referent> referents = new ArrayList<>();
        /** The group found or made last, from which {@link #group} tries the next one in file order. */
        Group last;
        /** The group made last. */
        Group newest;
        /** The identity rows naming a participant without period row. */
        final Set<String> orphanIdentityRows = new HashSet<>();
        /** The checks needing the cohort's settings, or null when the settings are not given. */
        final ImportChecks checks;
        final ImportedExits exits;
        final Map<String, List<Violation>> demotedOf = new LinkedHashMap<>();
        /** The cohort's settings, or null when not given: the replay through the commands needs them. */
        final CohortSettings settings;

        Reading(List<TargetPublic> known, CohortSettings settings, ImportChecks checks, ImportedExits exits) {
            this.known = List.copyOf(known);
            this.settings = settings;
            this.checks = checks;
            this.exits = exits;
        }

        /**
         * Replays every participant read through the commands, in file order, against an empty cohort
         * knowing the file's referents ({@link ImportReplay}), when the settings are given: each
         * refusal at the row and column of the period (or the step's row, or the identity's row for
         * the same person, {@code PLIE-COHORT-041}); a field {@link ImportChecks} names too at its
         * column ({@code sixMonthDataCollectedOn}, {@code exitReason}), and a problem both found
         * (six-month data collected too early) once. A participant with another problem is replayed
         * too (every problem is reported) but not counted for the next ones, as it is left out.
         */
        void replay() {
            if (settings == null) {
                return;
            }
            ImportReplay replay = ImportReplay.intoEmptyCohort(settings, referents);
            for (Participant participant : participants) {
                String pid = participant.id().value();
                PersonalData identity = identities.get(participant.id());
                List<Violation> found = replay.check(participant, identity);
                Group group = group(pid);
                List<PeriodRow> ordered = group.ordered;
                List<Violation> placed = new ArrayList<>();
                for (Violation v : found) {
                    Matcher m = PERIOD_INDEX.matcher(v.field());
                    if (m.matches()) {
                        PeriodRow row = ordered.get(Math.min(Integer.parseInt(m.group(1)), ordered.size() - 1));
                        Violation at = IMPORT_CHECK_FIELDS.contains(m.group(2))
                                ? atColumn(row.cells, new Violation(v.code(), m.group(2), v.value(), v.details()))
                                : row.relocate(new Violation(v.code(), m.group(2), v.value(), v.details()));
                        if (!problemsOf.getOrDefault(pid, List.of()).contains(at)) { // found by ImportChecks too: reported once
                            placed.add(at);
                        }
                    } else if (group.identity != null) {
                        placed.add(new Violation(v.code(), group.identity.field("participantId"), v.value(), v.details()));
                    } else {
                        placed.add(ordered.get(ordered.size() - 1).relocate(v));
                    }
                }
                report(pid, placed);
                if (!problemsOf.containsKey(pid)) {
                    replay.accept(participant, identity);
                }
            }
        }

        /** The exits demoted, of the participants kept. */
        List<Violation> unconfirmedExits() {
            List<Violation> all = new ArrayList<>();
            demotedOf.forEach((pid, demoted) -> {
                if (!problemsOf.containsKey(pid)) {
                    all.addAll(demoted);
                }
            });
            return all;
        }

        void report(String participant, List<Violation> found) {
            if (!found.isEmpty()) {
                problemsOf.computeIfAbsent(participant == null ? "" : participant, k -> new ArrayList<>()).addAll(found);
            }
        }

        List<Violation> problems() {
            List<Violation> all = new ArrayList<>(general);
            problemsOf.values().forEach(all::addAll);
            return all;
        }

        /**
         * A participant's group, or null: the one found last, or the one made after it (the rows of
         * a file come grouped by participant, in the order of the periods file, nearly always),
         * else the map's; the same group as the map gives.
         */
        Group group(String pid) {
            Group found = last;
            if (found != null && !found.pid.equals(pid)) {
                found = found.next;
                if (found != null && !found.pid.equals(pid)) {
                    found = null;
                }
            }
            if (found == null) {
                found = byParticipant.get(pid);
            }
            if (found != null) {
                last = found;
            }
            return found;
        }

        void period(Cells c) {
            String pid = c.required("participantId");
            Integer number = c.integer("period");
            PeriodRow row = new PeriodRow(c);
            if (pid != null && number != null) {
                Group group = group(pid);
                if (group == null) {
                    group = new Group(pid);
                    byParticipant.put(pid, group);
                    if (newest != null) {
                        newest.next = group;
                    }
                    newest = group;
                    last = group;
                }
                row.number = number;
                if (group.find(number) != null) {
                    c.problems.add(Violation.of(CohortError.DUPLICATE, c.field("period"), pid + " " + number));
                } else {
                    group.add(number, row);
                }
            }
            row.parse(known);
            report(pid, c.problems);
            row.reported = c.problems.size();
        }

        void step(Cells c) {
            String pid = c.required("participantId");
            Integer number = c.integer("period");
            Step step = parseStep(c);
            Group group = pid == null || number == null ? null : group(pid);
            PeriodRow owner = group == null ? null : group.find(number);
            if (pid != null && number != null && owner == null) {
                c.problems.add(Violation.of(CohortError.ORPHAN_ROW, c.at(), pid + " " + number));
            }
            if (owner != null) {
                owner.steps.add(step);
                owner.stepRows.add(c);
                owner.stepsOk &= c.problems.isEmpty();
            }
            report(pid, c.problems);
        }

        void buildParticipants() {
            byParticipant.forEach((pid, group) -> {
                List<PeriodRow> ordered = new ArrayList<>(group.rows);
                ordered.sort(Comparator.comparingInt(r -> r.number));
                group.ordered = ordered;
                List<AccompanimentPeriod> periods = new ArrayList<>();
                boolean ok = !problemsOf.containsKey(pid);
                for (PeriodRow row : ordered) {
                    // every row is built and checked, so that every period's problems are reported, not the first one's only
                    AccompanimentPeriod period = row.build();
                    report(pid, row.cells.problems.subList(row.reported, row.cells.problems.size()));
                    row.reported = row.cells.problems.size();
                    if (period != null && checks != null) {
                        ImportChecks.Outcome outcome = checks.check(period, exits);
                        report(pid, outcome.problems().stream().map(v -> atColumn(row.cells, v)).toList());
                        outcome.demoted().forEach(v -> demotedOf.computeIfAbsent(pid, k -> new ArrayList<>()).add(atColumn(row.cells, v)));
                        // a period these checks refuse is still built, so that the replay reports what the commands refuse too;
                        // its participant's problems leave it out
                        period = outcome.period();
                    }
                    ok &= period != null;
                    periods.add(period);
                }
                if (!ok) {
                    return;
                }
                ParticipantId id = ParticipantId.of(pid);
                try {
                    participants.add(new Participant(id, periods));
                } catch (InvalidValueException e) {
                    List<Violation> relocated = new ArrayList<>();
                    for (Violation v : e.violations()) {
                        Matcher m = PERIOD_INDEX.matcher(v.field());
                        int index = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                        PeriodRow row = ordered.get(Math.min(index, ordered.size() - 1));
                        String rest = m.matches() ? m.group(2) : v.field();
                        relocated.add(row.relocate(new Violation(v.code(), rest, v.value(), v.details())));
                    }
                    report(pid, relocated);
                }
            });
        }

        void identity(Cells c) {
            String pid = c.required("participantId");
            LocalDate erasedOn = c.date("erasedOn");
            LocalDate retainedUntil = c.date("retainedUntil");
            Group group = pid == null ? null : group(pid);
            boolean known = group != null;
            if (pid != null && !known) {
                c.problems.add(Violation.of(CohortError.ORPHAN_ROW, c.at(), pid));
            }
            boolean first = known ? group.identity == null : pid != null && orphanIdentityRows.add(pid);
            if (known && first) {
                group.identity = c;
            }
            if (pid != null && !first) {
                c.problems.add(Violation.of(CohortError.DUPLICATE, c.field("participantId"), pid));
            }
            if (erasedOn != null || retainedUntil != null) {
                Erasure erasure = c.build(() -> new Erasure(pid == null ? null : ParticipantId.of(pid), erasedOn, retainedUntil),
                        v -> relocateSimple(c, v, "erasure."));
                if (erasure != null && known && c.problems.isEmpty()) {
                    erasures.put(erasure.participant(), erasure);
                }
            } else {
                LocalDate birth = c.date("birthDate");
                PersonalData data = null;
                try {
                    data = new PersonalData(c.text("lastName"), c.text("firstName"), birth, c.text("address"), c.text("email"),
                            c.text("phone"), c.text("externalId"));
                } catch (RuntimeException e) {
                    c.refused(e, v -> relocateSimple(c, v, "personal."));
                }
                if (data != null && known && c.problems.isEmpty()) {
                    identities.put(ParticipantId.of(pid), data);
                }
            }
            report(pid, c.problems);
        }

        void referent(Cells c) {
            String id = c.required("referentId");
            String employer = c.required("employer");
            java.math.BigDecimal fte = c.decimal("fullTimeEquivalent");
            Referent referent = c.build(() -> new Referent(ReferentId.of(id), OrganisationId.of(employer), fte == null ? java.math.BigDecimal.ONE : fte),
                    v -> relocateSimple(c, v, "referent."));
            if (referent != null && c.problems.isEmpty()) {
                referents.add(referent);
            }
            general.addAll(c.problems);
        }

        CohortData validData() {
            if (problemsOf.isEmpty()) {
                // every participant read is valid, and identities and erasures were kept only for them
                return new CohortData(referents, participants, identities, erasures);
            }
            List<Participant> valid = participants.stream().filter(p -> !problemsOf.containsKey(p.id().value())).toList();
            Set<ParticipantId> ids = new LinkedHashSet<>();
            valid.forEach(p -> ids.add(p.id()));
            Map<ParticipantId, PersonalData> keptIdentities = new LinkedHashMap<>();
            identities.forEach((id, d) -> {
                if (ids.contains(id)) {
                    keptIdentities.put(id, d);
                }
            });
            Map<ParticipantId, Erasure> keptErasures = new LinkedHashMap<>();
            erasures.forEach((id, e) -> {
                if (ids.contains(id)) {
                    keptErasures.put(id, e);
                }
            });
            return new CohortData(referents, valid, keptIdentities, keptErasures);
        }
    }

    /** The fields of {@link ImportChecks}' violations, which {@link #atColumn} places at their column. */
    private static final Set<String> IMPORT_CHECK_FIELDS = Set.of("sixMonthData.collectedOn", "exit.reason");

    /** Places a violation of {@link ImportChecks}, whose field is relative to the period, at the row's column. */
    private static Violation atColumn(Cells c, Violation v) {
        String column = switch (v.field()) {
            case "sixMonthData.collectedOn" -> "sixMonthDataCollectedOn";
            case "exit.reason" -> "exitReason";
            default -> v.field();
        };
        return new Violation(v.code(), c.field(column), v.value(), v.details());
    }

    private static Violation relocateSimple(Cells c, Violation v, String prefix) {
        String field = v.field().startsWith(prefix) ? v.field().substring(prefix.length()) : v.field();
        return new Violation(v.code(), c.at() + "." + field, v.value(), v.details());
    }

    private static Step parseStep(Cells c) {
        String id = c.required("stepId");
        StepType type = c.enumValue("type", StepType.class, true);
        LocalDate start = c.requiredDate("start");
        LocalDate end = c.date("end");
        LocalDate plannedEnd = c.date("plannedEnd");
        String operation = c.text("operation");
        ContractType contract = c.enumValue("contract", ContractType.class, false);
        java.math.BigDecimal workingTime = c.decimal("workingTime");
        BarrierKind barrier = c.enumValue("barrier", BarrierKind.class, false);
        LocalDate validated = c.date("qualificationValidatedOn");
        if (!c.problems.isEmpty()) {
            return null;
        }
        try {
            return new Step(StepId.of(id), type, start, end, plannedEnd, operation == null ? null : OperationId.of(operation), contract,
                    workingTime, barrier, validated);
        } catch (RuntimeException e) {
            c.refused(e, v -> relocateSimple(c, v, "step."));
            return null;
        }
    }

    /**
     * One participant's rows: its period rows in file order (found by number with a scan while they
     * are few, through a map beyond), then in period order, and its first identity row.
     */
    private static final class Group {
        private static final int SCANNED = 8;
        /** The participant's identifier, the group's key in {@link Reading#byParticipant}. */
        final String pid;
        /** The group made after this one, or null. */
        Group next;
        final List<PeriodRow> rows = new ArrayList<>(2);
        /** The rows by number, once there are more than {@link #SCANNED}. */
        Map<Integer, PeriodRow> byNumber;
        /** The period rows in period order, once all are read. */
        List<PeriodRow> ordered;
        /** The first identity row naming this participant, or null. */
        Cells identity;

        Group(String pid) {
            this.pid = pid;
        }

        PeriodRow find(int number) {
            if (byNumber != null) {
                return byNumber.get(number);
            }
            for (int i = 0, n = rows.size(); i < n; i++) {
                if (rows.get(i).number == number) {
                    return rows.get(i);
                }
            }
            return null;
        }

        void add(int number, PeriodRow row) {
            rows.add(row);
            if (byNumber != null) {
                byNumber.put(number, row);
            } else if (rows.size() > SCANNED) {
                byNumber = new HashMap<>();
                rows.forEach(r -> byNumber.put(r.number, r));
            }
        }
    }

    /** One row of periods.csv, parsed, waiting for its steps. */
    private static final class PeriodRow {
        final Cells cells;
        int number;
        int reported;
        Referral referral;
        Set<TargetPublic> publics = new LinkedHashSet<>();
        boolean flagged;
        EntryDecision decision;
        Adhesion adhesion;
        List<ReferentAssignment> referents = new ArrayList<>();
        List<StatusChange> statuses = new ArrayList<>();
        List<InWorkFollowUp> followUps = new ArrayList<>();
        EsfEntryData entryData;
        Exit exit;
        EsfSixMonthData sixMonths;
        final List<Step> steps = new ArrayList<>();
        /** The steps' rows, named only when a violation is placed there. */
        final List<Cells> stepRows = new ArrayList<>();
        boolean stepsOk = true;

        PeriodRow(Cells cells) {
            this.cells = cells;
        }

        void parse(List<TargetPublic> known) {
            Cells c = cells;
            String referrer = c.required("referrer");
            LocalDate referredOn = c.requiredDate("referredOn");
            if (referrer != null && referredOn != null) {
                try {
                    referral = new Referral(OrganisationId.of(referrer), referredOn, c.text("otherPtiScheme"));
                } catch (RuntimeException e) {
                    c.refused(e, this::relocate);
                }
            }
            String codes = c.required("targetPublics");
            if (codes != null) {
                for (String code : ListCells.split(codes, '|')) {
                    String trimmed = ListCells.unescape(code);
                    TargetPublic found = null;
                    for (int i = 0, n = known.size(); i < n && found == null; i++) {
                        if (known.get(i).code().equals(trimmed)) {
                            found = known.get(i);
                        }
                    }
                    if (found != null) {
                        publics.add(found);
                    } else {
                        c.problems.add(Violation.of(CohortError.UNKNOWN_TARGET_PUBLIC, c.field("targetPublics"), trimmed,
                                known.stream().map(TargetPublic::code).toList()));
                    }
                }
            }
            flagged = c.bool("doubleAccompanimentFlagged");
            LocalDate decided = c.date("entryDecidedOn");
            boolean validated = c.bool("entryValidated");
            if (decided != null) {
                decision = new EntryDecision(decided, validated, c.text("entryRefusalReason"));
            }
            if (any(c, ADHESION)) {
                LocalDate participantSigned = c.date("participantSignedOn");
                LocalDate referentSigned = c.date("referentSignedOn");
                LocalDate planSigned = c.date("planSignedOn");
                String referent = c.text("referent");
                String plan = c.text("plan");
                try {
                    adhesion = new Adhesion(participantSigned, referent == null ? null : ReferentId.of(referent), referentSigned,
                            plan == null ? null : OrganisationId.of(plan), planSigned);
                } catch (RuntimeException e) {
                    c.refused(e, this::relocate);
                }
            }
            items(c, "referents", "yyyy-MM-dd:REFERENT[:ORGANISATION]", parts -> parts.length >= 2 && parts.length <= 3
                    ? new ReferentAssignment(ReferentId.of(parts[1]), day(parts[0]),
                            parts.length == 3 && !parts[2].isBlank() ? OrganisationId.of(parts[2]) : null) : null, referents::add);
            items(c, "statuses", "yyyy-MM-dd:STATUS", parts -> parts.length == 2
                    ? new StatusChange(day(parts[0]), ParticipantStatus.valueOf(parts[1])) : null, statuses::add);
            items(c, "followUps", "yyyy-MM-dd:[yyyy-MM-dd]:OPEN|INTERRUPTED|COMPLETED", parts -> parts.length == 3
                    ? new InWorkFollowUp(day(parts[0]), parts[1].isBlank() ? null : day(parts[1]), completed(parts[2]))
                    : null, followUps::add);
            if (any(c, ENTRY_DATA)) {
                entryData = entryData(c);
            }
            LocalDate exitedOn = c.date("exitedOn");
            ExitReason reason = c.enumValue("exitReason", ExitReason.class, false);
            EsfExitData leaving = null;
            if (any(c, EXIT_DATA)) {
                LocalDate on = c.date("exitDataCollectedOn");
                boolean searching = c.bool("jobSearching");
                boolean training = c.bool("inEducationOrTraining");
                boolean qualification = c.bool("gainedQualification");
                boolean employed = c.bool("employedOnLeaving");
                try {
                    leaving = new EsfExitData(on, searching, training, qualification, employed);
                } catch (RuntimeException e) {
                    c.refused(e, this::relocate);
                }
            }
            if (exitedOn != null || reason != null || leaving != null) {
                try {
                    exit = new Exit(exitedOn, reason, leaving);
                } catch (RuntimeException e) {
                    c.refused(e, this::relocate);
                }
            }
            if (any(c, SIX_MONTH_DATA)) {
                LocalDate on = c.date("sixMonthDataCollectedOn");
                boolean employed = c.bool("employedAfterSixMonths");
                boolean improved = c.bool("improvedSituation");
                try {
                    sixMonths = new EsfSixMonthData(on, employed, improved);
                } catch (RuntimeException e) {
                    c.refused(e, this::relocate);
                }
            }
        }

        private EsfEntryData entryData(Cells c) {
            LocalDate on = c.date("entryDataCollectedOn");
            Gender gender = c.enumValue("gender", Gender.class, true);
            Integer age = c.integer("ageAtEntry");
            LabourMarketStatus status = c.enumValue("labourStatus", LabourMarketStatus.class, true);
            LocalDate since = c.date("unemployedSince");
            Integer isced = c.integer("isced");
            if (isced != null && (isced < 0 || isced > 8)) {
                c.problems.add(Violation.of(CohortError.OUT_OF_RANGE, c.field("isced"), isced, 0, 8));
                isced = null;
            }
            Declaration disability = c.enumValue("disability", Declaration.class, true);
            Declaration thirdCountry = c.enumValue("thirdCountNational", Declaration.class, true);
            Declaration foreign = c.enumValue("foreignBackground", Declaration.class, true);
            Declaration minority = c.enumValue("minority", Declaration.class, true);
            boolean homeless = c.bool("homeless");
            boolean rural = c.bool("ruralArea");
            if (age == null || isced == null) {
                return null;
            }
            IscedLevel level = IscedLevel.of(isced);
            try {
                return new EsfEntryData(on, gender, age, status, since, level, disability, thirdCountry, foreign, minority, homeless, rural);
            } catch (RuntimeException e) {
                c.refused(e, this::relocate);
                return null;
            }
        }

        private static boolean completed(String outcome) {
            return switch (outcome) {
                case "COMPLETED" -> true;
                case "OPEN", "INTERRUPTED" -> false;
                default -> throw new IllegalArgumentException(outcome);
            };
        }

        private static boolean any(Cells c, List<String> columns) {
            for (int i = 0, n = columns.size(); i < n; i++) {
                if (c.has(columns.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A date inside a list cell, in the same formats as the date cells: {@code yyyy-MM-dd}, or
         * {@code dd/MM/yyyy} (docs/cohort.md); a bad one throws, and {@link #items} reports the item.
         */
        private static LocalDate day(String text) {
            return Cells.day(text);
        }

        private static <T> void items(Cells c, String column, String syntax, Function<String[], T> parse, java.util.function.Consumer<T> add) {
            String value = c.text(column);
            if (value == null) {
                return;
            }
            ListCells.items(value, (cell, from, to, parts) -> {
                T parsed;
                try {
                    parsed = parse.apply(parts);
                } catch (RuntimeException e) {
                    parsed = null;
                }
                if (parsed == null) {
                    c.problems.add(Violation.of(CohortError.MALFORMED, c.field(column), cell.substring(from, to), syntax));
                } else {
                    add.accept(parsed);
                }
            });
        }

        AccompanimentPeriod build() {
            if (!cells.problems.isEmpty() || !stepsOk) {
                return null;
            }
            List<Step> ordered = new ArrayList<>(steps);
            try {
                return new AccompanimentPeriod(number, referral, publics, flagged, decision, adhesion, referents, statuses, ordered, entryData,
                        followUps, exit, sixMonths);
            } catch (RuntimeException e) {
                cells.refused(e, this::relocate);
                return null;
            }
        }

        /** Places a domain violation at this row, or at the steps.csv row of the step it names. */
        Violation relocate(Violation v) {
            Matcher step = STEP_INDEX.matcher(v.field());
            if (step.matches()) {
                int index = Integer.parseInt(step.group(1));
                if (index < stepRows.size()) {
                    String rest = step.group(2).startsWith(".") ? step.group(2) : "." + "stepId" + step.group(2);
                    return new Violation(v.code(), stepRows.get(index).at() + rest, v.value(), v.details());
                }
            }
            return new Violation(v.code(), cells.at() + "." + v.field(), v.value(), v.details());
        }
    }
}
