package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cohort's classes with a compact layout (issue 16, third pass) give exactly what the records
 * they replace gave, for any values: the same accessors, equality, hash code and text, and the
 * same errors. The records as they were are kept in the tests ({@link ReferenceStep}...).
 */
@DisplayName("the compact model classes answer exactly as the records they replace")
class CompactModelAgreementTest {

    private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_DAY = LocalDate.MAX.toEpochDay();
    private static final BigDecimal[] TIMES = {new BigDecimal("0.5"), new BigDecimal("0.50"), BigDecimal.ONE, new BigDecimal("0.3"),
        new BigDecimal("1.5"), BigDecimal.ZERO, new BigDecimal("0.125")};

    /** A step's ten components, mostly valid for the type, sometimes not. */
    private static final class StepValues {
        StepId id;
        StepType type;
        LocalDate start;
        LocalDate end;
        LocalDate plannedEnd;
        OperationId operation;
        ContractType contract;
        BigDecimal workingTime;
        BarrierKind barrier;
        LocalDate validatedOn;

        StepValues(SplittableRandom random, long startDay, int typeIndex) {
            id = StepId.of("S-" + random.nextInt(5));
            type = typeIndex == StepType.values().length ? null : StepType.values()[typeIndex];
            start = random.nextInt(40) == 0 ? null : LocalDate.ofEpochDay(startDay);
            end = later(random, startDay);
            boolean training = type != null && type.isTraining();
            plannedEnd = training || random.nextInt(20) == 0 ? later(random, startDay) : null;
            validatedOn = type == StepType.QUALIFYING_TRAINING || random.nextInt(20) == 0 ? later(random, startDay) : null;
            operation = random.nextInt(4) == 0 ? null : OperationId.of("OP-" + random.nextInt(3));
            contract = type == StepType.EMPLOYMENT ^ random.nextInt(20) == 0 ? ContractType.values()[random.nextInt(ContractType.values().length)] : null;
            workingTime = type != null && type.isWork() ^ random.nextInt(20) == 0 ? TIMES[random.nextInt(TIMES.length)] : null;
            barrier = type == StepType.BARRIER_REMOVAL ^ random.nextInt(20) == 0 ? BarrierKind.values()[random.nextInt(BarrierKind.values().length)] : null;
        }

        /** A day on or after the start (sometimes before it, sometimes none), within LocalDate's range. */
        private static LocalDate later(SplittableRandom random, long startDay) {
            int pick = random.nextInt(10);
            if (pick < 3) {
                return null;
            }
            long day = pick == 9 ? startDay - 1 - random.nextInt(400) : startDay + random.nextInt(4000);
            return LocalDate.ofEpochDay(Math.max(MIN_DAY, Math.min(MAX_DAY, day)));
        }

        /** Changes one component, often to an equal but distinct value. */
        void change(SplittableRandom random) {
            switch (random.nextInt(11)) {
                case 0 -> id = StepId.of("S-" + random.nextInt(5));
                case 1 -> type = StepType.values()[random.nextInt(StepType.values().length)];
                case 2 -> start = start == null ? null : LocalDate.ofEpochDay(start.toEpochDay());
                case 3 -> end = end == null ? null : LocalDate.ofEpochDay(Math.min(MAX_DAY, end.toEpochDay() + random.nextInt(2)));
                case 4 -> plannedEnd = plannedEnd == null ? end : null;
                case 5 -> operation = random.nextBoolean() ? null : OperationId.of("OP-" + random.nextInt(3));
                case 6 -> contract = contract == null ? null : ContractType.values()[random.nextInt(ContractType.values().length)];
                case 7 -> workingTime = workingTime == null ? null : TIMES[random.nextInt(4)];
                case 8 -> barrier = barrier == null ? null : BarrierKind.values()[random.nextInt(BarrierKind.values().length)];
                case 9 -> validatedOn = validatedOn == null ? null : LocalDate.ofEpochDay(validatedOn.toEpochDay());
                default -> { } // the same values, other instances where new ones are made
            }
        }

        Step step() {
            return new Step(id, type, start, end, plannedEnd, operation, contract, workingTime, barrier, validatedOn);
        }

        ReferenceStep reference() {
            return new ReferenceStep(id, type, start, end, plannedEnd, operation, contract, workingTime, barrier, validatedOn);
        }
    }

    @Test
    @DisplayName("a step answers as the record did for any values over LocalDate's whole range, nulls included, or refuses them with the same errors")
    void stepAgreesWithTheRecord() {
        qt().withExamples(3000).forAll(longs().between(MIN_DAY, MAX_DAY), integers().between(0, StepType.values().length), longs().all())
                .checkAssert((startDay, typeIndex, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    StepValues values = new StepValues(random, startDay, typeIndex);
                    InvalidValueException expected = catchThrowableOfType(values::reference, InvalidValueException.class);
                    if (expected != null) {
                        InvalidValueException actual = catchThrowableOfType(values::step, InvalidValueException.class);
                        assertThat(actual).as("refused as the record refused").isNotNull();
                        assertThat(actual.violations()).isEqualTo(expected.violations());
                        return;
                    }
                    ReferenceStep reference = values.reference();
                    Step step = values.step();
                    assertSame(step, reference);

                    values.change(random);
                    ReferenceStep otherReference;
                    try {
                        otherReference = values.reference();
                    } catch (InvalidValueException e) {
                        return;
                    }
                    Step other = values.step();
                    assertThat(other.equals(step)).isEqualTo(otherReference.equals(reference));
                    assertThat(step.equals(other)).isEqualTo(reference.equals(otherReference));
                    assertThat(other.hashCode() == step.hashCode()).isEqualTo(otherReference.hashCode() == reference.hashCode());
                });
    }

    private static ReferenceStep reference(Step step) {
        return new ReferenceStep(step.id(), step.type(), step.start(), step.end(), step.plannedEnd(), step.operation(), step.contract(),
                step.workingTime(), step.barrier(), step.qualificationValidatedOn());
    }

    private static void assertSame(Step step, ReferenceStep reference) {
        assertThat(step.id()).isEqualTo(reference.id());
        assertThat(step.type()).isEqualTo(reference.type());
        assertThat(step.start()).isEqualTo(reference.start());
        assertThat(step.end()).isEqualTo(reference.end());
        assertThat(step.plannedEnd()).isEqualTo(reference.plannedEnd());
        assertThat(step.operation()).isEqualTo(reference.operation());
        assertThat(step.contract()).isEqualTo(reference.contract());
        assertThat(step.workingTime()).isEqualTo(reference.workingTime());
        assertThat(step.barrier()).isEqualTo(reference.barrier());
        assertThat(step.qualificationValidatedOn()).isEqualTo(reference.qualificationValidatedOn());
        assertThat(step.hashCode()).isEqualTo(reference.hashCode());
        assertThat(step.toString()).isEqualTo(reference.toString().replaceFirst("^ReferenceStep\\[", "Step["));
        assertThat(step).isEqualTo(step.endedOn(step.end())).isNotEqualTo(reference);
    }
    /** Entry data's twelve components, mostly valid, sometimes not. */
    private static final class EntryValues {
        LocalDate collectedOn;
        Gender gender;
        int age;
        LabourMarketStatus status;
        LocalDate unemployedSince;
        IscedLevel isced;
        Declaration[] declarations = new Declaration[4];
        boolean homeless;
        boolean rural;

        EntryValues(SplittableRandom random, long day) {
            collectedOn = random.nextInt(40) == 0 ? null : LocalDate.ofEpochDay(day);
            gender = random.nextInt(40) == 0 ? null : pick(random, Gender.values());
            age = random.nextInt(30) == 0 ? random.nextInt(-5, 200) : random.nextInt(0, 121);
            status = random.nextInt(40) == 0 ? null : pick(random, LabourMarketStatus.values());
            boolean unemployed = status == LabourMarketStatus.UNEMPLOYED ^ random.nextInt(20) == 0;
            unemployedSince = unemployed ? LocalDate.ofEpochDay(Math.max(MIN_DAY, day - random.nextInt(3000))) : null;
            isced = random.nextInt(40) == 0 ? null : pick(random, IscedLevel.values());
            for (int i = 0; i < 4; i++) {
                declarations[i] = random.nextInt(60) == 0 ? null : pick(random, Declaration.values());
            }
            homeless = random.nextBoolean();
            rural = random.nextBoolean();
        }

        void change(SplittableRandom random) {
            switch (random.nextInt(10)) {
                case 0 -> collectedOn = collectedOn == null ? null : LocalDate.ofEpochDay(Math.min(MAX_DAY, collectedOn.toEpochDay() + random.nextInt(2)));
                case 1 -> gender = pick(random, Gender.values());
                case 2 -> age = random.nextInt(0, 121);
                case 3 -> isced = pick(random, IscedLevel.values());
                case 4 -> declarations[random.nextInt(4)] = pick(random, Declaration.values());
                case 5 -> homeless = !homeless;
                case 6 -> rural = !rural;
                case 7 -> unemployedSince = unemployedSince == null ? null : LocalDate.ofEpochDay(unemployedSince.toEpochDay());
                default -> { } // the same values
            }
        }

        EsfEntryData data() {
            return new EsfEntryData(collectedOn, gender, age, status, unemployedSince, isced, declarations[0], declarations[1],
                    declarations[2], declarations[3], homeless, rural);
        }

        ReferenceEsfEntryData reference() {
            return new ReferenceEsfEntryData(collectedOn, gender, age, status, unemployedSince, isced, declarations[0], declarations[1],
                    declarations[2], declarations[3], homeless, rural);
        }
    }

    private static <E> E pick(SplittableRandom random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    @DisplayName("entry data answer as the record did for any values over LocalDate's whole range, nulls included, or are refused with the same errors")
    void entryDataAgreesWithTheRecord() {
        qt().withExamples(3000).forAll(longs().between(MIN_DAY, MAX_DAY), longs().all()).checkAssert((day, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            EntryValues values = new EntryValues(random, day);
            InvalidValueException expected = catchThrowableOfType(values::reference, InvalidValueException.class);
            if (expected != null) {
                InvalidValueException actual = catchThrowableOfType(values::data, InvalidValueException.class);
                assertThat(actual).as("refused as the record refused").isNotNull();
                assertThat(actual.violations()).isEqualTo(expected.violations());
                return;
            }
            ReferenceEsfEntryData reference = values.reference();
            EsfEntryData data = values.data();
            assertThat(data.collectedOn()).isEqualTo(reference.collectedOn());
            assertThat(data.gender()).isEqualTo(reference.gender());
            assertThat(data.ageAtEntry()).isEqualTo(reference.ageAtEntry());
            assertThat(data.labourStatus()).isEqualTo(reference.labourStatus());
            assertThat(data.unemployedSince()).isEqualTo(reference.unemployedSince());
            assertThat(data.isced()).isEqualTo(reference.isced());
            assertThat(data.disability()).isEqualTo(reference.disability());
            assertThat(data.thirdCountNational()).isEqualTo(reference.thirdCountNational());
            assertThat(data.foreignBackground()).isEqualTo(reference.foreignBackground());
            assertThat(data.minority()).isEqualTo(reference.minority());
            assertThat(data.homeless()).isEqualTo(reference.homeless());
            assertThat(data.ruralArea()).isEqualTo(reference.ruralArea());
            assertThat(data.hashCode()).isEqualTo(reference.hashCode());
            assertThat(data.toString()).isEqualTo(reference.toString().replaceFirst("^ReferenceEsfEntryData\\[", "EsfEntryData["));
            assertThat(data).isEqualTo(values.data()).isNotEqualTo(reference);

            values.change(random);
            ReferenceEsfEntryData otherReference;
            try {
                otherReference = values.reference();
            } catch (InvalidValueException e) {
                return;
            }
            EsfEntryData other = values.data();
            assertThat(other.equals(data)).isEqualTo(otherReference.equals(reference));
            assertThat(data.equals(other)).isEqualTo(reference.equals(otherReference));
            assertThat(other.hashCode() == data.hashCode()).isEqualTo(otherReference.hashCode() == reference.hashCode());
        });
    }

    @Test
    @DisplayName("a generated participant, with one period or more, answers as the record did; equal to another exactly when the record is")
    void participantAgreesWithTheRecord() {
        qt().withExamples(60).forAll(CohortFixture.generatedCohorts(40)).checkAssert(generated -> {
            List<Participant> participants = generated.data().participants();
            for (int i = 0; i < participants.size(); i++) {
                Participant participant = participants.get(i);
                ReferenceParticipant reference = new ReferenceParticipant(participant.id(), participant.periods());
                assertThat(participant.periods()).isEqualTo(reference.periods()).isUnmodifiable();
                assertThat(participant.hashCode()).isEqualTo(reference.hashCode());
                assertThat(participant.toString()).isEqualTo(reference.toString().replaceFirst("^ReferenceParticipant\\[", "Participant["));
                assertThat(participant.currentPeriod()).isEqualTo(reference.periods().get(reference.periods().size() - 1));
                Participant copy = new Participant(ParticipantId.of(participant.id().value()), new ArrayList<>(participant.periods()));
                assertThat(copy).isEqualTo(participant).hasSameHashCodeAs(participant);
                Participant neighbour = participants.get((i + 1) % participants.size());
                ReferenceParticipant neighbourReference = new ReferenceParticipant(neighbour.id(), neighbour.periods());
                assertThat(neighbour.equals(participant)).isEqualTo(neighbourReference.equals(reference));
                // the same identifier with the neighbour's periods: equal only when the periods are
                Participant mixed = new Participant(participant.id(), neighbour.periods());
                assertThat(mixed.equals(participant)).isEqualTo(new ReferenceParticipant(participant.id(), neighbour.periods()).equals(reference));
            }
        });
    }

    @Test
    @DisplayName("a generated period, its adhesion signed on one day or on several, answers as the record did; equal to another exactly when the record is")
    void periodAgreesWithTheRecord() {
        qt().withExamples(60).forAll(CohortFixture.generatedCohorts(40), integers().between(1, 30)).checkAssert((generated, earlier) -> {
            List<AccompanimentPeriod> periods = new ArrayList<>();
            for (Participant participant : generated.data().participants()) {
                for (AccompanimentPeriod period : participant.periods()) {
                    periods.add(period);
                    if (period.isEntered()) {
                        // the same period, its participant and referent signing before the plan: the adhesion is held whole
                        Adhesion signed = period.adhesion();
                        AccompanimentPeriod.Draft draft = period.draft();
                        draft.adhesion = new Adhesion(signed.planSignedOn().minusDays(earlier), signed.referent(),
                                signed.planSignedOn().minusDays(earlier / 2), signed.plan(), signed.planSignedOn());
                        AccompanimentPeriod apart = draft.build();
                        assertThat(apart.adhesion()).isEqualTo(draft.adhesion);
                        assertThat(apart.entryDate()).isEqualTo(period.entryDate());
                        periods.add(apart);
                    }
                }
            }
            for (int i = 0; i < periods.size(); i++) {
                AccompanimentPeriod period = periods.get(i);
                ReferencePeriod reference = ReferencePeriod.of(period);
                assertThat(period.hashCode()).isEqualTo(reference.hashCode());
                assertThat(period.toString()).isEqualTo(reference.toString().replaceFirst("^ReferencePeriod\\[", "AccompanimentPeriod["));
                assertThat(period.entryDate()).isEqualTo(period.adhesion() == null ? null : period.adhesion().entryDate());
                AccompanimentPeriod copy = period.draft().build();
                assertThat(copy).isEqualTo(period).hasSameHashCodeAs(period);
                assertThat(copy.adhesion()).isEqualTo(period.adhesion());
                // one assignment or step is held without a list: the lists given back are those given, unmodifiable
                AccompanimentPeriod.Draft draft = period.draft();
                assertThat(draft.build().referents()).isEqualTo(draft.referents).isUnmodifiable();
                assertThat(draft.build().steps()).isEqualTo(draft.steps).isUnmodifiable();
                List<ReferentAssignment> assignments = reference.referents();
                assertThat(period.currentReferent()).isEqualTo(assignments.isEmpty() ? java.util.Optional.empty()
                        : java.util.Optional.of(assignments.get(assignments.size() - 1).referent()));
                for (Step step : reference.steps()) {
                    assertThat(period.step(step.id())).contains(step);
                }
                for (int j = Math.max(0, i - 2); j < i; j++) {
                    AccompanimentPeriod other = periods.get(j);
                    assertThat(other.equals(period)).isEqualTo(ReferencePeriod.of(other).equals(reference));
                    assertThat(period.equals(other)).isEqualTo(reference.equals(ReferencePeriod.of(other)));
                }
            }
        });
    }
}
