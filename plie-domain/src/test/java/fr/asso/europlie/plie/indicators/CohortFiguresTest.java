package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the positive-exit rate against the objective")
class CohortFiguresTest {

    static CohortFigures figures(int positives, int exits, String shownRate, String objective) {
        return new CohortFigures(0, 0, 0, exits, positives, Map.of(), new BigDecimal(shownRate), new BigDecimal(objective), 0, null, null);
    }

    @Test
    @DisplayName("a rate just under the objective does not meet it, even when it rounds up to it")
    void roundedRateDoesNotMeetTheObjective() {
        // 1,249 / 2,500 = 49.96 %, shown rounded to one decimal as 50.0: still below a 50 % objective.
        assertThat(figures(1249, 2500, "50.0", "50").meetsObjective()).isFalse();
        // 1,250 / 2,500 = 50 % exactly: met.
        assertThat(figures(1250, 2500, "50.0", "50").meetsObjective()).isTrue();
        // 2 / 3 = 66.67 %, shown as 66.7: meets 66.66 but not 66.7.
        assertThat(figures(2, 3, "66.7", "66.66").meetsObjective()).isTrue();
        assertThat(figures(2, 3, "66.7", "66.7").meetsObjective()).isFalse();
    }
}
