package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the cohort's directory of operations comes from the offer")
class OperationDirectoryTest {

    @Test
    @DisplayName("each programmed operation gives its operator and the protocol axis its programming axis maps to")
    void fromTheOffer() {
        Operation accompaniment = OfferFixture.anOperation("OP-1");
        Operation employers = OfferFixture.anOperation("OP-2").withAxis(ProgrammingAxis.LINKS_WITH_EMPLOYERS)
                .withOperator(OfferFixture.SIAE.id());
        Operation unmapped = OfferFixture.anOperation("OP-3").withAxis(ProgrammingAxis.EXPERIMENTAL_ACTIONS);
        OperationDirectory directory = OperationDirectory.of(List.of(accompaniment, employers, unmapped), OfferFixture.aMapping());
        assertThat(directory.operatorOf(OperationId.of("OP-1"))).contains(OfferFixture.ASSOCIATION.id());
        assertThat(directory.axisOf(OperationId.of("OP-1"))).contains(StrategicAxisId.of("AXE-1"));
        assertThat(directory.operatorOf(OperationId.of("OP-2"))).contains(OfferFixture.SIAE.id());
        assertThat(directory.axisOf(OperationId.of("OP-2"))).contains(StrategicAxisId.of("AXE-2"));
        assertThat(directory.axisOf(OperationId.of("OP-3"))).isEmpty();
    }
}
