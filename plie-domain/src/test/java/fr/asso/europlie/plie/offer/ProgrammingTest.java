package fr.asso.europlie.plie.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.offer.OfferFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.GovernanceError;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.governance.QuorumRule;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.json.offer.ProgrammingJson;
import java.time.Instant;
import java.util.Optional;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the annual programming")
class ProgrammingTest {

    private static final Operation OP1 = anOperation("OP-1");
    private static final Operation OP2 = anOperation("OP-2");
    private static final Operation OP3 = anOperation("OP-3");

    @Test
    @DisplayName("an admissible application enters the round; an inadmissible one is refused with every reason and changes nothing")
    void submit() {
        Programming open = anOpenProgramming();
        Programming withOne = open.submit(OP1, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults());
        assertThat(withOne.applications()).extracting(a -> a.operation().id()).containsExactly(OP1.id());
        assertThat(open.applications()).isEmpty();

        Operation bad = OP2.withFinancingPlan(FinancingPlan.of(Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(50_000))));
        PlieException error = assertRefused(() -> withOne.submit(bad, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults()),
                OfferError.ESF_SHARE_OVER_RATE, "financingPlan.esfShare", "50000.00");
        assertThat(error.violations()).hasSize(1);
        assertThat(withOne.applications()).hasSize(1);
        assertRefused(() -> withOne.submit(OP1, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults()),
                OfferError.ALREADY_SUBMITTED, "operation.id", "OP-1");
    }

    @Test
    @DisplayName("an axis cannot be over-programmed: the approval that would pass the envelope is refused, nothing changes")
    void axisCannotBeOverProgrammed() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1, OP2, OP3));
        Programming two = reviewed.decide(anApproval(OP1.id(), Money.euros(50_000))).decide(anApproval(OP2.id(), Money.euros(45_000)));
        assertThat(two.remaining(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(5_000));
        PlieException error = assertRefused(() -> two.decide(anApproval(OP3.id(), Money.euros(6_000))),
                OfferError.AXIS_OVER_PROGRAMMED, "envelopes.ACCOMPANIMENT", "101000.00");
        assertThat(error.violation().message(Messages.FRENCH)).contains("100000.00").contains("1000.00");
        assertThat(two.application(OP3.id()).orElseThrow().decisionIfAny()).isEmpty();
        assertThat(two.approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(95_000));
        Programming full = two.decide(anApproval(OP3.id(), Money.euros(5_000)));
        assertThat(full.remaining(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("rejections and adjournments do not count against the envelope")
    void rejectionsDoNotCount() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1, OP2));
        Programming decided = reviewed.decide(approvalWithEsf(OP1.id(), Money.euros(50_000), Money.euros(30_000)))
                .decide(OfferFixture.refusal(OP2.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL 2026-03-12", at(400), "Préciser les indicateurs"));
        assertThat(decided.approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(50_000));
        assertThat(decided.approved()).extracting(a -> a.operation().id()).containsExactly(OP1.id());
        assertThat(decided.approvedAskingEsf()).extracting(a -> a.operation().id()).containsExactly(OP1.id());
    }

    @Test
    @DisplayName("the steering committee decides only on appraised operations marked by the Département")
    void decisionNeedsAppraisalAndMarking() {
        Programming closed = aClosedProgrammingWith(List.of(OP1));
        PlieException error = assertRefused(() -> closed.decide(anApproval(OP1.id(), Money.euros(10_000))),
                OfferError.NOT_APPRAISED, "decision.operation", "OP-1");
        assertViolation(error, OfferError.NOT_MARKED, "decision.operation", "OP-1");
        Programming appraised = closed.appraise(anAppraisal(OP1.id(), Money.euros(10_000)));
        assertRefused(() -> appraised.decide(anApproval(OP1.id(), Money.euros(10_000))), OfferError.NOT_MARKED, "decision.operation", "OP-1");
    }

    @Test
    @DisplayName("only the Département marks PTI complementarity, with a justification")
    void onlyTheDepartmentMarks() {
        Programming closed = aClosedProgrammingWith(List.of(OP1));
        PtiMarking byEpci = new PtiMarking(OP1.id(), PtiMarking.Complementarity.REDUNDANT, "Doublon", EPCI, "agent.epci", at(1));
        assertRefused(() -> closed.mark(byEpci), OfferError.NOT_THE_DEPARTMENT, "ptiMarking.markedBy", "EPCI-200040392");
        assertRefused(() -> new PtiMarking(OP1.id(), PtiMarking.Complementarity.REDUNDANT, " ", DEPARTMENT, "x", at(1)),
                OfferError.BLANK, "ptiMarking.justification", " ");
        Programming marked = closed.mark(aMarking(OP1.id()));
        assertThat(marked.application(OP1.id()).orElseThrow().markingIfAny().orElseThrow().complementarity())
                .isEqualTo(PtiMarking.Complementarity.COMPLEMENTARY);
    }

    @Test
    @DisplayName("an operation the Département marked redundant with the PTI is approved only with the committee's justification "
            + "of the redundancy, a field of its own: the decision's reasons do not count (PLIE-OFFER-031), nothing changed")
    void redundantOperationNeedsAJustificationOfTheRedundancy() {
        PtiMarking redundant = new PtiMarking(OP1.id(), PtiMarking.Complementarity.REDUNDANT,
                "Doublon avec l’accompagnement global du PTI", DEPARTMENT, "cheffe.insertion.24", at(200));
        Programming marked = aClosedProgrammingWith(List.of(OP1)).appraise(anAppraisal(OP1.id(), OP1.costs().total())).mark(redundant);
        SteeringDecision reasonsOnly = OfferFixture.decision(OP1.id(), SteeringDecision.Outcome.APPROVED, Money.euros(10_000),
                "COPIL 2026-03-12", at(300), "Opération conforme au cahier des charges");
        assertRefused(() -> marked.decide(reasonsOnly), OfferError.REDUNDANT_WITHOUT_JUSTIFICATION, "decision.redundancyJustification",
                OP1.id().toString());
        assertThat(marked.application(OP1.id()).orElseThrow().decision()).isNull();

        SteeringDecision justified = reasonsOnly.withRedundancyJustification("Seule offre de ce type dans le Pays vernois");
        Programming approved = marked.decide(justified);
        assertThat(approved.application(OP1.id()).orElseThrow().decision().redundancyJustification())
                .isEqualTo("Seule offre de ce type dans le Pays vernois");
        assertThat(approved.application(OP1.id()).orElseThrow().marking()).isEqualTo(redundant);
    }

    @Test
    @DisplayName("a redundant marking after an approval without justification of a redundancy is refused (PLIE-OFFER-031); "
            + "after a justified one it stands")
    void redundantMarkingAfterTheApproval() {
        PtiMarking redundant = new PtiMarking(OP1.id(), PtiMarking.Complementarity.REDUNDANT,
                "Doublon avec l’accompagnement global du PTI", DEPARTMENT, "cheffe.insertion.24", at(400));
        SteeringDecision plain = OfferFixture.decision(OP1.id(), SteeringDecision.Outcome.APPROVED, Money.euros(10_000),
                "COPIL 2026-03-12", at(300), "Opération conforme");
        Programming approved = aReviewedProgrammingWith(List.of(OP1)).decide(plain);
        assertRefused(() -> approved.mark(redundant), OfferError.REDUNDANT_WITHOUT_JUSTIFICATION, "ptiMarking.complementarity",
                OP1.id().toString());
        Programming remarked = aReviewedProgrammingWith(List.of(OP1)).decide(plain.withRedundancyJustification("Public distinct"))
                .mark(redundant);
        assertThat(remarked.application(OP1.id()).orElseThrow().marking()).isEqualTo(redundant);
    }

    @Test
    @DisplayName("an approval states the FSE+ it approves: more than the financing plan asks is refused (PLIE-OFFER-039), more "
            + "than the approved amount too (PLIE-OFFER-040), an FSE+ amount on a rejection (PLIE-OFFER-028); nothing changed")
    void approvedEsfWithinTheAsk() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1));
        Money asked = OP1.financingPlan().esfShare();
        PlieException overAsked = assertRefused(() -> reviewed.decide(OfferFixture.approvalWithEsf(OP1.id(), OP1.costs().total(),
                asked.plus(Money.ofCents(1)))), OfferError.ESF_OVER_ASKED, "decision.approvedEsf", asked.plus(Money.ofCents(1)).toString());
        assertThat(overAsked.violations()).singleElement();
        assertThat(reviewed.application(OP1.id()).orElseThrow().decision()).isNull();
        assertRefused(() -> OfferFixture.approvalWithEsf(OP1.id(), Money.euros(1_000), Money.euros(1_001)), OfferError.ESF_OVER_RATE,
                "decision.approvedEsf", Money.euros(1_001).toString());
        assertRefused(() -> new SteeringDecision(OP1.id(), Money.ZERO, Money.euros(1), OfferFixture.copil(SteeringDecision.Outcome.REJECTED,
                "non", "COPIL", at(300)), "", "animatrice.plie", at(300)), OfferError.DECISION_AMOUNT, "decision.approvedEsf",
                Money.euros(1).toString());
        Programming decided = reviewed.decide(OfferFixture.approvalWithEsf(OP1.id(), OP1.costs().total(), asked));
        assertThat(decided.application(OP1.id()).orElseThrow().fseProgrammed()).isEqualTo(asked);
    }

    @Test
    @DisplayName("the record holds an approval's FSE+ within the co-financing rate times the approved amount (PLIE-OFFER-040); "
            + "by default the FSE+ asked, capped at that rate times the amount")
    void approvedEsfWithinTheRate() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1));
        ProgrammingRecord record = ProgrammingRecord.of(reviewed, Operators.of(OfferFixture.ASSOCIATION, OfferFixture.SIAE),
                OfferSettings.defaults());
        java.math.BigDecimal rate = record.coFinancingRatePercent();
        Money approved = Money.euros(40_000);
        Money cap = FinancingPlan.esfCap(approved, rate);
        assertThat(cap).isLessThan(OP1.financingPlan().esfShare());
        assertThat(record.defaultApprovedEsf(OP1.id(), approved)).isEqualTo(cap);
        assertThat(record.defaultApprovedEsf(OP1.id(), OP1.costs().total())).isEqualTo(OP1.financingPlan().esfShare());
        PlieException refused = assertRefused(() -> record.decide(OfferFixture.approvalWithEsf(OP1.id(), approved,
                cap.plus(Money.ofCents(1)))), OfferError.ESF_OVER_RATE, "decision.approvedEsf", cap.plus(Money.ofCents(1)).toString());
        assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.details())
                .containsExactly(cap.toString(), approved.toString(), rate.stripTrailingZeros().toPlainString()));
        Programming decided = record.decide(OfferFixture.approvalWithEsf(OP1.id(), approved, cap));
        assertThat(decided.application(OP1.id()).orElseThrow().fseProgrammed()).isEqualTo(cap);
        assertRefused(() -> new ProgrammingRecord(reviewed.decide(OfferFixture.approvalWithEsf(OP1.id(), approved,
                cap.plus(Money.ofCents(1)))), record.operators(), record.settings(), 2), OfferError.ESF_OVER_RATE,
                "programming.applications[0].decision.approvedEsf", cap.plus(Money.ofCents(1)).toString());
    }

    @Test
    @DisplayName("the appraisal records instructor, opinion and a proposed amount within the operation's cost")
    void appraisal() {
        Programming closed = aClosedProgrammingWith(List.of(OP1));
        Programming appraised = closed.appraise(anAppraisal(OP1.id(), Money.euros(45_000)));
        Appraisal appraisal = appraised.application(OP1.id()).orElseThrow().appraisalIfAny().orElseThrow();
        assertThat(appraisal.instructor()).isEqualTo("instructeur.plie");
        assertThat(appraisal.proposedAmount()).isEqualTo(Money.euros(45_000));
        assertRefused(() -> closed.appraise(anAppraisal(OP1.id(), Money.euros(50_001))), OfferError.AMOUNT_OVER_COST,
                "appraisal.proposedAmount", "50001.00");
        assertRefused(() -> closed.appraise(anAppraisal(OperationId.of("OP-404"), Money.euros(1))), OfferError.UNKNOWN_OPERATION,
                "appraisal.operation", "OP-404");
    }

    @Test
    @DisplayName("adoption needs a decision on every operation, then decisions change only by amendment")
    void adoptionAndAmendments() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1, OP2, OP3));
        Programming twoDecided = reviewed.decide(anApproval(OP1.id(), Money.euros(50_000)))
                .decide(OfferFixture.refusal(OP3.id(), SteeringDecision.Outcome.REJECTED, "COPIL 2026-03-12", at(400), "Hors besoins du territoire"));
        Adoption adoption = OfferFixture.anAdoption("COPIL 2026-03-12", at(500));
        PlieException refused = assertRefused(() -> twoDecided.adopt(adoption), OfferError.UNDECIDED_OPERATIONS, "applications", "[OP-2]");
        assertViolation(refused, OfferError.NO_TECHNICAL_OPINION, "technicalOpinion", "null");

        Programming adopted = twoDecided.decide(OfferFixture.refusal(OP2.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL 2026-03-12", at(400), "Préciser le public")).recordTechnicalOpinion(aTechnicalOpinion())
                .adopt(adoption);
        assertThat(adopted.technicalOpinion()).contains(aTechnicalOpinion());
        assertThat(adopted.state()).isEqualTo(ProgrammingState.ADOPTED);
        assertThat(adopted.adoption()).contains(adoption);
        assertRefused(() -> adopted.decide(anApproval(OP2.id(), Money.euros(10_000))), OfferError.ILLEGAL_TRANSITION, "state", "ADOPTED");

        Programming amended = adopted.amend(OfferFixture.approval(OP2.id(), Money.euros(40_000), "COPIL 2026-06-20", at(900)), "Public précisé");
        assertThat(amended.amendments()).hasSize(1);
        assertThat(amended.amendments().get(0).previous().outcome()).isEqualTo(SteeringDecision.Outcome.ADJOURNED);
        assertThat(amended.approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(90_000));
        assertRefused(() -> amended.amend(anApproval(OP1.id(), Money.euros(50_001)), "Hausse"),
                OfferError.AMOUNT_OVER_COST, "decision.approvedAmount", "50001.00");
        assertRefused(() -> amended.amend(OfferFixture.approval(OP3.id(), Money.euros(15_000), "COPIL 2026-09-20", at(1000)), "Réexamen"), OfferError.AXIS_OVER_PROGRAMMED, "envelopes.ACCOMPANIMENT", "105000.00");
        assertRefused(() -> amended.amend(anApproval(OP3.id(), Money.euros(1)), " "), OfferError.BLANK, "amendment.reason", " ");
        assertThat(amended.amendments()).hasSize(1);
        assertThat(amended.application(OP3.id()).orElseThrow().isApproved()).isFalse();
    }

    @Test
    @DisplayName("a decision's amount must fit its outcome")
    void decisionAmount() {
        assertRefused(() -> OfferFixture.approval(OP1.id(), Money.ZERO, "COPIL", at(1)),
                OfferError.DECISION_AMOUNT, "decision.approvedAmount", "0.00");
        assertRefused(() -> OfferFixture.decision(OP1.id(), SteeringDecision.Outcome.REJECTED, Money.euros(1), "COPIL", at(1), "non"),
                OfferError.DECISION_AMOUNT, "decision.approvedAmount", "1.00");
    }

    @Test
    @DisplayName("programming axes map onto the protocol's strategic axes; an unknown or missing one is refused")
    void axisMapping() {
        assertThat(ProgrammingAxis.values()).extracting(ProgrammingAxis::number).containsExactly(1, 3, 4, 5, 6, 7, 8, 9);
        assertThat(aMapping().strategicAxisOf(ProgrammingAxis.ACCOMPANIMENT)).contains(StrategicAxisId.of("AXE-1"));
        PlieException unknown = assertRefused(() -> AxisMapping.of(Map.of(ProgrammingAxis.ACCOMPANIMENT, StrategicAxisId.of("AXE-9")),
                PROTOCOL_AXES), OfferError.UNKNOWN_STRATEGIC_AXIS, "axisMapping.ACCOMPANIMENT", "AXE-9");
        assertThat(unknown.violation().message(Messages.ENGLISH)).contains("[AXE-1, AXE-2]");
        AxisMapping partial = AxisMapping.of(Map.of(ProgrammingAxis.ACCOMPANIMENT, StrategicAxisId.of("AXE-1")), PROTOCOL_AXES);
        assertRefused(() -> Programming.open(aCall(), partial, DEPARTMENT, GovernanceFixture.steeringCommittee()), OfferError.AXIS_NOT_MAPPED, "axisMapping", "LINKS_WITH_EMPLOYERS");
    }

    @Test
    @DisplayName("a call without axis or with a negative envelope is refused")
    void badCall() {
        CallForProposals call = aCall();
        assertRefused(() -> call.withEnvelope(ProgrammingAxis.ANIMATION, Money.euros(-10)),
                fr.asso.europlie.plie.money.MoneyError.NEGATIVE, "envelopes.ANIMATION", "-10.00");
        assertRefused(() -> new CallForProposals(call.id(), call.protocol(), call.year(), call.eligibility(), call.closingDate(),
                call.regionCategory(), Map.of()), OfferError.NO_OPEN_AXIS, "envelopes", "{}");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("before adoption only an adjourned operation comes back: an approved or rejected one changes by amendment (PLIE-OFFER-035)")
    void decidedOperationsAreFinalUntilAmended() {
        Programming closed = anOpenProgramming().submit(OP1, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults()).close()
                .appraise(anAppraisal(OP1.id(), Money.euros(1))).mark(aMarking(OP1.id()));
        Programming adjourned = closed.decide(OfferFixture.refusal(OP1.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL-1", at(1), "à compléter"));
        Programming approved = adjourned.decide(anApproval(OP1.id(), Money.euros(1)));
        assertThat(approved.application(OP1.id()).orElseThrow().isApproved()).isTrue();
        assertRefused(() -> approved.decide(OfferFixture.refusal(OP1.id(), SteeringDecision.Outcome.REJECTED, "COPIL-2", at(2), "non")), OfferError.ALREADY_DECIDED, "decision.operation", "OP-1");
        Programming rejected = closed.decide(OfferFixture.refusal(OP1.id(), SteeringDecision.Outcome.REJECTED, "COPIL-1", at(1), "non"));
        assertRefused(() -> rejected.decide(anApproval(OP1.id(), Money.euros(1))), OfferError.ALREADY_DECIDED, "decision.operation",
                "OP-1");
        Programming amended = rejected.recordTechnicalOpinion(aTechnicalOpinion()).adopt(OfferFixture.anAdoption("COPIL", at(3)))
                .amend(anApproval(OP1.id(), Money.euros(1)), "recours gracieux accepté");
        assertThat(amended.application(OP1.id()).orElseThrow().isApproved()).isTrue();
        assertThat(amended.amendments()).hasSize(1);
    }

    static Stream<Arguments> stateByAction() {
        UnaryOperator<Programming> submit = p -> p.submit(OP2, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults());
        UnaryOperator<Programming> close = Programming::close;
        UnaryOperator<Programming> appraise = p -> p.appraise(anAppraisal(OP1.id(), Money.euros(2)));
        UnaryOperator<Programming> mark = p -> p.mark(new PtiMarking(OP1.id(), PtiMarking.Complementarity.COMPLEMENTARY, "Complète le PTI",
                DEPARTMENT, "cheffe.insertion.24", at(2)));
        UnaryOperator<Programming> decide = p -> p.decide(anApproval(OP1.id(), Money.euros(3)));
        UnaryOperator<Programming> adopt = p -> p.adopt(OfferFixture.anAdoption("COPIL", at(1)));
        UnaryOperator<Programming> opinion = p -> p.recordTechnicalOpinion(new TechnicalOpinion(Appraisal.Opinion.UNFAVOURABLE, "non",
                "COTECH", "x", at(7)));
        UnaryOperator<Programming> amend = p -> p.amend(anApproval(OP1.id(), Money.euros(2)), "raison");
        Programming open = anOpenProgramming().submit(OP1, LocalDate.of(2026, 1, 10), OPERATORS, OfferSettings.defaults());
        Programming closed = open.close().appraise(anAppraisal(OP1.id(), Money.euros(1))).mark(aMarking(OP1.id()))
                .decide(OfferFixture.refusal(OP1.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL-1", at(1), "à compléter"))
                .recordTechnicalOpinion(aTechnicalOpinion());
        Programming adopted = closed.adopt(OfferFixture.anAdoption("COPIL", at(1)));
        Map<String, UnaryOperator<Programming>> actions = new java.util.LinkedHashMap<>();
        actions.put("submit", submit);
        actions.put("close", close);
        actions.put("appraise", appraise);
        actions.put("mark", mark);
        actions.put("decide", decide);
        actions.put("recordTechnicalOpinion", opinion);
        actions.put("adopt", adopt);
        actions.put("amend", amend);
        Map<ProgrammingState, Programming> states = Map.of(ProgrammingState.OPEN, open, ProgrammingState.CLOSED, closed,
                ProgrammingState.ADOPTED, adopted);
        Map<ProgrammingState, List<String>> allowed = Map.of(
                ProgrammingState.OPEN, List.of("submit", "close"),
                ProgrammingState.CLOSED, List.of("appraise", "mark", "decide", "recordTechnicalOpinion", "adopt"),
                ProgrammingState.ADOPTED, List.of("appraise", "mark", "amend"));
        return states.entrySet().stream().flatMap(s -> actions.entrySet().stream().map(a -> Arguments.of(
                s.getKey(), a.getKey(), s.getValue(), a.getValue(), allowed.get(s.getKey()).contains(a.getKey()))));
    }

    @ParameterizedTest(name = "{0} x {1}: allowed = {4}")
    @MethodSource("stateByAction")
    @DisplayName("the state x action table of the programming")
    void stateByAction(ProgrammingState state, String action, Programming programming, UnaryOperator<Programming> command, boolean allowed) {
        if (allowed) {
            assertThat(command.apply(programming)).isNotEqualTo(programming);
        } else {
            assertRefused(() -> command.apply(programming), OfferError.ILLEGAL_TRANSITION, "state", state.name());
        }
        assertThat(programming.state()).isEqualTo(state);
    }

    @Test
    @DisplayName("a programming rebuilt from its parts (JSON, database) cannot hold an application to another call, on an axis the call"
            + " does not open, outside its period or submitted after its closing")
    void restoreRefusesInadmissibleApplications() {
        Programming closed = aReviewedProgrammingWith(List.of(OP1));
        Application valid = closed.applications().get(0);
        java.util.function.Function<Application, Programming> restore = a -> Programming.restore(closed.call(), closed.mapping(), closed.department(), GovernanceFixture.steeringCommittee(), closed.state(), List.of(a), null, null, List.of());
        assertThat(restore.apply(valid)).isEqualTo(closed);
        assertRefused(() -> restore.apply(new Application(OP1.withCall(CallId.of("AAP-2031")), valid.submittedOn(), valid.appraisal(),
                valid.marking(), null)), OfferError.OTHER_CALL, "applications[0].call", "AAP-2031");
        ProgrammingAxis closedAxis = java.util.Arrays.stream(ProgrammingAxis.values()).filter(axis -> !closed.call().opens(axis))
                .findFirst().orElseThrow();
        assertRefused(() -> restore.apply(new Application(OP1.withAxis(closedAxis), valid.submittedOn(), valid.appraisal(), valid.marking(),
                null)), OfferError.AXIS_NOT_OPEN, "applications[0].axis", closedAxis.name());
        OperationPeriod outside = OperationPeriod.of(closed.call().eligibility().start().minusDays(1), closed.call().eligibility().end());
        assertRefused(() -> restore.apply(new Application(OP1.withPeriod(outside), valid.submittedOn(), valid.appraisal(), valid.marking(),
                null)), OfferError.PERIOD_OUTSIDE_CALL, "applications[0].period", outside.toString());
        LocalDate late = closed.call().closingDate().plusDays(1);
        assertRefused(() -> restore.apply(new Application(OP1, late, valid.appraisal(), valid.marking(), null)),
                OfferError.SUBMITTED_AFTER_CLOSING, "applications[0].submittedOn", late.toString());
    }

    @Test
    @DisplayName("a programming rebuilt from its parts cannot hold amendments that do not lead to the decisions in force")
    void restoreRefusesAForgedAmendmentHistory() {
        Programming adopted = aReviewedProgrammingWith(List.of(OP1, OP2)).decide(anApproval(OP1.id(), Money.euros(50_000)))
                .decide(OfferFixture.refusal(OP2.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL 2026-03-12", at(400), "Préciser le public"))
                .recordTechnicalOpinion(aTechnicalOpinion()).adopt(OfferFixture.anAdoption("COPIL 2026-03-12", at(500)));
        Programming amended = adopted.amend(OfferFixture.approval(OP2.id(), Money.euros(40_000), "COPIL 2026-06-20", at(900)), "Public précisé");
        java.util.function.Function<List<ProgrammingAmendment>, Programming> restore = amendments -> Programming.restore(amended.call(), amended.mapping(), amended.department(), GovernanceFixture.steeringCommittee(), amended.state(), amended.applications(), amended.technicalOpinion().orElseThrow(), amended.adoption().orElseThrow(), amendments);
        assertThat(restore.apply(amended.amendments())).isEqualTo(amended);
        ProgrammingAmendment real = amended.amendments().get(0);
        // an amendment whose decision is not the one in force
        SteeringDecision other = OfferFixture.approval(OP2.id(), Money.euros(1_000), "COPIL 2026-06-20", at(900));
        assertRefused(() -> restore.apply(List.of(new ProgrammingAmendment(1, other, real.previous(), real.reason()))),
                OfferError.AMENDMENT_MISMATCH, "amendments[0].decision", "OP-2");
        // amendments of several operations interleave (amendment 2, on OP-1, is sound); amendment 3 is misnumbered and does not
        // start from amendment 1's decision: the history of an operation is a chain
        ProgrammingAmendment onOp1 = new ProgrammingAmendment(2, anApproval(OP1.id(), Money.euros(50_000)),
                anApproval(OP1.id(), Money.euros(10_000)), "Hausse");
        PlieException error = assertRefused(() -> restore.apply(List.of(real, onOp1, new ProgrammingAmendment(4, real.decision(),
                real.previous(), "Rien"))), OfferError.NEGATIVE_COUNT, "amendments[2].number", "4");
        assertThat(error.violations()).extracting(v -> v.code().code() + " " + v.field()).contains("PLIE-OFFER-030 amendments[2].previous");
        assertRefused(() -> restore.apply(List.of(new ProgrammingAmendment(1, real.decision(), real.previous(), "x"),
                new ProgrammingAmendment(2, anApproval(OperationId.of("OP-9"), Money.euros(1)), null, "y"))),
                OfferError.UNKNOWN_OPERATION, "amendments[1].decision.operation", "OP-9");
    }

    @Test
    @DisplayName("a programming rebuilt as still open cannot hold appraisals, markings or decisions, which need the call closed")
    void restoreOpenWithDecisionsRefused() {
        Programming decided = aReviewedProgrammingWith(List.of(OP1)).decide(anApproval(OP1.id(), Money.euros(50_000)));
        PlieException error = assertRefused(() -> Programming.restore(decided.call(), decided.mapping(), decided.department(), GovernanceFixture.steeringCommittee(), ProgrammingState.OPEN, decided.applications(), null, null, List.of()), OfferError.ILLEGAL_TRANSITION,
                "applications[0].decision", "OPEN");
        assertViolation(error, OfferError.ILLEGAL_TRANSITION, "applications[0].appraisal", "OPEN");
        assertViolation(error, OfferError.ILLEGAL_TRANSITION, "applications[0].marking", "OPEN");
    }

    @Test
    @DisplayName("a programming is rebuilt from its parts only when its invariants hold")
    void restore() {
        Programming decided = aReviewedProgrammingWith(List.of(OP1)).decide(anApproval(OP1.id(), Money.euros(50_000)));
        Programming copy = Programming.restore(decided.call(), decided.mapping(), decided.department(), GovernanceFixture.steeringCommittee(), decided.state(), decided.applications(), null, null, List.of());
        assertThat(copy).isEqualTo(decided);
        CallForProposals small = decided.call().withEnvelope(ProgrammingAxis.ACCOMPANIMENT, Money.euros(10_000));
        assertRefused(() -> Programming.restore(small, decided.mapping(), decided.department(), GovernanceFixture.steeringCommittee(), decided.state(), decided.applications(), null, null, List.of()), OfferError.AXIS_OVER_PROGRAMMED, "call.envelopes.ACCOMPANIMENT", "50000.00");
        assertRefused(() -> Programming.restore(decided.call(), decided.mapping(), OrganisationId.of("DEPT-33"), GovernanceFixture.steeringCommittee(), decided.state(), decided.applications(), null, null, List.of()), OfferError.NOT_THE_DEPARTMENT, "applications[0].marking.markedBy", "DEPT-24");
    }

    /** The intermediate body's programming committee: the OI's staff, convened by the OI. */
    private static final List<Member> OI_COMMITTEE = List.of(Member.technical("Sophie Marty", OI).withRole("gestionnaire FSE+"),
            Member.technical("Jean Roux", OI).withRole("chef de service"));

    private static <O extends Enum<O>> Decision<O> byTheOi(O outcome) {
        return new SteeringCommittee(OI_COMMITTEE, OI_COMMITTEE.get(0), QuorumRule.majority(), OI).decide(OI_COMMITTEE, at(400),
                outcome, "Comité de programmation FSE+ de l’OI", "CP-OI 2026-03");
    }

    @Test
    @DisplayName("the intermediate body's programming committee can neither adopt the PLIE's programming nor decide on its "
            + "operations: refused with PLIE-OFFER-038 naming the persons, the programming unchanged")
    void theOiCannotAdoptNorDecide() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1));
        PlieException refused = assertRefused(() -> reviewed.decide(SteeringDecision.approve(OP1.id(), Money.euros(10_000), Money.ZERO,
                byTheOi(SteeringDecision.Outcome.APPROVED), "oi.gestionnaire", at(400))),
                OfferError.NOT_THE_STEERING_COMMITTEE, "decision.decision.present", "[Sophie Marty (OI-PERIGUEUX), Jean Roux (OI-PERIGUEUX)]");
        assertThat(refused.violation().message(Messages.FRENCH)).contains("comité de programmation de l’organisme intermédiaire");
        assertThat(refused.violation().message(Messages.ENGLISH)).contains("intermediate body's programming committee");
        Programming decided = reviewed.decide(anApproval(OP1.id(), Money.euros(10_000))).recordTechnicalOpinion(aTechnicalOpinion());
        assertRefused(() -> decided.adopt(new Adoption(byTheOi(AdoptionOutcome.ADOPT), "oi.gestionnaire", at(500))),
                OfferError.NOT_THE_STEERING_COMMITTEE, "adoption.decision.present", "[Sophie Marty (OI-PERIGUEUX), Jean Roux (OI-PERIGUEUX)]");
        assertThat(decided.state()).isEqualTo(ProgrammingState.CLOSED);
        assertThat(decided.adoption()).isEmpty();
        assertThat(reviewed.application(OP1.id()).orElseThrow().decision()).isNull();
    }

    @Test
    @DisplayName("the adoption of the programming by the steering committee without quorum (PLIE-GOVERNANCE-008), or without the "
            + "Département its quorum requires (PLIE-GOVERNANCE-009), is refused naming the persons present, the programming unchanged")
    void adoptionNeedsTheSteeringCommitteesQuorum() {
        Programming decided = aReviewedProgrammingWith(List.of(OP1)).decide(anApproval(OP1.id(), Money.euros(10_000)))
                .recordTechnicalOpinion(aTechnicalOpinion());
        Programming before = ProgrammingJson.read(ProgrammingJson.write(decided));
        // two of the six members, the Département among them: the majority (4) is not reached
        List<Member> two = List.of(GovernanceFixture.EPCI_PRESIDENT, GovernanceFixture.DEPARTMENT_VICE_PRESIDENT);
        Adoption withoutQuorum = new Adoption(new Decision<>(CommitteeKind.STEERING, two, at(500), AdoptionOutcome.ADOPT,
                "Programmation adoptée", Optional.of("COPIL 2026-03-12")), "secretariat", at(500));
        PlieException refused = assertRefused(() -> decided.adopt(withoutQuorum), GovernanceError.NO_QUORUM, "adoption.decision.present", "2");
        assertThat(refused.violations()).extracting(v -> v.code()).containsExactly(GovernanceError.NO_QUORUM);
        // the majority, but the Département absent
        List<Member> withoutDepartment = GovernanceFixture.steeringMembers().stream()
                .filter(m -> !m.organisation().equals(GovernanceFixture.DEPARTMENT)).toList();
        assertThat(withoutDepartment).hasSizeGreaterThanOrEqualTo(4);
        Adoption noDepartment = new Adoption(new Decision<>(CommitteeKind.STEERING, withoutDepartment, at(500), AdoptionOutcome.ADOPT,
                "Programmation adoptée", Optional.of("COPIL 2026-03-12")), "secretariat", at(500));
        assertRefused(() -> decided.adopt(noDepartment), GovernanceError.MANDATORY_ABSENT, "adoption.decision.present", "DEPT-24");

        assertThat(decided).isEqualTo(before);
        assertThat(decided.state()).isEqualTo(ProgrammingState.CLOSED);
        assertThat(decided.adoption()).isEmpty();
        // the same programming is adopted once the quorum is met
        assertThat(decided.adopt(anAdoption("COPIL 2026-03-12", at(500))).state()).isEqualTo(ProgrammingState.ADOPTED);
    }

    @Test
    @DisplayName("decisions and adoption are governance decisions of the plan's steering committee: without quorum, with a "
            + "non-member counted present, by another committee or with another outcome than ADOPT, they are refused with every code")
    void decisionsNeedTheSteeringCommitteesQuorum() {
        Programming reviewed = aReviewedProgrammingWith(List.of(OP1));
        List<Member> withoutDepartment = GovernanceFixture.steeringMembers().stream()
                .filter(m -> !m.organisation().equals(GovernanceFixture.DEPARTMENT)).toList();
        Decision<SteeringDecision.Outcome> noDepartment = new Decision<>(CommitteeKind.STEERING, withoutDepartment, at(400),
                SteeringDecision.Outcome.APPROVED, "Délibéré", Optional.of("COPIL"));
        assertRefused(() -> reviewed.decide(SteeringDecision.approve(OP1.id(), Money.euros(1), Money.ZERO, noDepartment, "secretariat", at(400))),
                GovernanceError.MANDATORY_ABSENT, "decision.decision.present", "DEPT-24");
        List<Member> twoAndAStranger = List.of(GovernanceFixture.EPCI_PRESIDENT, GovernanceFixture.DEPARTMENT_VICE_PRESIDENT,
                Member.technical("Sophie Marty", OI));
        PlieException refused = assertRefused(() -> reviewed.decide(SteeringDecision.approve(OP1.id(), Money.euros(1), Money.ZERO,
                new Decision<>(CommitteeKind.STEERING, twoAndAStranger, at(400), SteeringDecision.Outcome.APPROVED, "Délibéré",
                        Optional.empty()), "secretariat", at(400))), GovernanceError.NOT_A_MEMBER, "decision.decision.present[2]",
                "Sophie Marty (OI-PERIGUEUX)");
        assertViolation(refused, GovernanceError.NO_QUORUM, "decision.decision.present", "2");
        assertRefused(() -> reviewed.decide(SteeringDecision.approve(OP1.id(), Money.euros(1), Money.ZERO, new Decision<>(CommitteeKind.FUNDERS,
                GovernanceFixture.steeringMembers(), at(400), SteeringDecision.Outcome.APPROVED, "Délibéré", Optional.empty()),
                "secretariat", at(400))), GovernanceError.WRONG_COMMITTEE, "decision.decision.committee", "FUNDERS");
        Programming decided = reviewed.decide(anApproval(OP1.id(), Money.euros(10_000))).recordTechnicalOpinion(aTechnicalOpinion());
        assertRefused(() -> decided.adopt(new Adoption(copil(AdoptionOutcome.SEND_BACK, "À revoir", "COPIL", at(500)), "secretariat",
                at(500))), OfferError.ADOPTION_OUTCOME, "adoption.decision.outcome", "SEND_BACK");
        Programming adopted = decided.adopt(anAdoption("COPIL 2026-03-12", at(500)));
        assertThat(adopted.adoption().orElseThrow().decision().present()).hasSize(6);
        assertRefused(() -> adopted.amend(SteeringDecision.approve(OP1.id(), Money.euros(20_000), Money.ZERO, byTheOi(SteeringDecision.Outcome.APPROVED),
                "oi.gestionnaire", at(600)), "hausse"), OfferError.NOT_THE_STEERING_COMMITTEE, "decision.decision.present",
                "[Sophie Marty (OI-PERIGUEUX), Jean Roux (OI-PERIGUEUX)]");
        assertThat(adopted.amendments()).isEmpty();
    }

    @Test
    @DisplayName("a programming read back checks its decisions and adoption against the steering committee stored with it")
    void restoreChecksTheCommitteesDecisions() {
        Programming adopted = aReviewedProgrammingWith(List.of(OP1)).decide(anApproval(OP1.id(), Money.euros(10_000)))
                .recordTechnicalOpinion(aTechnicalOpinion()).adopt(anAdoption("COPIL 2026-03-12", at(500)));
        assertThat(ProgrammingJson.read(ProgrammingJson.write(adopted))).isEqualTo(adopted);
        assertThat(ProgrammingJson.read(ProgrammingJson.write(adopted)).steeringCommittee()).isEqualTo(GovernanceFixture.steeringCommittee());
        Adoption byOi = new Adoption(byTheOi(AdoptionOutcome.ADOPT), "oi.gestionnaire", at(500));
        assertRefused(() -> Programming.restore(adopted.call(), adopted.mapping(), adopted.department(), adopted.steeringCommittee(),
                adopted.state(), adopted.applications(), adopted.technicalOpinion().orElseThrow(), byOi, List.of()),
                OfferError.NOT_THE_STEERING_COMMITTEE, "adoption.decision.present", "[Sophie Marty (OI-PERIGUEUX), Jean Roux (OI-PERIGUEUX)]");
    }

    @Test
    @DisplayName("a programming that is not stored is reported as an unknown programming (PLIE-OFFER-036), not an unknown operation")
    void unknownProgramming() {
        PlieException refused = assertRefused(() -> new InMemoryProgrammings().get(CallId.of("AAP-2031")), OfferError.UNKNOWN_PROGRAMMING,
                "programmingId", "AAP-2031");
        assertThat(refused.violation().message(Messages.ENGLISH)).contains("No programming is stored for call for proposals \"AAP-2031\"");
    }

    @Test
    @DisplayName("a store write under a stale revision, or a second programming of a call, is a conflict of kind programming "
            + "(PLIE-OFFER-041, French and English) that changes nothing")
    void storeConflict() {
        InMemoryProgrammings store = new InMemoryProgrammings();
        ProgrammingRecord opened = ProgrammingRecord.of(anOpenProgramming(), OPERATORS, OfferSettings.defaults());
        store.add(opened);
        ProgrammingRecord submitted = opened.next(opened.programming().submit(OP1, LocalDate.of(2026, 1, 10), OPERATORS,
                OfferSettings.defaults()));
        store.update(submitted, 1);

        PlieException stale = assertRefused(() -> store.update(opened.next(opened.programming().close()), 1), OfferError.CONCURRENT_CHANGE,
                "programmingId", "AAP-2026");
        assertThat(stale).isInstanceOfSatisfying(ConcurrentProgrammingChangeException.class, c -> {
            assertThat(c.subjectKind()).isEqualTo("programming");
            assertThat(c.subjectId()).isEqualTo("AAP-2026");
            assertThat(c.expected()).isOne();
            assertThat(c.found()).isEqualTo(2);
        });
        assertThat(stale.violation().message(Messages.FRENCH))
                .contains("La programmation de l’appel à projets « AAP-2026 » a été modifiée entre-temps", "révision lue 1", "révision enregistrée 2");
        assertThat(stale.violation().message(Messages.ENGLISH))
                .contains("The programming of call for proposals \"AAP-2026\" was changed meanwhile", "revision read 1", "revision stored 2");
        assertThat(assertRefused(() -> store.add(opened), OfferError.CONCURRENT_CHANGE, "programmingId", "AAP-2026"))
                .isInstanceOf(ConcurrentProgrammingChangeException.class);
        assertThat(((ConcurrentProgrammingChangeException) assertRefused(() -> new InMemoryProgrammings().update(submitted, 1),
                OfferError.CONCURRENT_CHANGE, "programmingId", "AAP-2026")).found()).isEqualTo(-1);
        assertThat(store.get(CALL)).isEqualTo(submitted);
    }
}
