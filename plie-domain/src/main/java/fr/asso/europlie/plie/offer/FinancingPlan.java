package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The financing plan of an operation (plan de financement): its resources by funder, which must
 * equal its costs, the FSE+ share being capped by the co-financing rate of the region category.
 * Both rules are admissibility policies ({@link AdmissibilityPolicies}), so that an unbalanced
 * plan can be recorded and refused with every reason.
 *
 * @param resources the resource lines, at most one per funder and kind, copied
 */
public record FinancingPlan(List<Resource> resources) {

    /**
     * Checks and copies the lines.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} when null, {@code PLIE-OFFER-006}
     *     when a funder appears twice with the same kind
     */
    public FinancingPlan {
        if (resources == null) {
            throw new InvalidValueException(OfferError.BLANK, "financingPlan.resources", null);
        }
        resources = List.copyOf(resources);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            if (!seen.add(r.kind() + "/" + r.funder())) {
                throw new InvalidValueException(OfferError.DUPLICATE, "financingPlan.resources[" + i + "].funder", r.funder());
            }
        }
    }

    /**
     * Creates a plan.
     *
     * @param resources the lines
     * @return the plan
     */
    public static FinancingPlan of(Resource... resources) {
        return new FinancingPlan(List.of(resources));
    }

    /**
     * The sum of the resources.
     *
     * @return the total
     */
    public Money total() {
        return Money.sum(resources.stream().map(Resource::amount).toList());
    }

    /**
     * The FSE+ share: the sum of the FSE+ lines.
     *
     * @return the amount asked from the FSE+
     */
    public Money esfShare() {
        return amountOf(FunderKind.ESF_PLUS);
    }

    /**
     * The sum of the lines of a kind of funder.
     *
     * @param kind not null
     * @return the amount
     */
    public Money amountOf(FunderKind kind) {
        return Money.sum(resources.stream().filter(r -> r.kind() == kind).map(Resource::amount).toList());
    }

    /**
     * The maximum FSE+ share for a total cost at a co-financing rate: total x rate / 100, rounded
     * down to the cent so that the cap never exceeds the rate.
     *
     * @param totalCost the operation's total cost
     * @param ratePercent the co-financing rate in percent
     * @return the cap
     */
    public static Money esfCap(Money totalCost, BigDecimal ratePercent) {
        return Money.rounded(totalCost.amount().multiply(ratePercent).divide(BigDecimal.valueOf(100)), RoundingMode.DOWN);
    }
}
