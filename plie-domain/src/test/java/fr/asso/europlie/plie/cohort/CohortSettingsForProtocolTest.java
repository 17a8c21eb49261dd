package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the cohort follows its protocol")
class CohortSettingsForProtocolTest {

    @Test
    @DisplayName("the Grand Périgueux cohort takes the protocol's target publics, its 50 % objective and the Dordogne as RSA referent designator")
    void settingsFromTheProtocol() {
        ProtocolContent protocol = ProtocolFixture.grandPerigueux();
        CohortSettings settings = CohortSettings.forProtocol(protocol);
        assertThat(settings.positiveExitObjective()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(settings.department()).isEqualTo(ProtocolFixture.DEPARTMENT);
        assertThat(settings.eligibility().targetPublics()).containsExactlyInAnyOrderElementsOf(protocol.targetPublics());
    }

    @Test
    @DisplayName("a protocol with other publics gives other eligibility rules")
    void otherPublics() {
        ProtocolContent seniors = ProtocolFixture.grandPerigueux().withTargetPublics(List.of(TargetPublic.SENIORS));
        assertThat(CohortSettings.forProtocol(seniors).eligibility().targetPublics()).containsExactly(TargetPublic.SENIORS);
    }
}
