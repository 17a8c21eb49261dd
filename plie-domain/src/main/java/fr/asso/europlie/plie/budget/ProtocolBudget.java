package fr.asso.europlie.plie.budget;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The budget of a protocol (budget du PLIE): the contributions of each funder by year, and the
 * expenses planned by year and strategic axis, in euros exact to the cent.
 *
 * <p>The budget is negotiated before the protocol is signed and must then balance: resources
 * equal planned expenses (RULES.md section 1). Whether it balances, and by how much, is a query
 * here; the rule that it must balance at signature is the protocol's policy.
 *
 * <p>Each funder appears at most once a year, each axis at most once a year. Immutable.
 *
 * @param contributions the resources, copied, never null
 * @param plannedExpenses the uses, copied, never null
 */
public record ProtocolBudget(List<Contribution> contributions, List<PlannedExpense> plannedExpenses) {

    /** A budget with no line yet. */
    public static final ProtocolBudget EMPTY = new ProtocolBudget(List.of(), List.of());

    /**
     * Checks the lines.
     *
     * @throws InvalidValueException ({@code PLIE-BUDGET-002}) listing every duplicate line
     */
    public ProtocolBudget {
        contributions = List.copyOf(contributions);
        plannedExpenses = List.copyOf(plannedExpenses);
        List<Violation> violations = new ArrayList<>();
        // A line is keyed by its two components (records of one value each: equal exactly when
        // the text "funder/year" the former key was would be), without building that text.
        // Sized for the longer list: never rehashed while the lines are added.
        Set<Object> seen = new HashSet<>(Math.max(16, Math.max(contributions.size(), plannedExpenses.size()) * 4 / 3 + 1));
        for (int i = 0; i < contributions.size(); i++) {
            Contribution c = contributions.get(i);
            if (!seen.add(new Line(c.funder(), c.year()))) {
                violations.add(Violation.of(BudgetError.DUPLICATE_LINE, "contributions[" + i + "]", c.funder() + " " + c.year()));
            }
        }
        seen.clear();
        for (int i = 0; i < plannedExpenses.size(); i++) {
            PlannedExpense e = plannedExpenses.get(i);
            if (!seen.add(new Line(e.axis(), e.year()))) {
                violations.add(Violation.of(BudgetError.DUPLICATE_LINE, "plannedExpenses[" + i + "]", e.axis() + " " + e.year()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * A budget line's key: its funder or axis, and its year. Equal and hashed as a record of
     * these two components is, written out (two of them a line, in a hot loop).
     */
    private record Line(Object who, Year year) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Line line && java.util.Objects.equals(who, line.who) && java.util.Objects.equals(year, line.year);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(who) + java.util.Objects.hashCode(year);
        }
    }

    /**
     * The total of all contributions.
     *
     * @return the sum of the resources lines
     */
    public Money totalResources() {
        return Money.sum(contributions.stream().map(Contribution::amount).toList());
    }

    /**
     * The total of all planned expenses.
     *
     * @return the sum of the uses lines
     */
    public Money totalExpenses() {
        return Money.sum(plannedExpenses.stream().map(PlannedExpense::amount).toList());
    }

    /**
     * Resources minus planned expenses: zero when balanced, positive for a surplus, negative for
     * a shortfall.
     *
     * @return the balance
     */
    public Money balance() {
        return totalResources().minus(totalExpenses());
    }

    /**
     * Whether resources equal planned expenses to the cent.
     *
     * @return true when balanced
     */
    public boolean isBalanced() {
        return balance().isZero();
    }

    /**
     * Contributions by funder over all years.
     *
     * @return funder to total, sorted by funder id
     */
    public SortedMap<String, Money> resourcesByFunder() {
        return totals(contributions, c -> c.funder().value(), Contribution::amount);
    }

    /**
     * Contributions by year.
     *
     * @return year to total, in year order
     */
    public SortedMap<Year, Money> resourcesByYear() {
        return totals(contributions, Contribution::year, Contribution::amount);
    }

    /**
     * Planned expenses by year.
     *
     * @return year to total, in year order
     */
    public SortedMap<Year, Money> expensesByYear() {
        return totals(plannedExpenses, PlannedExpense::year, PlannedExpense::amount);
    }

    /**
     * Planned expenses by strategic axis over all years.
     *
     * @return axis id to total, sorted by axis id
     */
    public SortedMap<String, Money> expensesByAxis() {
        return totals(plannedExpenses, e -> e.axis().value(), PlannedExpense::amount);
    }

    /**
     * Resources minus expenses for each year that has a line.
     *
     * @return year to balance, in year order
     */
    public SortedMap<Year, Money> balanceByYear() {
        SortedMap<Year, Money> result = new TreeMap<>(resourcesByYear());
        expensesByYear().forEach((year, amount) -> result.merge(year, amount.negated(), Money::plus));
        return result;
    }

    /**
     * The contribution of one funder over all years.
     *
     * @param funder the funder
     * @return its total, zero when it contributes nothing
     */
    public Money contributionOf(OrganisationId funder) {
        return Money.sum(contributions.stream().filter(c -> c.funder().equals(funder)).map(Contribution::amount).toList());
    }

    /**
     * The same budget with one funder's contribution for a year set (replaced or added).
     *
     * @param contribution the new line
     * @return the new budget
     */
    public ProtocolBudget withContribution(Contribution contribution) {
        List<Contribution> lines = new ArrayList<>(contributions);
        lines.removeIf(c -> c.funder().equals(contribution.funder()) && c.year().equals(contribution.year()));
        lines.add(contribution);
        return new ProtocolBudget(lines, plannedExpenses);
    }

    /**
     * The same budget without the lines of a funder (a signatory that withdraws).
     *
     * @param funder the funder
     * @return the new budget
     */
    public ProtocolBudget withoutFunder(OrganisationId funder) {
        Predicate<Contribution> keep = c -> !c.funder().equals(funder);
        return new ProtocolBudget(contributions.stream().filter(keep).toList(), plannedExpenses);
    }

    /**
     * The funders that contribute.
     *
     * @return their ids, in first-seen order
     */
    public List<OrganisationId> funders() {
        return contributions.stream().map(Contribution::funder).distinct().toList();
    }

    /**
     * The axes that have planned expenses.
     *
     * @return their ids, in first-seen order
     */
    public List<StrategicAxisId> axes() {
        return plannedExpenses.stream().map(PlannedExpense::axis).distinct().toList();
    }

    private static <L, K extends Comparable<K>> SortedMap<K, Money> totals(List<L> lines, Function<L, K> key, Function<L, Money> amount) {
        SortedMap<K, Money> result = new TreeMap<>();
        for (L line : lines) {
            result.merge(key.apply(line), amount.apply(line), Money::plus);
        }
        return result;
    }

    /**
     * Totals by funder and year, for reports.
     *
     * @return funder id to (year to amount)
     */
    public SortedMap<String, SortedMap<Year, Money>> resourcesByFunderAndYear() {
        SortedMap<String, SortedMap<Year, Money>> result = new TreeMap<>();
        for (Contribution c : contributions) {
            result.computeIfAbsent(c.funder().value(), k -> new TreeMap<>()).merge(c.year(), c.amount(), Money::plus);
        }
        return result;
    }

}
