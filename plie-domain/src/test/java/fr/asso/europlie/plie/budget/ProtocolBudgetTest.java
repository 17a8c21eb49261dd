package fr.asso.europlie.plie.budget;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("the protocol budget")
class ProtocolBudgetTest {

    private static final OrganisationId EPCI = OrganisationId.of("EPCI-200040392");
    private static final OrganisationId DEPT = OrganisationId.of("DEPT-24");
    private static final StrategicAxisId AXIS_1 = StrategicAxisId.of("AXE-1");

    @Test
    @DisplayName("a budget whose resources equal its planned expenses balances")
    void balanced() {
        ProtocolBudget budget = new ProtocolBudget(
                List.of(new Contribution(EPCI, Year.of(2022), Money.parse("a", "100000.50")),
                        new Contribution(DEPT, Year.of(2022), Money.euros(50000))),
                List.of(new PlannedExpense(Year.of(2022), AXIS_1, Money.parse("b", "150000.50"))));
        assertThat(budget.isBalanced()).isTrue();
        assertThat(budget.balance()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("a budget short of one cent does not balance, and says by how much")
    void shortByOneCent() {
        ProtocolBudget budget = new ProtocolBudget(
                List.of(new Contribution(EPCI, Year.of(2022), Money.parse("a", "99.99"))),
                List.of(new PlannedExpense(Year.of(2022), AXIS_1, Money.euros(100))));
        assertThat(budget.isBalanced()).isFalse();
        assertThat(budget.balance()).isEqualTo(Money.ofCents(-1));
        assertThat(budget.balanceByYear()).containsEntry(Year.of(2022), Money.ofCents(-1));
    }

    @Test
    @DisplayName("a funder appears once a year: every duplicate line is reported")
    void duplicatesReported() {
        InvalidValueException error = (InvalidValueException) assertRefused(() -> new ProtocolBudget(
                List.of(new Contribution(EPCI, Year.of(2022), Money.euros(1)), new Contribution(EPCI, Year.of(2022), Money.euros(2))),
                List.of(new PlannedExpense(Year.of(2023), AXIS_1, Money.euros(1)), new PlannedExpense(Year.of(2023), AXIS_1, Money.euros(1)))),
                BudgetError.DUPLICATE_LINE, "contributions[1]", "EPCI-200040392 2022");
        assertThat(error.violations()).hasSize(2);
        assertThat(error.violations().get(1).field()).isEqualTo("plannedExpenses[1]");
    }

    @Test
    @DisplayName("a negative contribution is refused, naming the field and the amount")
    void negativeRefused() {
        assertRefused(() -> new Contribution(EPCI, Year.of(2022), Money.euros(-10)), BudgetError.NEGATIVE_AMOUNT,
                "contribution.amount", "-10.00");
    }

    private static Gen<List<Integer>> cents() {
        return lists().of(integers().between(0, 500_000_000)).ofSizeBetween(0, 12);
    }

    @Test
    @DisplayName("property: totals, by year, by funder and by axis all equal the sum of their lines to the cent")
    void totalsEqualTheSumOfLines() {
        qt().withExamples(200).forAll(cents(), cents()).checkAssert((resources, uses) -> {
            List<Contribution> contributions = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                contributions.add(new Contribution(OrganisationId.of("F" + (i % 4)), Year.of(2022 + i / 4), Money.ofCents(resources.get(i))));
            }
            List<PlannedExpense> expenses = new ArrayList<>();
            for (int i = 0; i < uses.size(); i++) {
                expenses.add(new PlannedExpense(Year.of(2022 + i / 3), StrategicAxisId.of("AXE-" + (i % 3)), Money.ofCents(uses.get(i))));
            }
            ProtocolBudget budget = new ProtocolBudget(contributions, expenses);
            BigDecimal in = resources.stream().map(c -> BigDecimal.valueOf(c, 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal out = uses.stream().map(c -> BigDecimal.valueOf(c, 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(budget.totalResources().amount()).isEqualByComparingTo(in);
            assertThat(budget.totalExpenses().amount()).isEqualByComparingTo(out);
            assertThat(budget.balance().amount()).isEqualByComparingTo(in.subtract(out));
            assertThat(Money.sum(budget.resourcesByYear().values())).isEqualTo(budget.totalResources());
            assertThat(Money.sum(budget.resourcesByFunder().values())).isEqualTo(budget.totalResources());
            assertThat(Money.sum(budget.expensesByAxis().values())).isEqualTo(budget.totalExpenses());
            assertThat(Money.sum(budget.expensesByYear().values())).isEqualTo(budget.totalExpenses());
            assertThat(Money.sum(budget.balanceByYear().values())).isEqualTo(budget.balance());
            assertThat(budget.isBalanced()).isEqualTo(in.compareTo(out) == 0);
        });
    }
}
