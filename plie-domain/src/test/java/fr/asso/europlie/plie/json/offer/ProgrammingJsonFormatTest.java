package fr.asso.europlie.plie.json.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.FinancingPlan;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The format versions of the {@code plie/programming} document: 2.0 written, and the two layouts
 * of format 1.0 stored before it read with the same rules.
 *
 * <p>The format-1.0 fixtures are written the old way: each is the 2.0 document rewritten member by
 * member as the writer of that time wrote it (ProgrammingJson at commit 52222c7 for the layout with
 * the steering committee; at commit ec9e77d, the one the store's V004 shipped with, for the first
 * layout), so that the test reads exactly what those writers stored.
 */
@DisplayName("the plie/programming document's format versions")
class ProgrammingJsonFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Operation OP1 = OfferFixture.anOperation("OP-1");
    private static final Operation OP2 = OfferFixture.anOperation("OP-2");
    private static final OfferSettings SETTINGS = OfferSettings.defaults();
    private static final BigDecimal RATE = SETTINGS.operationCoFinancingRatePercent(OfferFixture.aCall().regionCategory());
    private static final ProgrammingJson.Legacy LEGACY = new ProgrammingJson.Legacy(
            protocol -> Optional.of(GovernanceFixture.steeringCommittee()), SETTINGS);

    /**
     * An approval as format 1.0 recorded it, seen in 2.0: the FSE+ by default (asked, capped at the
     * rate times the amount) and, for an operation marked redundant, the decision's reasons as the
     * justification of the redundancy.
     */
    private static SteeringDecision approvalOfFormatOne(Operation operation, Money amount, long second, boolean redundant) {
        Instant at = OfferFixture.at(second);
        Decision<SteeringDecision.Outcome> decision = OfferFixture.copil(SteeringDecision.Outcome.APPROVED,
                "Seule offre de ce type sur le territoire", "COPIL 2026-03-12", at);
        Money esf = operation.financingPlan().esfShare().min(FinancingPlan.esfCap(amount, RATE));
        return new SteeringDecision(operation.id(), amount, esf, decision, redundant ? decision.reasons() : "", "animatrice.plie", at);
    }

    /** OP-1 marked redundant and approved below its cost, OP-2 approved in full then amended down; adopted. */
    private static Programming anAdoptedProgramming() {
        PtiMarking redundant = new PtiMarking(OP1.id(), PtiMarking.Complementarity.REDUNDANT, "Doublon avec le PTI",
                OfferFixture.DEPARTMENT, "cheffe.insertion.24", OfferFixture.at(150));
        return OfferFixture.aReviewedProgrammingWith(List.of(OP1, OP2)).mark(redundant)
                .decide(approvalOfFormatOne(OP1, Money.euros(40_000), 300, true))
                .decide(approvalOfFormatOne(OP2, OP2.costs().total(), 310, false))
                .recordTechnicalOpinion(OfferFixture.aTechnicalOpinion())
                .adopt(OfferFixture.anAdoption("COPIL 2026-03-12", OfferFixture.at(500)))
                .amend(approvalOfFormatOne(OP2, Money.euros(45_000), 600, false), "Coûts revus");
    }

    /** The document as ProgrammingJson wrote it at commit 52222c7: format 1.0, no FSE+ nor justification of a redundancy. */
    private static String asFormatOneWithCommittee(String current) {
        ObjectNode root = (ObjectNode) JSON.readTree(current);
        root.put("formatVersion", "1.0");
        for (ObjectNode d : decisions(root)) {
            d.remove("approvedEsf");
            d.remove("redundancyJustification");
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * The document as ProgrammingJson wrote it before commit 52222c7: no steering committee, each
     * decision with its outcome, committee reference and reason as free text, the adoption with
     * its committee reference.
     */
    private static String asFormatOneBeforeCommittee(String current) {
        ObjectNode root = (ObjectNode) JSON.readTree(asFormatOneWithCommittee(current));
        root.remove("steeringCommittee");
        for (ObjectNode d : decisions(root)) {
            JsonNode governance = d.remove("decision");
            d.put("outcome", governance.get("outcome").asString());
            d.put("committeeReference", governance.get("reference").asString());
            d.put("reason", governance.get("reasons").asString());
        }
        if (root.get("adoption") instanceof ObjectNode adoption) {
            JsonNode governance = adoption.remove("decision");
            adoption.put("committeeReference", governance.get("reference").asString());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static List<ObjectNode> decisions(ObjectNode root) {
        List<ObjectNode> found = new java.util.ArrayList<>();
        root.get("applications").forEach(a -> {
            if (a.get("decision") instanceof ObjectNode d) {
                found.add(d);
            }
        });
        root.get("amendments").forEach(a -> {
            found.add((ObjectNode) a.get("decision"));
            if (a.get("previous") instanceof ObjectNode p) {
                found.add(p);
            }
        });
        return found;
    }

    @Test
    @DisplayName("the document is written as format 2.0, each decision with the FSE+ it approves and its justification of a "
            + "redundancy, and read back equal")
    void writtenAsTwo() {
        Programming programming = anAdoptedProgramming();
        String json = ProgrammingJson.write(programming);
        assertThat(json).contains("\"formatVersion\" : \"2.0\"").contains("\"approvedEsf\" : \"24000.00\"")
                .contains("\"redundancyJustification\" : \"Seule offre de ce type sur le territoire\"");
        assertThat(ProgrammingJson.read(json)).isEqualTo(programming);
        assertThat(ProgrammingJson.read(json, LEGACY)).isEqualTo(programming);
    }

    @Test
    @DisplayName("a format 1.0 document with the steering committee is read as 2.0: each approval's FSE+ is the FSE+ asked capped "
            + "at the co-financing rate times the approved amount, the reasons of an approval of an operation marked redundant justify "
            + "the redundancy as they did; written back as 2.0")
    void formatOneWithCommittee() {
        Programming programming = anAdoptedProgramming();
        String current = ProgrammingJson.write(programming);
        String old = asFormatOneWithCommittee(current);
        assertThat(old).contains("\"formatVersion\" : \"1.0\"").doesNotContain("approvedEsf").doesNotContain("redundancyJustification");
        Programming read = ProgrammingJson.read(old, LEGACY);
        assertThat(read).isEqualTo(programming);
        assertThat(read.application(OP1.id()).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(24_000));
        assertThat(read.application(OP1.id()).orElseThrow().decision().redundancyJustification())
                .isEqualTo("Seule offre de ce type sur le territoire");
        assertThat(read.application(OP2.id()).orElseThrow().decision().justifiesRedundancy()).isFalse();
        assertThat(ProgrammingJson.write(read)).isEqualTo(current);
    }

    @Test
    @DisplayName("a format 1.0 document enforces the same rules: an axis over its envelope and an amount over cost are refused with "
            + "their codes and paths, and without the settings its FSE+ over the rate is refused by the record (PLIE-OFFER-040)")
    void formatOneSameRules() {
        String old = asFormatOneWithCommittee(ProgrammingJson.write(anAdoptedProgramming()));
        String overEnvelope = old.replace("\"amount\" : \"100000.00\"", "\"amount\" : \"80000.00\"");
        assertRefused(() -> ProgrammingJson.read(overEnvelope, LEGACY), OfferError.AXIS_OVER_PROGRAMMED, "$.call.envelopes.ACCOMPANIMENT",
                "85000.00");
        String overCost = old.replaceFirst("\"approvedAmount\" : \"40000.00\"", "\"approvedAmount\" : \"60000.00\"");
        assertRefused(() -> ProgrammingJson.read(overCost, LEGACY), OfferError.AMOUNT_OVER_COST,
                "$.applications[0].decision.approvedAmount", "60000.00");
        // Read without the settings, the FSE+ asked (at most the amount) is what format 1 programmed: over the rate on 40,000.
        Programming unbounded = ProgrammingJson.read(old, ProgrammingJson.Legacy.NONE);
        assertThat(unbounded.application(OP1.id()).orElseThrow().fseProgrammed()).isEqualTo(OP1.financingPlan().esfShare());
        assertRefused(() -> new ProgrammingRecord(unbounded, Operators.of(OfferFixture.ASSOCIATION, OfferFixture.SIAE), SETTINGS, 3),
                OfferError.ESF_OVER_RATE, "programming.applications[0].decision.approvedEsf", OP1.financingPlan().esfShare().toString());
    }

    @Test
    @DisplayName("a format 1.0 document of the first layout (no steering committee) is read with the plan's committee; without it "
            + "it is refused naming the member")
    void formatOneBeforeCommittee() {
        Programming reviewed = OfferFixture.aReviewedProgrammingWith(List.of(OP1, OP2)).recordTechnicalOpinion(
                OfferFixture.aTechnicalOpinion());
        String old = asFormatOneBeforeCommittee(ProgrammingJson.write(reviewed));
        assertThat(old).doesNotContain("steeringCommittee");
        assertThat(ProgrammingJson.read(old, LEGACY)).isEqualTo(reviewed);
        assertRefused(() -> ProgrammingJson.read(old), JsonError.MISSING, "$.steeringCommittee", "format 1.0");
    }

    @Test
    @DisplayName("a decision of the first layout of format 1.0 recorded no members present: it is refused (its quorum cannot be "
            + "checked, and attendance is never made up), naming the decision")
    void formatOneBeforeCommitteeWithDecisions() {
        String old = asFormatOneBeforeCommittee(ProgrammingJson.write(anAdoptedProgramming()));
        PlieException refused = assertRefused(() -> ProgrammingJson.read(old, LEGACY), JsonError.BAD_VALUE, "$.applications[0].decision",
                "format 1.0 decision without members present");
        assertThat(refused.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("$.adoption"));
    }

    @Test
    @DisplayName("a document of another major version is refused (PLIE-JSON-006)")
    void otherMajorVersion() {
        String json = ProgrammingJson.write(anAdoptedProgramming()).replace("\"formatVersion\" : \"2.0\"", "\"formatVersion\" : \"3.0\"");
        assertRefused(() -> ProgrammingJson.read(json, LEGACY), JsonError.UNSUPPORTED_FORMAT, "$.formatVersion", "3.0");
    }
}
