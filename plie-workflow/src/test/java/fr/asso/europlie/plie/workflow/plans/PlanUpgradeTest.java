package fr.asso.europlie.plie.workflow.plans;

import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.Actor;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.SchemaMigrations;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

/**
 * A database written by the library before plans existed (schema version 2) is upgraded on
 * start: its protocols and audit trail go to the default plan, nothing lost, and work goes on.
 */
@DisplayName("a database from before plans is upgraded, its rows under the default plan")
class PlanUpgradeTest {

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("protocol rows and audit lines written by schema version 2 are read and used after the upgrade")
    void upgradeFromVersionTwo(Databases.Kind kind) throws Exception {
        ProtocolId id = ProtocolFixture.ID;
        Protocol stored = Protocol.draft(id, Negotiator.content(), clock.instant(), "import");
        try (Databases.Target database = Databases.fresh(kind)) {
            assertThat(new SchemaMigrations(database.dataSource()).migrate(2)).containsExactly(1, 2);
            try (Connection connection = database.dataSource().getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO plie_protocol (id, revision, state, document, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, id.value());
                    insert.setLong(2, stored.revision());
                    insert.setString(3, stored.state().name());
                    insert.setString(4, ProtocolJson.write(stored));
                    insert.setObject(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO plie_audit (protocol_id, occurred_at, actor_user, actor_organisation, step, outcome, "
                                + "reason, reference, round_number, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, id.value());
                    insert.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    insert.setString(3, "import");
                    insert.setString(4, ProtocolFixture.ANIMATION.value());
                    insert.setString(5, "IMPORT");
                    insert.setString(6, "DRAFTED");
                    insert.setString(7, "projet repris de l’ancien outil");
                    insert.setString(8, null);
                    insert.setInt(9, 0);
                    insert.setString(10, null);
                    insert.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }

            try (PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
                assertThat(new SchemaMigrations(database.dataSource()).applied()).hasSize(SchemaMigrations.SCRIPTS.size());
                assertThat(engine.protocol(Negotiator.COORDINATOR, id)).contains(stored);
                assertThat(engine.auditTrail(Negotiator.COORDINATOR, id)).singleElement().satisfies(entry -> {
                    assertThat(entry.step()).isEqualTo("IMPORT");
                    assertThat(entry.reason()).isEqualTo("projet repris de l’ancien outil");
                });
                Plan other = engine.registerPlan(PlanId.of("PLIE-AUTRE"), "Un autre PLIE");
                assertThat(other.protocol(reader(other), id)).isEmpty();

                engine.protocolNegotiation().start(Negotiator.COORDINATOR, id, Negotiator.content());
                assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
                assertThat(engine.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitsFor(NegotiationStep.SHARED_DIAGNOSTIC)).isTrue();
                assertThat(engine.auditTrail(Negotiator.COORDINATOR, id)).extracting(AuditEntry::step).startsWith("IMPORT");
            }
        }
    }

    /** A party of the fixture's protocols, in a plan: its animation team's coordinator. */
    private static Actor reader(Plan plan) {
        return Actor.in(plan.id(), "coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
    }
}
