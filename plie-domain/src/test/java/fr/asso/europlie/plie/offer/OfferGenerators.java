package fr.asso.europlie.plie.offer;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of valid operations (admissible in the fixture call: within its period
 * and axes, balanced, FSE+ share within 60 %) and of valid programmings at every stage. Each value
 * is decoded from a list of generated integers, so that QuickTheories shrinks them.
 */
public final class OfferGenerators {

    private OfferGenerators() {
    }

    /** Reads generated integers one after the other, cycling when the list is short. */
    private static final class Draw {
        private final List<Integer> numbers;
        private int next;

        Draw(List<Integer> numbers) {
            this.numbers = numbers;
        }

        int upTo(int bound) {
            return bound <= 0 ? 0 : numbers.get(next++ % numbers.size()) % bound;
        }
    }

    /**
     * Admissible operations of the fixture call.
     *
     * @return the generator
     */
    public static Gen<Operation> operations() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(12, 12).map(n -> operation(new Draw(n), "OP-G"));
    }

    /**
     * Valid programmings of the fixture call, open, closed or adopted, with decisions within the
     * envelopes and amendments.
     *
     * @return the generator
     */
    public static Gen<Programming> programmings() {
        return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(80, 80).map(n -> programming(new Draw(n)));
    }

    private static Operation operation(Draw d, String id) {
        ProgrammingAxis axis = d.upTo(2) == 0 ? ProgrammingAxis.ACCOMPANIMENT : ProgrammingAxis.LINKS_WITH_EMPLOYERS;
        // From February: the applications below are submitted in January, and an operation completed
        // before its application was submitted is inadmissible (art. 63(6), PLIE-OFFER-034).
        LocalDate start = LocalDate.of(2026, 2, 1).plusDays(d.upTo(334));
        LocalDate end = start.plusDays(d.upTo((int) (LocalDate.of(2027, 12, 31).toEpochDay() - start.toEpochDay()) + 1));
        Money staff = Money.ofCents(100_000 + d.upTo(4_000_000));
        OperationCosts costs = switch (d.upTo(6)) {
            case 0 -> OperationCosts.real(staff, Money.ofCents(d.upTo(1_000_000)), Money.ofCents(d.upTo(500_000)));
            case 1 -> OperationCosts.withIndirectFlatRate(staff, Money.ofCents(d.upTo(1_000_000)), BigDecimal.valueOf(d.upTo(16)));
            case 2 -> OperationCosts.withIndirectOnDirectCosts(staff, Money.ofCents(d.upTo(1_000_000)), BigDecimal.valueOf(d.upTo(8)));
            case 3 -> OperationCosts.withIndirectByJustifiedMethod(staff, Money.ofCents(d.upTo(1_000_000)), BigDecimal.valueOf(d.upTo(26)),
                    "Méthode juste, équitable et vérifiable " + d.upTo(9));
            case 4 -> OperationCosts.withStaffFlatRate(staff, Money.ofCents(d.upTo(500_000)), BigDecimal.valueOf(d.upTo(21)));
            default -> OperationCosts.withOtherCostsFlatRate(staff, BigDecimal.valueOf(d.upTo(41)));
        };
        long total = costs.total().cents();
        long esf = total * d.upTo(61) / 100;
        long department = (total - esf) * d.upTo(101) / 100;
        long epci = total - esf - department;
        int participants = 1 + d.upTo(120);
        return new Operation(OperationId.of(id), OfferFixture.CALL, d.upTo(2) == 0 ? OfferFixture.ASSOCIATION.id() : OfferFixture.SIAE.id(),
                axis, "Action " + id, "Description de " + id, OperationPeriod.of(start, end),
                new ForecastIndicators(participants, d.upTo(participants + 1)), costs,
                FinancingPlan.of(Resource.of(FunderKind.ESF_PLUS, OfferFixture.OI, Money.ofCents(esf)),
                        Resource.of(FunderKind.DEPARTMENT, OfferFixture.DEPARTMENT, Money.ofCents(department)),
                        Resource.of(FunderKind.EPCI, OfferFixture.EPCI, Money.ofCents(epci))));
    }

    private static Programming programming(Draw d) {
        int count = d.upTo(6);
        List<Operation> operations = new ArrayList<>();
        Programming programming = OfferFixture.anOpenProgramming();
        for (int i = 0; i < count; i++) {
            Operation operation = operation(d, "OP-" + i);
            operations.add(operation);
            programming = programming.submit(operation, LocalDate.of(2026, 1, 1).plusDays(d.upTo(31)), OfferFixture.OPERATORS,
                    OfferSettings.defaults());
        }
        int stage = d.upTo(3);
        if (stage == 0) {
            return programming;
        }
        programming = programming.close();
        for (Operation operation : operations) {
            Money cost = operation.costs().total();
            if (d.upTo(4) > 0) {
                programming = programming.appraise(new Appraisal(operation.id(), "instructeur." + d.upTo(3),
                        Appraisal.Opinion.values()[d.upTo(3)], Money.ofCents(cost.cents() * d.upTo(101) / 100), "", OfferFixture.at(d.upTo(1000))));
            }
            if (d.upTo(4) > 0) {
                programming = programming.mark(new PtiMarking(operation.id(), PtiMarking.Complementarity.values()[d.upTo(2)], "Justification " + d.upTo(9),
                        OfferFixture.DEPARTMENT, "cheffe", OfferFixture.at(d.upTo(1000))));
            }
        }
        boolean allDecided = true;
        for (Operation operation : operations) {
            boolean ready = programming.application(operation.id()).map(a -> a.appraisal() != null && a.marking() != null).orElse(false);
            if (!ready) {
                allDecided = false;
                continue;
            }
            programming = programming.decide(decision(d, programming, operation, OfferFixture.at(2000 + d.upTo(1000))));
        }
        if (stage == 1 || !allDecided) {
            return d.upTo(2) == 0 ? programming : programming.recordTechnicalOpinion(new TechnicalOpinion(Appraisal.Opinion.FAVOURABLE, "",
                    "COTECH", "animatrice", OfferFixture.at(3000)));
        }
        programming = programming.recordTechnicalOpinion(new TechnicalOpinion(Appraisal.Opinion.values()[d.upTo(3)], "Avis " + d.upTo(9),
                "COTECH", "animatrice", OfferFixture.at(4000))).adopt(OfferFixture.anAdoption("COPIL " + d.upTo(99), OfferFixture.at(5000)));
        for (Operation operation : operations) {
            if (d.upTo(3) == 0) {
                programming = programming.amend(decision(d, programming, operation, OfferFixture.at(9000 + d.upTo(1000))), "Avenant " + d.upTo(9));
            }
        }
        return programming;
    }

    /** A decision that keeps the axis within its envelope. */
    private static SteeringDecision decision(Draw d, Programming programming, Operation operation, java.time.Instant at) {
        SteeringDecision current = programming.application(operation.id()).orElseThrow().decision();
        Money room = programming.remaining(operation.axis()).plus(current != null ? current.approvedAmount() : Money.ZERO);
        long max = Math.min(room.cents(), operation.costs().total().cents());
        int outcome = d.upTo(3);
        if (outcome == 0 && max > 0) {
            // an operation marked redundant with the PTI is approved only with the committee's justification
            boolean redundant = programming.application(operation.id()).orElseThrow().marking().complementarity()
                    == PtiMarking.Complementarity.REDUNDANT;
            SteeringDecision approval = OfferFixture.decision(operation.id(), SteeringDecision.Outcome.APPROVED,
                    Money.ofCents(1 + d.upTo((int) Math.min(max, Integer.MAX_VALUE - 1))), "COPIL", at, "Motif " + d.upTo(9));
            return redundant ? approval.withRedundancyJustification("Justification de la redondance " + d.upTo(9)) : approval;
        }
        return OfferFixture.refusal(operation.id(), outcome == 1 ? SteeringDecision.Outcome.REJECTED : SteeringDecision.Outcome.ADJOURNED, "COPIL", at, "Motif " + d.upTo(9));
    }
}
