package fr.asso.europlie.plie.cohort.synthetic;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ApplicantSituation;
import fr.asso.europlie.plie.cohort.BarrierKind;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EligibilityFacts;
import fr.asso.europlie.plie.cohort.EntryDecision;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.Exit;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.offer.OperationId;
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
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates realistic synthetic cohorts (cohorte synthétique) for property tests, demonstrations and
 * benchmarks: participants referred over a time span, most of them entering, following a few
 * concurrent steps funded by operations, changing status, some reassigned, leaving positively or
 * not, some re-entering, with FSE+ data mostly but not always recorded. Identities are fake.
 *
 * <p>The same seed always gives the same cohort. The generated participants satisfy every
 * invariant of the model; their target publics are those the settings' eligibility rules give.
 */
public final class SyntheticCohort {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal FULL = BigDecimal.ONE;
    private static final OrganisationId PLAN = OrganisationId.of("PLIE-SYNTH");
    private static final OrganisationId DEPARTMENT = OrganisationId.of("DEPT-99");
    private static final List<OrganisationId> REFERRERS = List.of(OrganisationId.of("FT-99"), DEPARTMENT, OrganisationId.of("ML-99"),
            OrganisationId.of("CCAS-99"));

    private final CohortSettings settings;
    private final LocalDate start;
    private final LocalDate end;

    /**
     * Creates a generator.
     *
     * @param settings the cohort settings (target publics and their rules), not null
     * @param start the first day referrals may happen, not null
     * @param end the last day anything happens, at least a year after the start
     * @throws IllegalArgumentException when the span is shorter than a year
     */
    public SyntheticCohort(CohortSettings settings, LocalDate start, LocalDate end) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (end.isBefore(start.plusYears(1))) {
            throw new IllegalArgumentException("the span must last a year at least: " + start + " to " + end);
        }
    }

    /**
     * A generated cohort and the operations that fund its steps.
     *
     * @param data the referents, participants and identities
     * @param operations the operations, with their operators and axes
     */
    public record Generated(CohortData data, OperationDirectory operations) {
    }

    /**
     * Generates a cohort.
     *
     * @param seed the seed
     * @param count the number of participants, 0 or more
     * @return the cohort
     */
    public Generated generate(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Referent> referents = new ArrayList<>();
        int referentCount = Math.max(2, count / 60);
        for (int i = 1; i <= referentCount; i++) {
            referents.add(Referent.fullTime(ReferentId.of("REF-" + i), OrganisationId.of("EMP-" + (1 + i % 3))));
        }
        Map<OperationId, OperationDirectory.OperationInfo> operations = new LinkedHashMap<>();
        int operationCount = Math.max(4, count / 400);
        for (int i = 1; i <= operationCount; i++) {
            operations.put(OperationId.of("OP-" + i),
                    new OperationDirectory.OperationInfo(OrganisationId.of("OPERATOR-" + (1 + i % 7)), StrategicAxisId.of("AXE-" + (1 + i % 4))));
        }
        List<OperationId> ops = List.copyOf(operations.keySet());
        List<Participant> participants = new ArrayList<>(count);
        Map<ParticipantId, PersonalData> identities = new HashMap<>();
        for (int i = 0; i < count; i++) {
            ParticipantId id = ParticipantId.of(String.format("P-%07d", i + 1));
            Person person = new Person(random, id, referents, ops);
            participants.add(person.participant());
            identities.put(id, person.identity);
        }
        return new Generated(new CohortData(referents, participants, identities, Map.of()), new OperationDirectory(operations));
    }

    /** The generation of one person. */
    private final class Person {
        final SplittableRandom random;
        final ParticipantId id;
        final List<Referent> referents;
        final List<OperationId> ops;
        final PersonalData identity;
        final Gender gender;
        int stepCount;

        Person(SplittableRandom random, ParticipantId id, List<Referent> referents, List<OperationId> ops) {
            this.random = random;
            this.id = id;
            this.referents = referents;
            this.ops = ops;
            int roll = random.nextInt(100);
            this.gender = roll < 52 ? Gender.WOMAN : roll < 98 ? Gender.MAN : Gender.NON_BINARY;
            LocalDate firstReferral = day(start, end.minusMonths(3));
            LocalDate birth = firstReferral.minusYears(16 + random.nextInt(49)).minusDays(random.nextInt(365));
            this.identity = new PersonalData("Nom" + id.value().substring(2), "Prénom" + random.nextInt(1000), birth,
                    id.value().substring(2) + " rue des Lilas", null, null, null);
            this.first = firstReferral;
        }

        final LocalDate first;

        Participant participant() {
            List<AccompanimentPeriod> periods = new ArrayList<>();
            periods.add(period(1, first));
            AccompanimentPeriod last = periods.get(0);
            if (last.closedOn() != null && random.nextInt(100) < 8) {
                LocalDate again = last.closedOn().plusDays(30 + random.nextInt(300));
                if (again.isBefore(end.minusMonths(2))) {
                    periods.add(period(2, again));
                }
            }
            return new Participant(id, periods);
        }

        AccompanimentPeriod period(int number, LocalDate referredOn) {
            ApplicantSituation situation = situation(referredOn);
            int age = EsfEntryData.ageOn(identity.birthDate(), referredOn);
            Set<TargetPublic> publics = settings.eligibility().evaluate(new EligibilityFacts(situation, age, referredOn)).eligible();
            if (publics.isEmpty()) {
                publics = Set.of(settings.eligibility().targetPublics().get(0));
            }
            boolean elsewhere = random.nextInt(100) < 3;
            Referral referral = new Referral(REFERRERS.get(random.nextInt(REFERRERS.size())), referredOn,
                    elsewhere ? "Accompagnement global " + id.value() : null);
            List<StatusChange> statuses = new ArrayList<>(List.of(new StatusChange(referredOn, situation.status())));
            LocalDate decided = referredOn.plusDays(3 + random.nextInt(20));
            if (decided.isAfter(end) || random.nextInt(100) < 4) {
                EntryDecision refused = decided.isAfter(end) ? null : new EntryDecision(decided, false, "Refus " + identity.lastName());
                return new AccompanimentPeriod(number, referral, publics, elsewhere, refused, null, List.of(), statuses, List.of(), null,
                        List.of(), null, null);
            }
            EntryDecision validated = new EntryDecision(decided, true, null);
            LocalDate entry = decided.plusDays(1 + random.nextInt(20));
            if (entry.isAfter(end)) {
                return new AccompanimentPeriod(number, referral, publics, elsewhere, validated, null, List.of(), statuses, List.of(), null,
                        List.of(), null, null);
            }
            Referent referent = referents.get(random.nextInt(referents.size()));
            boolean rsa = situation.status() == ParticipantStatus.RSA_RECIPIENT;
            Adhesion adhesion = Adhesion.signedOn(entry, referent.id(), PLAN);
            List<ReferentAssignment> assignments = new ArrayList<>(List.of(new ReferentAssignment(referent.id(), entry, rsa ? designator() : null)));
            long span = ChronoUnit.DAYS.between(entry, end);
            LocalDate planned = entry.plusDays(90 + random.nextInt(900));
            LocalDate exitOn = planned.isAfter(end) ? null : planned;
            LocalDate horizon = exitOn == null ? end : exitOn;
            if (random.nextInt(100) < 12 && span > 60) {
                LocalDate moved = day(entry.plusDays(1), horizon);
                Referent other = referents.get(random.nextInt(referents.size()));
                assignments.add(new ReferentAssignment(other.id(), moved, rsa ? designator() : null));
            }
            if (rsa && random.nextInt(100) < 25 && horizon.isAfter(referredOn.plusDays(2))) {
                statuses.add(new StatusChange(day(referredOn.plusDays(1), horizon), ParticipantStatus.JOBSEEKER));
            }
            List<Step> steps = new ArrayList<>();
            int plain = 1 + random.nextInt(4);
            for (int i = 0; i < plain; i++) {
                steps.add(plainStep(entry, horizon));
            }
            List<InWorkFollowUp> followUps = new ArrayList<>();
            Exit exit = null;
            if (exitOn != null) {
                ExitReason reason = reason();
                exit = exitWith(reason, entry, exitOn, steps, followUps);
            }
            EsfEntryData entryData = random.nextInt(100) < 92 ? entryData(entry, situation) : null;
            EsfSixMonthData sixMonths = null;
            if (exit != null && random.nextInt(100) < 75 && !exit.exitedOn().plusMonths(6).isAfter(end)) {
                boolean employed = random.nextInt(100) < 55;
                sixMonths = new EsfSixMonthData(exit.exitedOn().plusMonths(6), employed, employed && random.nextInt(100) < 30);
            }
            return new AccompanimentPeriod(number, referral, publics, elsewhere, validated, adhesion, assignments, statuses, steps, entryData,
                    followUps, exit, sixMonths);
        }

        /** The Département of the settings, which designates RSA recipients' referents, or the generator's own. */
        OrganisationId designator() {
            return settings.department() == null ? DEPARTMENT : settings.department();
        }

        ExitReason reason() {
            int roll = random.nextInt(100);
            if (roll < 35) {
                return ExitReason.EMPLOYMENT;
            }
            if (roll < 38) {
                return ExitReason.BUSINESS_CREATION;
            }
            if (roll < 48) {
                return ExitReason.QUALIFYING_TRAINING;
            }
            if (roll < 51) {
                return ExitReason.LONG_TRAINING;
            }
            ExitReason[] others = {ExitReason.DROPOUT, ExitReason.MOVED_AWAY, ExitReason.HEALTH, ExitReason.RETIREMENT, ExitReason.REORIENTATION};
            return others[random.nextInt(others.length)];
        }

        Exit exitWith(ExitReason reason, LocalDate entry, LocalDate exitOn, List<Step> steps, List<InWorkFollowUp> followUps) {
            // the latest start from which six months are completed by the exit day (start + 6 months - 1 day <= exit):
            // month arithmetic does not run backwards exactly (30 August - 6 months + 1 day = 1 March, whose six months end on 31 August)
            LocalDate sixBefore = exitOn.minusMonths(6).plusDays(1);
            while (sixBefore.plusMonths(6).minusDays(1).isAfter(exitOn)) {
                sixBefore = sixBefore.minusDays(1);
            }
            boolean room = !sixBefore.isBefore(entry);
            ExitReason actual = room ? reason : ExitReason.DROPOUT;
            switch (actual) {
                case EMPLOYMENT -> {
                    ContractType contract = ContractType.values()[random.nextInt(ContractType.values().length)];
                    if (contract == ContractType.TEMPING) {
                        LocalDate middle = sixBefore.plusDays(40 + random.nextInt(60));
                        steps.add(Step.employment(nextId(), contract, FULL, sixBefore, middle.minusDays(1), null));
                        steps.add(Step.employment(nextId(), contract, FULL, middle, exitOn, null));
                    } else {
                        steps.add(Step.employment(nextId(), contract, random.nextBoolean() ? FULL : HALF, sixBefore,
                                contract == ContractType.CDI ? null : exitOn.plusMonths(random.nextInt(6)), null));
                    }
                    followUps.add(new InWorkFollowUp(sixBefore, exitOn, true));
                }
                case BUSINESS_CREATION -> {
                    steps.add(Step.businessCreation(nextId(), FULL, sixBefore, null, pick()));
                    followUps.add(new InWorkFollowUp(sixBefore, exitOn, true));
                }
                case QUALIFYING_TRAINING -> steps.add(new Step(nextId(), StepType.QUALIFYING_TRAINING, sixBefore, exitOn, exitOn, pick(), null,
                        null, null, exitOn));
                case LONG_TRAINING -> steps.add(Step.training(nextId(), StepType.QUALIFYING_TRAINING, sixBefore, sixBefore.plusMonths(12), pick()));
                default -> {
                    // an unremarkable exit: the plain steps are enough
                }
            }
            EsfExitData data = null;
            if (random.nextInt(100) < 88) {
                boolean employed = actual == ExitReason.EMPLOYMENT || actual == ExitReason.BUSINESS_CREATION || random.nextInt(100) < 10;
                boolean training = actual == ExitReason.LONG_TRAINING || !employed && random.nextInt(100) < 15;
                boolean qualification = actual == ExitReason.QUALIFYING_TRAINING;
                boolean searching = !employed && !training && random.nextInt(100) < 70;
                data = new EsfExitData(exitOn.plusDays(random.nextInt(20)), searching, training, qualification, employed);
            }
            return new Exit(exitOn, actual, data);
        }

        Step plainStep(LocalDate entry, LocalDate horizon) {
            LocalDate from = day(entry, horizon);
            LocalDate to = from.plusDays(10 + random.nextInt(120));
            LocalDate last = to.isAfter(horizon) ? (random.nextBoolean() ? null : horizon) : to;
            int roll = random.nextInt(8);
            return switch (roll) {
                case 0, 1 -> Step.of(nextId(), StepType.ASSESSMENT, from, last, pick());
                case 2 -> new Step(nextId(), StepType.PRE_QUALIFYING_TRAINING, from, last, to, pick(), null, null, null, null);
                case 3 -> Step.insertionJob(nextId(), HALF, from, last, pick());
                case 4 -> Step.barrierRemoval(nextId(), BarrierKind.values()[random.nextInt(BarrierKind.values().length)], from, last, pick());
                case 5 -> Step.of(nextId(), StepType.COMPANY_IMMERSION, from, earliest(from.plusDays(random.nextInt(14)), horizon), null);
                case 6 -> Step.employment(nextId(), ContractType.CDD, new BigDecimal("0.3"), from, last, null);
                default -> Step.of(nextId(), StepType.ASSESSMENT, from, last, null);
            };
        }

        ApplicantSituation situation(LocalDate on) {
            int roll = random.nextInt(100);
            ParticipantStatus status = roll < 35 ? ParticipantStatus.RSA_RECIPIENT : roll < 85 ? ParticipantStatus.JOBSEEKER
                    : roll < 95 ? ParticipantStatus.INACTIVE : ParticipantStatus.EMPLOYEE;
            LocalDate unemployedSince = status == ParticipantStatus.JOBSEEKER || status == ParticipantStatus.RSA_RECIPIENT && random.nextBoolean()
                    ? on.minusDays(random.nextInt(1500)) : null;
            Set<MinimumIncome> incomes = EnumSet.noneOf(MinimumIncome.class);
            if (status == ParticipantStatus.RSA_RECIPIENT) {
                incomes.add(MinimumIncome.RSA);
            } else if (random.nextInt(100) < 10) {
                incomes.add(random.nextBoolean() ? MinimumIncome.ASS : MinimumIncome.AAH);
            }
            return new ApplicantSituation(status, unemployedSince, incomes, random.nextInt(100) < 10, random.nextInt(100) < 30,
                    IscedLevel.of(random.nextInt(100) < 55 ? random.nextInt(3) : 3 + random.nextInt(6)));
        }

        EsfEntryData entryData(LocalDate entry, ApplicantSituation situation) {
            LabourMarketStatus status = switch (situation.status()) {
                case EMPLOYEE -> LabourMarketStatus.EMPLOYED;
                case INACTIVE, IN_TRAINING -> LabourMarketStatus.INACTIVE;
                default -> situation.unemployedSince() == null ? LabourMarketStatus.INACTIVE : LabourMarketStatus.UNEMPLOYED;
            };
            return new EsfEntryData(entry.plusDays(random.nextInt(40)), gender, EsfEntryData.ageOn(identity.birthDate(), entry), status,
                    status == LabourMarketStatus.UNEMPLOYED ? situation.unemployedSince() : null, situation.isced(),
                    situation.recognisedDisability() ? Declaration.YES : declaration(5), declaration(12), declaration(20), declaration(4),
                    random.nextInt(100) < 6, random.nextInt(100) < 15);
        }

        Declaration declaration(int yesPercent) {
            int roll = random.nextInt(100);
            return roll < yesPercent ? Declaration.YES : roll < 95 ? Declaration.NO : Declaration.REFUSED;
        }

        OperationId pick() {
            return random.nextInt(100) < 80 ? ops.get(random.nextInt(ops.size())) : null;
        }

        StepId nextId() {
            stepCount++;
            return StepId.of("S" + stepCount);
        }

        LocalDate earliest(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? b : a;
        }

        LocalDate day(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
        }
    }
}
