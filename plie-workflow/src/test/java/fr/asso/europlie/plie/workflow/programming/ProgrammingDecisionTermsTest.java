package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static fr.asso.europlie.plie.workflow.programming.Round.SECRETARIAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.ErrorCode;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.json.offer.ProgrammingJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.internal.EngineTransaction;
import fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("the steering committee's decision terms: the FSE+ approved, the global grant at each decision, the justification "
        + "of a redundancy, and programmings stored in format 1.0")
class ProgrammingDecisionTermsTest {

    private static final OperationId OP1 = OperationId.of("OP-1");
    private static final OperationId OP2 = OperationId.of("OP-2");
    private static final OperationId OP3 = OperationId.of("OP-3");

    private record Snapshot(Optional<ProgrammingRecord> stored, int trail, long tasks, long processes) {
    }

    private static Snapshot snapshot(Round round) {
        return new Snapshot(round.storedIfAny(), round.history().size(), round.openTasks(), round.runningProcesses());
    }

    /** The command is refused with exactly these codes, in French and English, and nothing changed. */
    private static PlieException refused(Round round, Runnable command, ErrorCode... codes) {
        Snapshot before = snapshot(round);
        Throwable thrown = catchThrowable(command::run);
        assertThat(thrown).isInstanceOf(PlieException.class);
        PlieException refusal = (PlieException) thrown;
        assertThat(refusal.violations()).extracting(v -> v.code().code())
                .containsExactlyInAnyOrder(Arrays.stream(codes).map(ErrorCode::code).toArray(String[]::new));
        refusal.violations().forEach(v -> {
            assertThat(v.message(Locale.ENGLISH)).doesNotContain("???").contains(v.field()).contains(v.value());
            assertThat(v.message(Messages.FRENCH)).isNotEqualTo(v.message(Locale.ENGLISH)).contains(v.field()).contains(v.value());
        });
        assertThat(snapshot(round)).isEqualTo(before);
        return refusal;
    }

    private static DecisionTerms terms(long euros) {
        return DecisionTerms.of(Money.euros(euros));
    }

    private static void decide(Round round, OperationId operation, DecisionTerms terms) {
        round.approval().decide(SECRETARIAT, CALL, operation, Round.decision(SteeringDecision.Outcome.APPROVED), terms);
    }

    /** Reserves FSE+ of the OI's global grant for an operation of another programming. */
    private static void reserveElsewhere(Round round, long euros) {
        round.inCommand(() -> {
            var grants = new JdbcGlobalGrants(PlanId.DEFAULT, round.clock);
            var grant = grants.get(Round.GRANT);
            var reserved = grant.apply(new LedgerCommand.Reserve(IdempotencyKey.of("reserve-OP-AUTRE"), OperationId.of("OP-AUTRE"),
                    EnvelopeKey.of("1", "h", 2026), Money.euros(euros), "instructeur.oi", Instant.parse("2026-01-05T09:00:00Z"),
                    "autre opération"));
            grants.update(reserved.grant(), grant.revision());
            return null;
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an approval below cost approves by default the FSE+ asked capped at 60 % of the approved amount (40,000 -> 24,000); "
            + "a stated FSE+ over that (PLIE-OFFER-040) or over the FSE+ asked (PLIE-OFFER-039) is refused, nothing changed; a lower "
            + "one is kept and is what publication asks the OI to commit")
    void approvedEsf(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2").closedAndAssigned().reviewed();
            decide(round, OP1, terms(40_000));
            assertThat(round.stored().programming().application(OP1).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(24_000));
            assertThat(round.history()).last().satisfies(e -> assertThat(e.reference()).contains("OP-1 40000.00 FSE+ 24000.00"));

            PlieException overRate = refused(round, () -> decide(round, OP2, terms(40_000).withApprovedEsf(Money.ofCents(2_400_001))),
                    OfferError.ESF_OVER_RATE);
            assertThat(overRate.violations().get(0).field()).isEqualTo("decision.approvedEsf");
            assertThat(overRate.violations().get(0).message(Locale.ENGLISH)).contains("24000.01", "24000.00", "40000.00", "60 %");
            refused(round, () -> decide(round, OP2, terms(50_000).withApprovedEsf(Money.ofCents(3_000_001))), OfferError.ESF_OVER_ASKED,
                    OfferError.ESF_OVER_RATE);
            refused(round, () -> round.approval().decide(Round.OI, CALL, OP2, Round.decision(SteeringDecision.Outcome.APPROVED),
                    terms(50_000)), WorkflowError.ROLE_REQUIRED);

            decide(round, OP2, terms(50_000).withApprovedEsf(Money.euros(20_000)));
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.events).filteredOn(e -> e.kind() == ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED)
                    .extracting(ProgrammingEvent::amount).containsExactly(Money.euros(24_000), Money.euros(20_000));
            assertThat(round.runningProcesses()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the global grant at each decision: with 30,000 of FSE+ left on it, approving OP-1 (30,000) passes, approving OP-2 "
            + "(6,000 more) is refused (PLIE-WORKFLOW-063) and changes nothing, an approval adding no FSE+ passes; after adoption an "
            + "amendment raising the FSE+ is refused too")
    void globalGrantAtEachDecision(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2", "OP-3").closedAndAssigned().reviewed();
            reserveElsewhere(round, 270_000);
            decide(round, OP1, terms(50_000));
            PlieException over = refused(round, () -> decide(round, OP2, terms(10_000)), WorkflowError.ESF_OVER_GLOBAL_GRANT);
            assertThat(over.violations().get(0).message(Locale.ENGLISH)).contains("OP-2", "36000.00", "30000.00", "SG-OI-PERIGUEUX",
                    "2026");
            decide(round, OP2, terms(10_000).withApprovedEsf(Money.ZERO));
            round.approval().decide(SECRETARIAT, CALL, OP3, Round.decision(SteeringDecision.Outcome.REJECTED), Money.ZERO);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(round.stored().programming().approved()).hasSize(2);
            // OP-2 approved without FSE+: publication asks the OI to commit OP-1 only.
            assertThat(round.events).filteredOn(e -> e.kind() == ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED)
                    .extracting(ProgrammingEvent::operation).containsExactly(OP1);

            refused(round, () -> round.approval().amend(SECRETARIAT, CALL, OP3, Round.decision(SteeringDecision.Outcome.APPROVED),
                    terms(10_000), "recours gracieux"), WorkflowError.ESF_OVER_GLOBAL_GRANT);
            // Lowering an approval never needs the grant.
            round.approval().amend(SECRETARIAT, CALL, OP1, Round.decision(SteeringDecision.Outcome.APPROVED), terms(45_000),
                    "coûts revus");
            assertThat(round.stored().programming().application(OP1).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(27_000));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a programming opened without a global grant (the settings not requiring one) is not checked against the grant")
    void noGlobalGrant(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.approval().openCall(Round.COORDINATOR, Round.opening().withoutGlobalGrant().withSettings(ProgrammingSettings.defaults()));
            round.submitted("OP-1").closedAndAssigned().reviewed();
            reserveElsewhere(round, 300_000);
            decide(round, OP1, terms(50_000));
            assertThat(round.stored().programming().application(OP1).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(30_000));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an operation the Département marked redundant is approved only with the committee's justification of the "
            + "redundancy, a field of its own: the reasons alone are refused (PLIE-OFFER-031), nothing changed")
    void redundantOperation(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned();
            round.approval().appraise(Round.INSTRUCTOR_1, CALL, OP1, Appraisal.Opinion.FAVOURABLE, Money.euros(50_000), "solide");
            round.approval().markPti(Round.DEPARTMENT_STAFF, CALL, OP1, PtiMarking.Complementarity.REDUNDANT,
                    "Doublon avec l’accompagnement global du PTI");
            round.approval().recordTechnicalOpinion(Round.COORDINATOR, CALL, Appraisal.Opinion.FAVOURABLE, "", "COTECH 2026-03-02");
            PlieException refusal = refused(round, () -> decide(round, OP1, terms(50_000)), OfferError.REDUNDANT_WITHOUT_JUSTIFICATION);
            assertThat(refusal.violations().get(0).field()).isEqualTo("decision.redundancyJustification");

            decide(round, OP1, terms(50_000).withRedundancyJustification("Public distinct : sortants de détention, hors PTI"));
            SteeringDecision stored = round.stored().programming().application(OP1).orElseThrow().decision();
            assertThat(stored.redundancyJustification()).isEqualTo("Public distinct : sortants de détention, hors PTI");
            assertThat(stored.reason()).isEqualTo("Délibéré en séance");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a programming stored in format 1.0 is read by the store (first layout: with the protocol's steering committee; "
            + "second: each approval's FSE+ by default from the settings stored beside it), the round goes on, and the next change "
            + "writes format 2.0")
    void formatOneInTheStore(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2").closedAndAssigned().reviewed();
            Programming reviewed = round.stored().programming();
            // The first layout of format 1.0: no steering committee kept with the programming.
            rewrite(round, root -> {
                root.put("formatVersion", "1.0");
                root.remove("steeringCommittee");
            });
            assertThat(document(round)).doesNotContain("steeringCommittee").contains("\"formatVersion\" : \"1.0\"");
            Programming upgraded = round.stored().programming();
            assertThat(upgraded.steeringCommittee()).isEqualTo(reviewed.steeringCommittee());
            assertThat(upgraded.call()).isEqualTo(reviewed.call());
            assertThat(upgraded.technicalOpinion()).isEqualTo(reviewed.technicalOpinion());
            assertThat(upgraded.applications()).containsExactlyElementsOf(reviewed.applications());
            assertThat(upgraded).isEqualTo(reviewed);

            decide(round, OP1, terms(40_000));
            // the store writes the document compact
            assertThat(document(round)).contains("\"formatVersion\":\"" + ProgrammingJson.VERSION + "\"", "steeringCommittee",
                    "\"approvedEsf\":\"24000.00\"").doesNotContain("\n");
            Programming decided = round.stored().programming();
            // The second layout of format 1.0: decisions without their FSE+.
            rewrite(round, root -> {
                root.put("formatVersion", "1.0");
                ((ObjectNode) root.get("applications").get(0).get("decision")).remove("approvedEsf");
            });
            assertThat(document(round)).doesNotContain("approvedEsf");
            assertThat(round.stored().programming()).isEqualTo(decided);
            decide(round, OP2, terms(50_000));
            assertThat(round.stored().programming().application(OP2).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(30_000));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String document(Round round) {
        return round.inCommand(() -> {
            try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                    "SELECT document FROM plie_programming WHERE plan_id = ? AND id = ?")) {
                select.setString(1, PlanId.DEFAULT.value());
                select.setString(2, CALL.value());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Rewrites the stored document as an older writer would have written it. */
    private static void rewrite(Round round, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(document(round));
        change.accept(root);
        String old = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        round.inCommand(() -> {
            try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                    "UPDATE plie_programming SET document = ? WHERE plan_id = ? AND id = ?")) {
                update.setString(1, old);
                update.setString(2, PlanId.DEFAULT.value());
                update.setString(3, CALL.value());
                EngineTransaction.changed();
                update.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
