package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.internal.JdbcProgrammings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("programming properties: envelopes never exceeded, store round trips, concurrent decisions")
class ProgrammingPropertiesTest {

    private static final int OPERATIONS = 6;

    /** Six appraised and marked operations, three on each open axis, each of 50,000 euros. */
    private static Programming reviewed() {
        Programming programming = Programming.open(Round.call(), OfferFixture.aMapping(), OfferFixture.DEPARTMENT, GovernanceFixture.steeringCommittee());
        Operators operators = Operators.of(OfferFixture.ASSOCIATION, OfferFixture.SIAE);
        for (int i = 0; i < OPERATIONS; i++) {
            Operation operation = OfferFixture.anOperation("OP-" + i)
                    .withAxis(i % 2 == 0 ? ProgrammingAxis.ACCOMPANIMENT : ProgrammingAxis.LINKS_WITH_EMPLOYERS);
            programming = programming.submit(operation, LocalDate.of(2026, 1, 15), operators, OfferSettings.defaults());
        }
        programming = programming.close();
        for (int i = 0; i < OPERATIONS; i++) {
            programming = programming.appraise(OfferFixture.anAppraisal(OperationId.of("OP-" + i), Money.euros(50_000)))
                    .mark(OfferFixture.aMarking(OperationId.of("OP-" + i)));
        }
        return programming;
    }

    /**
     * A decision from three numbers: the operation, the outcome, the amount in thousands (1 to 50);
     * an approval states an FSE+ of 0 to 35,000 (the operations ask 30,000) drawn from them too.
     */
    private static SteeringDecision decision(int operation, int outcome, int thousands, int n) {
        OperationId id = OperationId.of("OP-" + operation);
        Instant at = Instant.parse("2026-03-12T14:00:00Z").plusSeconds(n);
        Money esf = Money.euros(Math.min((thousands + operation + n) % 8 * 5_000L, thousands * 1_000L));
        return switch (outcome) {
            case 0, 1 -> SteeringDecision.approve(id, Money.euros(thousands * 1_000L), esf,
                    OfferFixture.copil(SteeringDecision.Outcome.APPROVED, "", "COPIL-" + n, at), "animatrice.plie", at);
            case 2 -> OfferFixture.refusal(id, SteeringDecision.Outcome.REJECTED, "COPIL-" + n, at, "non");
            default -> OfferFixture.refusal(id, SteeringDecision.Outcome.ADJOURNED, "COPIL-" + n, at, "à revoir");
        };
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("for any sequence of decisions, then of amendments of the adopted programming, each refused one names its rule, "
            + "the approved total of each axis never exceeds its envelope, each approval's FSE+ never exceeds the FSE+ asked nor the "
            + "co-financing rate times its amount, and the programming survives a store round trip equal")
    void envelopesAndRoundTrip(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            JdbcProgrammings store = new JdbcProgrammings(PlanId.DEFAULT, round.clock);
            Operators operators = Operators.of(OfferFixture.ASSOCIATION, OfferFixture.SIAE);
            OfferSettings settings = OfferSettings.defaults().withOperationCoFinancingRate(fr.asso.europlie.plie.offer.RegionCategory.TRANSITION,
                    java.math.BigDecimal.valueOf(65));
            int[] rounds = {0};
            qt().withExamples(60).withShrinkCycles(0)
                    .forAll(lists().of(integers().between(0, OPERATIONS * 4 * 50 - 1)).ofSizeBetween(0, 14),
                            lists().of(integers().between(0, OPERATIONS * 4 * 50 - 1)).ofSizeBetween(0, 6))
                    .checkAssert((choices, amendments) -> {
                        Programming programming = reviewed();
                        int n = 0;
                        for (int choice : choices) {
                            SteeringDecision decision = decision(choice % OPERATIONS, choice / OPERATIONS % 4, choice / (OPERATIONS * 4) + 1, n++);
                            try {
                                programming = new ProgrammingRecord(programming, operators, settings, 1).decide(decision);
                            } catch (PlieException refused) {
                                assertThat(refused.violations()).extracting(v -> v.code().code()).isNotEmpty()
                                        .isSubsetOf(OfferError.AXIS_OVER_PROGRAMMED.code(), OfferError.ALREADY_DECIDED.code(),
                                                OfferError.ESF_OVER_ASKED.code(), OfferError.ESF_OVER_RATE.code());
                            }
                            assertWithinEnvelopes(programming);
                            assertEsfWithinRate(programming, settings);
                        }
                        if (!amendments.isEmpty()) {
                            // The rest adjourned, the programming adopted, then amended.
                            for (var application : programming.applications()) {
                                if (application.decision() == null) {
                                    programming = programming.decide(decision(Integer.parseInt(application.operation().id().value()
                                            .substring(3)), 3, 1, n++));
                                }
                            }
                            programming = programming.recordTechnicalOpinion(OfferFixture.aTechnicalOpinion())
                                    .adopt(OfferFixture.anAdoption("COPIL-adoption", Instant.parse("2026-03-12T18:00:00Z")));
                            for (int choice : amendments) {
                                SteeringDecision decision = decision(choice % OPERATIONS, choice / OPERATIONS % 4, choice / (OPERATIONS * 4) + 1,
                                        n++);
                                try {
                                    programming = new ProgrammingRecord(programming, operators, settings, 1).amend(decision, "avenant " + n);
                                } catch (PlieException refused) {
                                    assertThat(refused.violations()).extracting(v -> v.code().code()).isNotEmpty()
                                            .isSubsetOf(OfferError.AXIS_OVER_PROGRAMMED.code(), OfferError.ESF_OVER_ASKED.code(),
                                                    OfferError.ESF_OVER_RATE.code());
                                }
                                assertWithinEnvelopes(programming);
                                assertEsfWithinRate(programming, settings);
                            }
                        }
                        ProgrammingRecord record = new ProgrammingRecord(programming,
                                operators, settings, 1);
                        Programming written = programming;
                        int at = rounds[0]++;
                        ProgrammingRecord read = round.inCommand(() -> {
                            if (at == 0) {
                                store.add(record);
                            } else {
                                ProgrammingRecord stored = store.get(CALL);
                                store.update(new ProgrammingRecord(written, operators, settings, stored.revision() + 1), stored.revision());
                            }
                            return store.get(CALL);
                        });
                        assertThat(read.programming()).isEqualTo(written);
                        assertThat(read.operators()).isEqualTo(operators);
                        assertThat(read.settings()).isEqualTo(settings);
                    });
        }
    }

    private static void assertEsfWithinRate(Programming programming, OfferSettings settings) {
        java.math.BigDecimal rate = settings.operationCoFinancingRatePercent(programming.call().regionCategory());
        for (var application : programming.approved()) {
            Money esf = application.fseProgrammed();
            assertThat(esf.isGreaterThan(application.operation().financingPlan().esfShare())).as("%s over the FSE+ asked", esf).isFalse();
            assertThat(esf.isGreaterThan(fr.asso.europlie.plie.offer.FinancingPlan.esfCap(application.decision().approvedAmount(), rate)))
                    .as("%s over the rate", esf).isFalse();
        }
    }

    private static void assertWithinEnvelopes(Programming programming) {
        for (ProgrammingAxis axis : ProgrammingAxis.values()) {
            Money envelope = programming.call().envelope(axis).orElse(Money.ZERO);
            assertThat(programming.approvedTotal(axis).isGreaterThan(envelope)).as("%s over its envelope", axis).isFalse();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("8 threads approving 8 operations of the same axis at once (30,000 each, envelope 100,000): exactly 3 are approved, "
            + "the others refused as over the envelope, and the axis is never over-programmed")
    void concurrentDecisions(Databases.Kind kind) throws Exception {
        try (Round round = new Round(kind)) {
            String[] ids = new String[8];
            for (int i = 0; i < 8; i++) {
                ids[i] = "OP-" + i;
            }
            round.opened().submitted(ids).closedAndAssigned().reviewed();
            CyclicBarrier start = new CyclicBarrier(8);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (String id : ids) {
                    Callable<String> decide = () -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            round.approve(id, 30_000);
                            return "APPROVED";
                        } catch (PlieException refused) {
                            return refused.violations().get(0).code().code();
                        }
                    };
                    outcomes.add(threads.submit(decide));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(120, TimeUnit.SECONDS));
                }
                assertThat(results).filteredOn("APPROVED"::equals).hasSize(3);
                assertThat(results).filteredOn(r -> !r.equals("APPROVED")).containsOnly(OfferError.AXIS_OVER_PROGRAMMED.code());
            } finally {
                threads.shutdownNow();
            }
            Programming stored = round.stored().programming();
            assertThat(stored.approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(90_000));
            assertThat(round.steps()).filteredOn("STEERING_DECISION:APPROVED"::equals).hasSize(3);
        }
    }
}
