package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.protocol.DiagnosticItem;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolGenerators;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("the protocol document written token by token is, character for character, the one the former tree writer gave")
class ProtocolJsonWriterTest {

    /** Characters a writer must escape or keep: quotes, backslash, controls, non-ASCII, a surrogate pair. */
    private static final List<String> PIECES = List.of("a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u0001", "\u001f",
            "\u007f", "é", "’", "€", "\u2028", "😀", "<", "&", "0");

    /** A text that is not blank, made of those pieces. */
    private static Gen<String> texts() {
        return lists().of(pick(PIECES)).ofSizeBetween(0, 12).map(pieces -> "P" + String.join("", pieces));
    }

    /** Valid contents whose name and one diagnostic item are any such text. */
    private static Gen<ProtocolContent> contents() {
        return ProtocolGenerators.validContents().zip(texts(), texts(), pick(List.of(DiagnosticItem.values())),
                (content, name, text, item) -> content.withName(name).withDiagnostic(content.diagnostic().with(item, text)));
    }

    /** Protocols at any point of the happy path (draft to in force with an amendment), with such texts. */
    private static Gen<Protocol> protocols() {
        return contents().zip(range(0, 7), contents(), ProtocolGenerators::advance);
    }

    @Test
    @DisplayName("compact and indented, any protocol: the former writer's text, read back equal")
    void sameTextAsTheTreeWriter() {
        qt().withExamples(150).forAll(protocols()).checkAssert(protocol -> {
            String compact = ProtocolJson.writeCompact(protocol);
            assertThat(compact).isEqualTo(FormerProtocolWriter.writeCompact(protocol));
            assertThat(ProtocolJson.write(protocol)).isEqualTo(FormerProtocolWriter.write(protocol));
            assertThat(ProtocolJson.read(compact)).isEqualTo(protocol);
        });
    }

    @Test
    @DisplayName("the parts other documents embed as trees: the former writer's trees")
    void sameTreesAsTheTreeWriter() {
        qt().withExamples(60).forAll(protocols()).checkAssert(protocol -> {
            ProtocolContent content = protocol.content() != null ? protocol.content()
                    : protocol.negotiation().orElseThrow().content();
            assertThat(ProtocolJson.content(content)).isEqualTo(FormerProtocolWriter.content(content));
            assertThat(TerritoryJson.write(content.territory())).isEqualTo(FormerProtocolWriter.territory(content.territory()));
            assertThat(GovernanceJson.write(content.governance())).isEqualTo(FormerProtocolWriter.governance(content.governance()));
            assertThat(GovernanceJson.writeSteeringCommittee(content.governance().steeringCommittee()))
                    .isEqualTo(FormerProtocolWriter.writeSteeringCommittee(content.governance().steeringCommittee()));
            protocol.negotiation().flatMap(n -> java.util.Optional.ofNullable(n.adoption())).or(() -> protocol.versions().stream()
                    .map(v -> v.adoption()).filter(java.util.Objects::nonNull).findFirst()).ifPresent(decision ->
                    assertThat(GovernanceJson.writeDecision(decision)).isEqualTo(FormerProtocolWriter.writeDecision(decision)));
        });
    }
}
