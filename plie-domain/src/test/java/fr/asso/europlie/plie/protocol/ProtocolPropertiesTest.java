package fr.asso.europlie.plie.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;

import fr.asso.europlie.plie.json.ProtocolJson;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("properties of protocols")
class ProtocolPropertiesTest {

    @Test
    @DisplayName("property: any valid protocol, at any stage, survives a JSON round trip")
    void jsonRoundTrip() {
        qt().withExamples(60).forAll(ProtocolGenerators.validProtocols()).checkAssert(protocol -> {
            String json = ProtocolJson.write(protocol);
            Protocol read = ProtocolJson.read(json);
            assertThat(read).isEqualTo(protocol);
            assertThat(ProtocolJson.write(read)).isEqualTo(json);
        });
    }

    @Test
    @DisplayName("property: any valid content satisfies every rule at signature and its budget balances")
    void generatedContentsAreValid() {
        qt().withExamples(100).forAll(ProtocolGenerators.validContents()).checkAssert(content -> {
            assertThat(ProtocolPolicies.check(content, ProtocolPolicy.Moment.SIGNATURE)).isEmpty();
            assertThat(content.budget().isBalanced()).isTrue();
        });
    }

    @Test
    @DisplayName("property: any sequence of amendments keeps every earlier version unchanged")
    void amendmentsKeepEarlierVersions() {
        qt().withExamples(30)
                .forAll(ProtocolGenerators.validContents(), ProtocolGenerators.validContents(), range(1, 4))
                .checkAssert((original, amended, amendments) -> {
                    Protocol protocol = ProtocolGenerators.advance(original, 5, original);
                    for (int i = 1; i <= amendments; i++) {
                        List<ProtocolVersion> before = protocol.versions();
                        String beforeJson = ProtocolJson.write(protocol);
                        ProtocolContent text = amended.withName(amended.name() + " avenant " + i);
                        Protocol proposed = protocol.proposeAmendment(text, "Avenant " + i, ProtocolFixture.at(500L * i), "animateur");
                        assertThat(proposed.versions()).isEqualTo(before);
                        LocalDate date = LocalDate.of(2031, 1, 1).plusMonths(i);
                        protocol = ProtocolGenerators.approveAndSign(
                                        proposed.adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(500L * i + 1), "animateur"),
                                        text, true, date)
                                .enterIntoForce(date, ProtocolFixture.at(500L * i + 400), "animateur");
                        assertThat(protocol.versions()).hasSize(before.size() + 1).startsWith(before.toArray(ProtocolVersion[]::new));
                        assertThat(protocol.versionInForce().orElseThrow().number()).isEqualTo(i + 1);
                        assertThat(protocol.versionInForce().orElseThrow().content()).isEqualTo(text);
                        assertThat(protocol.version(1).orElseThrow().content()).isEqualTo(original);
                        // the earlier document is still readable and unchanged
                        assertThat(ProtocolJson.read(beforeJson).versions()).isEqualTo(before);
                    }
                });
    }
}
