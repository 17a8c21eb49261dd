package fr.asso.europlie.plie.json;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("reading a plie/protocol document re-checks every invariant of the state it claims")
class ProtocolDocumentInvariantsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The protocol's document, changed by hand as a vendor's faulty export would be. */
    private static String edited(Protocol protocol, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ProtocolJson.write(protocol));
        edit.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    @Test
    @DisplayName("every state the fixture goes through reads back equal")
    void everyLawfulStateReadsBack() {
        for (Protocol p : List.of(ProtocolFixture.aDraft(), ProtocolFixture.underNegotiation(), ProtocolFixture.adopted(),
                ProtocolFixture.adoptedAndApprovedByAllButFranceTravail(), ProtocolFixture.signed(), ProtocolFixture.inForce(),
                ProtocolFixture.inForceWithAmendment(ProtocolState.ADOPTED), ProtocolFixture.inForceWithAmendment(ProtocolState.SIGNED))) {
            assertThat(ProtocolJson.read(ProtocolJson.write(p))).as(p.toString()).isEqualTo(p);
        }
    }

    @Test
    @DisplayName("a version in force whose steering committee is convened by the OI is refused, as adoption refuses it")
    void versionInForceSteeredByTheOi() {
        String json = edited(ProtocolFixture.inForce(), root -> at(root, "/versions/0/content/governance/steeringCommittee")
                .put("convenedBy", ProtocolFixture.OI.value()));
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.OI_NOT_STEERING_COMMITTEE,
                "$.versions[0].content.governance.steeringCommittee.convenedBy", ProtocolFixture.OI.value());
    }

    @Test
    @DisplayName("a signed protocol whose budget does not balance is refused, as signing refuses it")
    void signedWithAnUnbalancedBudget() {
        String json = edited(ProtocolFixture.signed(), root -> at(root, "/negotiation/content/budget/contributions/0")
                .put("amount", "149000.00"));
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.BUDGET_UNBALANCED, "$.negotiation.content.budget", "-1000.00");
    }

    @Test
    @DisplayName("a version in force with an axis outside the PTI is refused, naming the axis")
    void versionInForceWithAxisOutsidePti() {
        String json = edited(ProtocolFixture.inForce(), root -> at(root, "/versions/0/content/strategicAxes/2")
                .put("ptiAxis", "PTI-9"));
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.AXIS_OUTSIDE_PTI,
                "$.versions[0].content.strategicAxes[2].ptiAxis", "AXE-3");
    }

    @Test
    @DisplayName("a text under negotiation claimed as adopted without the committee's adoption is refused")
    void adoptedWithoutAdoption() {
        String json = edited(ProtocolFixture.underNegotiation(), root -> {
            root.put("state", "ADOPTED");
            at(root, "/negotiation").put("stage", "ADOPTED");
        });
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.STATE_NOT_SATISFIED, "$.negotiation.adoption", "null");
    }

    @Test
    @DisplayName("a state that contradicts the negotiation's stage is refused")
    void stateAgainstStage() {
        String json = edited(ProtocolFixture.adopted(), root -> root.put("state", "UNDER_NEGOTIATION"));
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.STATE_NOT_SATISFIED, "$.negotiation.stage", "ADOPTED");
    }

    @Test
    @DisplayName("a signature without its body's approval is refused, as signing refuses it")
    void signatureWithoutApproval() {
        String json = edited(ProtocolFixture.signed(), root -> ((tools.jackson.databind.node.ArrayNode) root.at("/negotiation/deliberations"))
                .remove(0));
        Protocol signed = ProtocolFixture.signed();
        String first = signed.negotiation().orElseThrow().deliberations().get(0).signatory().value();
        int index = signed.negotiation().orElseThrow().signatures().stream().map(s -> s.signatory().value()).toList().indexOf(first);
        assertRefused(() -> ProtocolJson.read(json), ProtocolError.DELIBERATION_MISSING,
                "$.negotiation.signatures[" + index + "].signatory", first);
    }
}
