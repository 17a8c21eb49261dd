package fr.asso.europlie.plie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the main job and the diagram command")
class ProtocolNegotiationScenarioTest {

    private static String run(java.util.Locale language) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean inForce = ProtocolNegotiationScenario.run(language, new PrintStream(text, true, StandardCharsets.UTF_8), null);
        assertThat(inForce).isTrue();
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the scenario negotiates the Grand Périgueux protocol to in force, told in French by default")
    void frenchScenarioEndsInForce() {
        String told = run(Messages.FRENCH);
        assertThat(told).contains("quorum non atteint", "défavorable", "protocole adopté", "protocole entré en vigueur, ProtocolEnteredIntoForce")
                .contains("est EN VIGUEUR, version 1").contains("État final du protocole : en vigueur.")
                .doesNotContain("IN_FORCE");
    }

    @Test
    @DisplayName("the scenario speaks English with --lang en")
    void englishScenarioEndsInForce() {
        String told = run(Messages.ENGLISH);
        assertThat(told).contains("no quorum", "unfavourable", "protocol adopted", "protocol entered into force, ProtocolEnteredIntoForce").contains("is IN FORCE, version 1")
                .contains("Final state of the protocol: in force.").doesNotContain("EN VIGUEUR", "IN_FORCE");
    }

    @Test
    @DisplayName("the diagram of the negotiation is drawn headless from the BPMN as a PNG")
    void diagramIsDrawn() throws Exception {
        byte[] png = ProcessDiagram.png(NegotiationProcess.RESOURCE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(2000);
        assertThat(image.getHeight()).isGreaterThan(500);
    }
}
