package fr.asso.europlie.plie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolPolicies;
import fr.asso.europlie.plie.protocol.ProtocolPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the example plan")
class ExamplePlanTest {

    @Test
    @DisplayName("the scenario's JSON document is the domain's Grand Périgueux draft, valid for signature")
    void examplePlanIsTheFixture() {
        Protocol plan = ProtocolNegotiationScenario.readPlan();
        assertThat(plan).as("regenerate %s from ProtocolJson.write(ProtocolFixture.aDraft())", ProtocolNegotiationScenario.PLAN)
                .isEqualTo(ProtocolFixture.aDraft());
        assertThat(ProtocolPolicies.check(plan.content(), ProtocolPolicy.Moment.SIGNATURE)).isEmpty();
        assertThat(plan.content().territory().municipalities()).hasSize(43);
    }
}
