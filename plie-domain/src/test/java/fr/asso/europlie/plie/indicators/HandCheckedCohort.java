package fr.asso.europlie.plie.indicators;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cohort of 34 people whose 2026 indicators were worked out by hand from the definitions of
 * RULES.md and docs/cohort.md, not from the code. Report period: the year 2026; completeness as
 * of 31 December 2026.
 *
 * <p>Group A entered in 2026 with their FSE+ entry data (they make the output indicators); group B
 * entered in 2025 (they only count in results when they leave in 2026); group C covers what must
 * not count (no entry data, no adhesion, refusal, entry in 2027, an exit in 2025 then a re-entry).
 *
 * <pre>
 * id   sex born        entry       age status            ISCED  flags         EECO it counts in (besides 01)
 * A01  W   1990-02-01  2026-01-12  35  unemployed 2024-06-01  2  dis, rural   02, 03 (19 months > 12), 09, 12, 17
 * A02  M   2008-03-10  2026-03-09  17  inactive               1               04, 06 (birthday the next day), 09
 * A03  W   2008-03-10  2026-03-10  18  unemployed 2025-10-01  2               02, 07 (18 on the day); not 03: under 25, 5 months
 * A04  M   2001-06-20  2026-04-15  24  unemployed 2025-10-14  3  minority     02, 03 (under 25: 14 Oct + 6 months = 14 Apr, before entry), 07, 10, 15
 * A05  NB  2001-04-15  2026-04-15  25  unemployed 2025-06-01  3  foreign bg.  02, 07, 10, 14; not 03: 25 or over needs more than 12 months, has 10
 * A06  W   1996-05-01  2026-05-04  30  employed               6  3rd country, foreign bg.   05, 11, 13, 14; not 07 (30)
 * A07  M   1997-05-05  2026-05-04  28  inactive               4  homeless     04, 07, 10, 16
 * A08  W   1971-02-10  2026-02-09  54  unemployed 2025-02-09  0               02, 09; not 08 (55 the next day); not 03: exactly 12 months is not over 12
 * A09  M   1971-02-09  2026-02-09  55  unemployed 2025-02-08  2  dis          02, 03 (12 months and a day), 08, 09, 12
 * A10  W   1965-09-01  2026-06-01  60  inactive               5  rural        04, 08, 11, 17
 * A11  W   1985-01-01  2026-01-19  41  unemployed 2023-01-01  3  3rd country, minority, homeless   02, 03, 10, 13, 15, 16
 * A12  M   1988-07-07  2026-07-06  37  unemployed 2026-01-06  7               02, 11; not 03 (6 months, adult)
 * A13  NB  2000-12-31  2026-01-05  25  inactive               3  refused disability and nationality   04, 07, 10; refusals count nowhere
 * A14  W   1978-11-11  2026-09-01  47  employed               2  rural        05, 09, 17
 * A15  M   1992-03-03  2026-10-05  34  unemployed 2025-01-15  8               02, 03, 11
 * A16  W   2009-11-30  2026-11-02  16  inactive               1  foreign bg.  04, 06, 09, 14
 * A17  M   1970-01-01  2026-03-02  56  employed               3               05, 08, 10
 * A18  W   1999-08-08  2026-02-02  26  unemployed 2025-12-01  4  dis          02, 07, 10, 12
 * A19  M   1983-04-04  2026-12-31  43  unemployed 2020-01-01  2  homeless, rural   02, 03, 09, 16, 17 (entered on the last day: counts)
 * A20  W   1994-06-15  2026-03-16  31  unemployed 2024-11-01  6               02, 03, 11
 * C06  W   1976-01-20  2026-03-02  50  unemployed 2025-12-31  3               02, 10 (its second period; the first ended on 31 Dec 2025)
 * </pre>
 *
 * <p>Exits in 2026, with the result indicators they count in:
 * <pre>
 * A01 W  2026-09-30 dropout              leaving: job searching                       EECR01
 * A04 M  2026-10-19 employment (CDD from 20 Apr, follow-up completed: 20 Apr + 6 months - 1 day)   leaving: employed   EECR04
 * A05 NB 2026-11-30 qualifying training validated 27 Nov   leaving: qualification, job searching   EECR01, EECR03
 * A06 W  2026-08-31 reorientation        leaving: employed                            EECR04
 * A07 M  2026-11-16 long training (11 May 2026 to 30 Apr 2027, counts from 10 Nov)   leaving: in training   EECR02
 * A10 W  2026-12-15 retirement           no data upon leaving (completeness)          -
 * A12 M  2026-07-31 moved away           leaving: job searching and in training       EECR01, EECR02
 * A18 W  2026-02-20 dropout              leaving: none of the four                    -
 * B01 W  2026-03-02 employment (CDI from 1 Sep 2025)   leaving: employed; 6 months: employed, improved, employed at entry   EECR04, 05, 06
 * B02 M  2026-01-30 health               leaving: none; 6 months: employed                                                 EECR05
 * B03 NB 2026-04-30 dropout              leaving: employed; 6 months: employed, improved, employed at entry                EECR04, 05, 06
 * B04 W  2026-03-31 qualifying training validated 27 Mar   leaving: qualification, job searching; 6 months: employed and
 *                                        improved, but unemployed at entry: not EECR06                                   EECR01, 03, 05
 * B05 M  2026-06-30 dropout              no data upon leaving, no six-month data      -
 * B06 W  2026-05-29 moved away           leaving: job searching                       EECR01
 * </pre>
 * B07 (entered January 2025) stays; B08 left on 31 October 2025 and its six-month data, collected in
 * 2026, belongs to a 2025 exit: it counts nowhere in 2026.
 */
public final class HandCheckedCohort {

    static final OperationId QUALIFYING = OperationId.of("OP-QUALIF");
    static final OperationId ASSESSMENTS = OperationId.of("OP-BILANS");
    static final OrganisationId TRAINING_CENTRE = OrganisationId.of("AFPA-24");
    static final OrganisationId ASSESSOR = OrganisationId.of("CIBC-24");
    /** The operations that fund the fixture's steps, and their operators. */
    public static final OperationDirectory OPERATIONS = new OperationDirectory(Map.of(
            QUALIFYING, new OperationDirectory.OperationInfo(TRAINING_CENTRE, StrategicAxisId.of("AXE-2")),
            ASSESSMENTS, new OperationDirectory.OperationInfo(ASSESSOR, StrategicAxisId.of("AXE-1"))));

    /** The cohort, in memory. */
    public final Cohort cohort = CohortFixture.aCohort();
    /** The participants by their fixture name (A01...). */
    public final Map<String, ParticipantId> ids = new LinkedHashMap<>();

    /** Builds the cohort through the in-memory commands. */
    public HandCheckedCohort() {
        // Group A: entered in 2026, entry data recorded.
        enter("A01", Gender.WOMAN, "1990-02-01", "2026-01-12", LabourMarketStatus.UNEMPLOYED, "2024-06-01", 2, "DR", ALICE);
        enter("A02", Gender.MAN, "2008-03-10", "2026-03-09", LabourMarketStatus.INACTIVE, null, 1, "", ALICE);
        enter("A03", Gender.WOMAN, "2008-03-10", "2026-03-10", LabourMarketStatus.UNEMPLOYED, "2025-10-01", 2, "", ALICE);
        enter("A04", Gender.MAN, "2001-06-20", "2026-04-15", LabourMarketStatus.UNEMPLOYED, "2025-10-14", 3, "M", ALICE);
        enter("A05", Gender.NON_BINARY, "2001-04-15", "2026-04-15", LabourMarketStatus.UNEMPLOYED, "2025-06-01", 3, "F", ALICE);
        enter("A06", Gender.WOMAN, "1996-05-01", "2026-05-04", LabourMarketStatus.EMPLOYED, null, 6, "TF", ALICE);
        enter("A07", Gender.MAN, "1997-05-05", "2026-05-04", LabourMarketStatus.INACTIVE, null, 4, "H", ALICE);
        enter("A08", Gender.WOMAN, "1971-02-10", "2026-02-09", LabourMarketStatus.UNEMPLOYED, "2025-02-09", 0, "", ALICE);
        enter("A09", Gender.MAN, "1971-02-09", "2026-02-09", LabourMarketStatus.UNEMPLOYED, "2025-02-08", 2, "D", ALICE);
        enter("A10", Gender.WOMAN, "1965-09-01", "2026-06-01", LabourMarketStatus.INACTIVE, null, 5, "R", ALICE);
        enter("A11", Gender.WOMAN, "1985-01-01", "2026-01-19", LabourMarketStatus.UNEMPLOYED, "2023-01-01", 3, "TMH", ALICE);
        enter("A12", Gender.MAN, "1988-07-07", "2026-07-06", LabourMarketStatus.UNEMPLOYED, "2026-01-06", 7, "", ALICE);
        enter("A13", Gender.NON_BINARY, "2000-12-31", "2026-01-05", LabourMarketStatus.INACTIVE, null, 3, "dt", ALICE);
        enter("A14", Gender.WOMAN, "1978-11-11", "2026-09-01", LabourMarketStatus.EMPLOYED, null, 2, "R", ALICE);
        enter("A15", Gender.MAN, "1992-03-03", "2026-10-05", LabourMarketStatus.UNEMPLOYED, "2025-01-15", 8, "", ALICE);
        enter("A16", Gender.WOMAN, "2009-11-30", "2026-11-02", LabourMarketStatus.INACTIVE, null, 1, "F", ALICE);
        enter("A17", Gender.MAN, "1970-01-01", "2026-03-02", LabourMarketStatus.EMPLOYED, null, 3, "", ALICE);
        enter("A18", Gender.WOMAN, "1999-08-08", "2026-02-02", LabourMarketStatus.UNEMPLOYED, "2025-12-01", 4, "D", ALICE);
        enter("A19", Gender.MAN, "1983-04-04", "2026-12-31", LabourMarketStatus.UNEMPLOYED, "2020-01-01", 2, "HR", ALICE);
        enter("A20", Gender.WOMAN, "1994-06-15", "2026-03-16", LabourMarketStatus.UNEMPLOYED, "2024-11-01", 6, "", ALICE);

        leave("A01", "2026-09-30", ExitReason.DROPOUT, leaving("2026-09-30", "S"));
        ParticipantId a04 = ids.get("A04");
        cohort.addStep(a04, Step.employment(StepId.of("S-CDD"), ContractType.CDD, BigDecimal.ONE, day("2026-04-20"), day("2026-12-31"), null));
        cohort.startInWorkFollowUp(a04, day("2026-04-20"));
        cohort.completeInWorkFollowUp(a04, day("2026-10-19"), leaving("2026-10-19", "E"));
        ParticipantId a05 = ids.get("A05");
        cohort.addStep(a05, Step.training(StepId.of("S-QUALIF"), StepType.QUALIFYING_TRAINING, day("2026-05-04"), day("2026-11-27"), QUALIFYING));
        cohort.validateQualification(a05, StepId.of("S-QUALIF"), day("2026-11-27"));
        leave("A05", "2026-11-30", ExitReason.QUALIFYING_TRAINING, leaving("2026-11-30", "QS"));
        leave("A06", "2026-08-31", ExitReason.REORIENTATION, leaving("2026-08-31", "E"));
        ParticipantId a07 = ids.get("A07");
        cohort.addStep(a07, Step.training(StepId.of("S-LONG"), StepType.QUALIFYING_TRAINING, day("2026-05-11"), day("2027-04-30"), QUALIFYING));
        leave("A07", "2026-11-16", ExitReason.LONG_TRAINING, leaving("2026-11-16", "T"));
        leave("A10", "2026-12-15", ExitReason.RETIREMENT, null);
        leave("A12", "2026-07-31", ExitReason.MOVED_AWAY, leaving("2026-07-31", "ST"));
        leave("A18", "2026-02-20", ExitReason.DROPOUT, leaving("2026-02-20", ""));

        // Group B: entered in 2025 with Bruno, left in 2026 (B07 stays, B08 left in 2025).
        enter("B01", Gender.WOMAN, "1980-01-01", "2025-03-03", LabourMarketStatus.EMPLOYED, null, 3, "", BRUNO);
        enter("B02", Gender.MAN, "1980-01-01", "2025-05-05", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", BRUNO);
        enter("B03", Gender.NON_BINARY, "1980-01-01", "2025-06-02", LabourMarketStatus.EMPLOYED, null, 3, "", BRUNO);
        enter("B04", Gender.WOMAN, "1980-01-01", "2025-09-01", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", BRUNO);
        enter("B05", Gender.MAN, "1980-01-01", "2025-02-03", LabourMarketStatus.INACTIVE, null, 3, "", BRUNO);
        enter("B06", Gender.WOMAN, "1980-01-01", "2025-11-03", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", BRUNO);
        enter("B07", Gender.MAN, "1980-01-01", "2025-01-06", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", BRUNO);
        enter("B08", Gender.WOMAN, "1980-01-01", "2025-04-07", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", BRUNO);

        ParticipantId b01 = ids.get("B01");
        cohort.addStep(b01, Step.employment(StepId.of("S-CDI"), ContractType.CDI, BigDecimal.ONE, day("2025-09-01"), null, null));
        cohort.startInWorkFollowUp(b01, day("2025-09-01"));
        cohort.completeInWorkFollowUp(b01, day("2026-03-02"), leaving("2026-03-02", "E"));
        cohort.recordSixMonthData(b01, 1, new EsfSixMonthData(day("2026-09-02"), true, true));
        leave("B02", "2026-01-30", ExitReason.HEALTH, leaving("2026-01-30", ""));
        cohort.recordSixMonthData(ids.get("B02"), 1, new EsfSixMonthData(day("2026-07-30"), true, false));
        leave("B03", "2026-04-30", ExitReason.DROPOUT, leaving("2026-04-30", "E"));
        cohort.recordSixMonthData(ids.get("B03"), 1, new EsfSixMonthData(day("2026-10-30"), true, true));
        ParticipantId b04 = ids.get("B04");
        cohort.addStep(b04, Step.training(StepId.of("S-QUALIF"), StepType.QUALIFYING_TRAINING, day("2025-10-06"), day("2026-03-27"), QUALIFYING));
        cohort.validateQualification(b04, StepId.of("S-QUALIF"), day("2026-03-27"));
        leave("B04", "2026-03-31", ExitReason.QUALIFYING_TRAINING, leaving("2026-03-31", "QS"));
        cohort.recordSixMonthData(b04, 1, new EsfSixMonthData(day("2026-09-30"), true, true));
        leave("B05", "2026-06-30", ExitReason.DROPOUT, null);
        leave("B06", "2026-05-29", ExitReason.MOVED_AWAY, leaving("2026-05-29", "S"));
        leave("B08", "2025-10-31", ExitReason.DROPOUT, leaving("2025-10-31", "S"));
        cohort.recordSixMonthData(ids.get("B08"), 1, new EsfSixMonthData(day("2026-04-30"), true, false));

        // Group C: what must not count in the FSE+ indicators.
        enterWithoutData("C01", "2026-02-16");
        enterWithoutData("C02", "2026-12-10");
        ParticipantId c03 = refer("C03", "2026-05-04", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3);
        cohort.validateEntry(c03, day("2026-05-11"));
        ParticipantId c04 = refer("C04", "2026-06-01", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3);
        cohort.rejectEntry(c04, day("2026-06-08"), "parcours en cours ailleurs");
        enterWithoutData("C05", "2027-01-11");
        enter("C06", Gender.WOMAN, "1976-01-20", "2025-06-02", LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3, "", ALICE);
        leave("C06", "2025-12-31", ExitReason.DROPOUT, leaving("2025-12-31", "S"));
        ParticipantId c06 = ids.get("C06");
        cohort.reenter(c06, Referral.of(FRANCE_TRAVAIL, day("2026-02-02")), situation(LabourMarketStatus.UNEMPLOYED, day("2025-12-31"), 3));
        cohort.validateEntry(c06, day("2026-02-16"));
        cohort.adhere(c06, Adhesion.signedOn(day("2026-03-02"), ALICE, PLAN), null);
        cohort.addStep(c06, Step.of(StepId.of("S-A2"), StepType.ASSESSMENT, day("2026-03-02"), null, ASSESSMENTS));
        cohort.recordEntryData(c06, entryData(Gender.WOMAN, day("1976-01-20"), day("2026-03-02"), LabourMarketStatus.UNEMPLOYED,
                day("2025-12-31"), 3, ""));
    }

    /**
     * The indicators over the fixture's settings and operations.
     *
     * @return the indicators
     */
    public Indicators indicators() {
        return new Indicators(cohort.settings(), EsfSettings.defaults(), OPERATIONS);
    }

    static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private ParticipantId refer(String name, String referredOn, LabourMarketStatus status, String unemployedSince, int isced) {
        ParticipantId id = cohort.refer(new PersonalData(name, "Test", day("1980-01-01"), null, null, null, null),
                Referral.of(FRANCE_TRAVAIL, day(referredOn)), situation(status, day(unemployedSince), isced));
        ids.put(name, id);
        return id;
    }

    private void enter(String name, Gender gender, String born, String entry, LabourMarketStatus status, String unemployedSince, int isced,
            String flags, ReferentId referent) {
        LocalDate entryDay = day(entry);
        ParticipantId id = cohort.refer(new PersonalData(name, "Test", day(born), null, null, null, null),
                Referral.of(FRANCE_TRAVAIL, entryDay.minusDays(21)), situation(status, day(unemployedSince), isced));
        ids.put(name, id);
        cohort.validateEntry(id, entryDay.minusDays(7));
        cohort.adhere(id, Adhesion.signedOn(entryDay, referent, PLAN), null);
        cohort.addStep(id, Step.of(StepId.of("S-A"), StepType.ASSESSMENT, entryDay, entryDay.plusDays(13), ASSESSMENTS));
        cohort.recordEntryData(id, entryData(gender, day(born), entryDay, status, day(unemployedSince), isced, flags));
    }

    private void enterWithoutData(String name, String entry) {
        LocalDate entryDay = day(entry);
        ParticipantId id = refer(name, entryDay.minusDays(21).toString(), LabourMarketStatus.UNEMPLOYED, "2024-01-01", 3);
        cohort.validateEntry(id, entryDay.minusDays(7));
        cohort.adhere(id, Adhesion.signedOn(entryDay, ALICE, PLAN), null);
        cohort.addStep(id, Step.of(StepId.of("S-A"), StepType.ASSESSMENT, entryDay, null, null));
    }

    private void leave(String name, String on, ExitReason reason, EsfExitData data) {
        cohort.exit(ids.get(name), day(on), reason, data);
    }

    /** The data upon leaving: S job searching, T in training, Q qualification gained, E employed. */
    private static EsfExitData leaving(String on, String flags) {
        return new EsfExitData(day(on), flags.contains("S"), flags.contains("T"), flags.contains("Q"), flags.contains("E"));
    }

    private static ApplicantSituation situation(LabourMarketStatus status, LocalDate unemployedSince, int isced) {
        ParticipantStatus administrative = switch (status) {
            case UNEMPLOYED -> ParticipantStatus.JOBSEEKER;
            case INACTIVE -> ParticipantStatus.INACTIVE;
            case EMPLOYED -> ParticipantStatus.EMPLOYEE;
        };
        // Every one lives in a priority neighbourhood: all are eligible (QPV), whatever their situation.
        return new ApplicantSituation(administrative, unemployedSince, Set.of(), false, true, IscedLevel.of(isced));
    }

    /** Flags: D disability, T third-country national, F foreign background, M minority, H homeless, R rural; lower case d, t: refused. */
    private static EsfEntryData entryData(Gender gender, LocalDate born, LocalDate entry, LabourMarketStatus status, LocalDate unemployedSince,
            int isced, String flags) {
        return new EsfEntryData(entry.plusDays(7), gender, EsfEntryData.ageOn(born, entry), status, unemployedSince, IscedLevel.of(isced),
                declared(flags, 'D'), declared(flags, 'T'), declared(flags, 'F'), declared(flags, 'M'), flags.indexOf('H') >= 0,
                flags.indexOf('R') >= 0);
    }

    private static Declaration declared(String flags, char letter) {
        if (flags.indexOf(letter) >= 0) {
            return Declaration.YES;
        }
        return flags.indexOf(Character.toLowerCase(letter)) >= 0 ? Declaration.REFUSED : Declaration.NO;
    }
}
