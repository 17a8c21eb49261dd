package fr.asso.europlie.plie.protocol;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("protocols kept in memory")
class InMemoryProtocolsTest {

    @Test
    @DisplayName("a change made from a stale read is refused and the stored protocol stays as it was")
    void optimisticLocking() {
        Protocols protocols = new InMemoryProtocols();
        protocols.add(ProtocolFixture.underNegotiation());
        Protocol read = protocols.get(ProtocolFixture.ID);
        Protocol first = read.revise(ProtocolFixture.grandPerigueux().withName("Version A"), ProtocolFixture.at(30), "a");
        Protocol second = read.revise(ProtocolFixture.grandPerigueux().withName("Version B"), ProtocolFixture.at(31), "b");
        protocols.update(first, read.revision());
        assertRefused(() -> protocols.update(second, read.revision()), ProtocolError.CONCURRENT_CHANGE, "revision",
                ProtocolFixture.ID.value());
        assertThat(protocols.get(ProtocolFixture.ID).content().name()).isEqualTo("Version A");
    }

    @Test
    @DisplayName("a refused signature leaves the stored protocol unchanged")
    void refusalChangesNothing() {
        Protocols protocols = new InMemoryProtocols();
        protocols.add(ProtocolFixture.adopted());
        Protocol stored = protocols.get(ProtocolFixture.ID);
        assertRefused(() -> protocols.update(stored.sign(ProtocolFixture.EPCI, LocalDate.of(2022, 2, 1), ProtocolFixture.at(40),
                ProtocolFixture.ACTOR), stored.revision()), ProtocolError.DELIBERATION_MISSING, "signatory", "EPCI-200040392");
        assertThat(protocols.get(ProtocolFixture.ID)).isEqualTo(stored);
    }

    @Test
    @DisplayName("an unknown protocol is reported by its id")
    void unknown() {
        Protocols protocols = new InMemoryProtocols();
        assertRefused(() -> protocols.get(ProtocolId.of("PLIE-X")), ProtocolError.NOT_FOUND, "protocolId", "PLIE-X");
        assertRefused(() -> protocols.update(ProtocolFixture.aDraft(), 1), ProtocolError.CONCURRENT_CHANGE, "revision", "PLIE-GRAND-PERIGUEUX-2022");
    }
}
