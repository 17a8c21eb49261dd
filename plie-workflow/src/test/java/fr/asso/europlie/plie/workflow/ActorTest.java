package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("who acts: identities as people read them")
class ActorTest {

    private static final OrganisationId ANIMATION = OrganisationId.of("ANIMATION-PLIE-GP");

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"", " ", "\u00A0", "\u200B", "\u200B\u200D\u2060", "\u3164", "\u2800", "\uFEFF", "\t\u202F"})
    @DisplayName("a user id that looks blank is refused")
    void blankLookingUserIdIsRefused(String blank) {
        ViolationAssertions.assertRefused(() -> Actor.of(blank, ANIMATION, Role.ANIMATION_TEAM), WorkflowError.REQUIRED,
                "actor.userId", blank);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {"system", "SYSTEM", "System", " system", "sys\u200Btem", "system\u00A0", "\uFF53\uFF59\uFF53\uFF54\uFF45\uFF4D"})
    @DisplayName("nobody may act under the engine's own name in the audit trail, in any spelling")
    void engineNameIsReserved(String system) {
        ViolationAssertions.assertRefused(() -> Actor.of(system, ANIMATION, Role.ANIMATION_TEAM), WorkflowError.RESERVED_USER,
                "actor.userId", system);
        assertThat(AuditEntry.SYSTEM).isEqualTo("system");
    }

    @Test
    @DisplayName("a user id is kept as read (decomposed accent composed, invisible characters dropped) and compares without case")
    void userIdIsNormalised() {
        Actor actor = Actor.of("c\u200Be\u0301line.martin\u00A0", OrganisationId.of("ANIMATION-\u200BPLIE-GP"),
                Role.ANIMATION_TEAM);
        assertThat(actor.userId()).isEqualTo("céline.martin");
        assertThat(actor.organisation()).isEqualTo(ANIMATION);
        assertThat(actor.actsFor(ANIMATION)).isTrue();
        assertThat(actor.sameUser("CÉLINE.MARTIN")).isTrue();
        assertThat(actor.sameUser("celine.martin")).isFalse();
    }
}
