package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fuzz: the plie/protocol reader answers any mutated document with a protocol or a documented refusal")
class ProtocolJsonFuzzTest {

    private static final List<String> SEEDS = List.of(ProtocolJson.write(ProtocolFixture.aDraft()),
            ProtocolJson.write(ProtocolFixture.underNegotiation()), ProtocolJson.write(ProtocolFixture.inForce()),
            ProtocolJson.write(ProtocolFixture.inForceWithAmendment(ProtocolState.ADOPTED)));

    @Test
    @DisplayName("mutated protocols: a value that round-trips, or InvalidDocumentException with located, translated problems")
    void mutatedProtocols() {
        Random random = Fuzz.random(1);
        int accepted = 0;
        for (int i = 0; i < Fuzz.iterations(); i++) {
            String json = Fuzz.mutateJson(SEEDS.get(random.nextInt(SEEDS.size())), random);
            for (UnknownFields mode : UnknownFields.values()) {
                if (Fuzz.check(json, () -> ProtocolJson.read(json, mode).value(), InvalidDocumentException.class,
                        (Protocol p) -> assertThat(ProtocolJson.read(ProtocolJson.write(p))).isEqualTo(p))) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).as("some mutations keep a valid document").isPositive();
    }
}
