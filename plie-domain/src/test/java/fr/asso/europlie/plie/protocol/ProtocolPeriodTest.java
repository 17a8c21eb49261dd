package fr.asso.europlie.plie.protocol;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the protocol period lasts 1 to 7 years")
class ProtocolPeriodTest {

    @Test
    @DisplayName("2022-2027 is a period of six years")
    void grandPerigueuxPeriod() {
        ProtocolPeriod period = ProtocolPeriod.from(2022, 2027);
        assertThat(period.years()).isEqualTo(6);
        assertThat(period.contains(Year.of(2027))).isTrue();
        assertThat(period.contains(Year.of(2028))).isFalse();
        assertThat(period.yearList()).hasSize(6).startsWith(Year.of(2022)).endsWith(Year.of(2027));
    }

    @Test
    @DisplayName("by default a period lasts five years")
    void defaultLength() {
        assertThat(ProtocolPeriod.ofDefaultLength(Year.of(2021)).last()).isEqualTo(Year.of(2025));
    }

    @ParameterizedTest(name = "{0} years are accepted")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void oneToSevenYears(int years) {
        assertThat(ProtocolPeriod.of(Year.of(2022), years).years()).isEqualTo(years);
    }

    @ParameterizedTest(name = "{0} years are refused, naming the period and the length")
    @ValueSource(ints = {0, 8, 12, -1})
    void outsideOneToSevenRefused(int years) {
        assertRefused(() -> ProtocolPeriod.of(Year.of(2022), years), ProtocolError.PERIOD_LENGTH, "period", String.valueOf(years));
    }

    @Test
    @DisplayName("a last year before the first is refused")
    void reversedPeriodRefused() {
        assertRefused(() -> ProtocolPeriod.from(2027, 2022), ProtocolError.PERIOD_LENGTH, "period", "-4");
    }
}
