package fr.asso.europlie.plie.workflow.plans;

import fr.asso.europlie.plie.workflow.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.WorkItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Isolation as a property: for random interleavings of two plans' commands on the same protocol
 * id, each plan ends where the same commands bring it when run on that plan alone.
 */
@DisplayName("two plans' commands interleaved at random give each plan the state it has alone")
class PlanInterleavingPropertyTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    /** Plan A goes to force; plan B revises its text after an unfavourable opinion and stops at the budget. */
    private List<Consumer<Negotiator>> commands(boolean toForce) {
        List<Consumer<Negotiator>> commands = new ArrayList<>();
        commands.add(n -> n.negotiation().start(n.here(Negotiator.COORDINATOR), n.id(), Negotiator.content()));
        commands.add(n -> n.negotiation().recordDiagnostic(n.here(Negotiator.COORDINATOR), n.id(),
                ProtocolFixture.completeDiagnostic()));
        for (OrganisationId party : Negotiator.parties()) {
            Opinion opinion = !toForce && party.equals(ProtocolFixture.REGION) ? Opinion.unfavourable("objectifs à revoir")
                    : Opinion.favourable("rien à ajouter");
            commands.add(n -> n.negotiation().giveOpinion(n.here(Negotiator.of(party, Role.TECHNICAL_STAFF)), n.id(), opinion));
        }
        commands.add(n -> n.negotiation().consolidate(n.here(Negotiator.COORDINATOR), n.id(),
                toForce ? null : Negotiator.content(), toForce ? "rien à intégrer" : "objectifs revus"));
        if (!toForce) {
            return commands;
        }
        for (OrganisationId funder : Negotiator.funders()) {
            commands.add(n -> n.confirm(funder, Negotiator.content().budget()));
        }
        commands.add(n -> n.negotiation().decideInCommittee(n.here(Negotiator.COMMITTEE), n.id(),
                n.decision(AdoptionOutcome.ADOPT, "adopté")));
        for (OrganisationId signatory : Negotiator.signatories()) {
            commands.add(n -> n.deliberate(signatory, DeliberationOutcome.APPROVED));
        }
        for (OrganisationId signatory : Negotiator.signatories()) {
            commands.add(n -> n.negotiation().sign(n.here(Negotiator.of(signatory, Role.SIGNATORY)), n.id(),
                    LocalDate.now(clock)));
        }
        return commands;
    }

    /** What a user of the plan sees of a protocol, without its id and times. */
    private record Seen(String state, long revision, List<String> trail, List<NegotiationStep> waiting) {
    }

    private static Seen seen(Plan plan, ProtocolId id) {
        var protocol = plan.protocol(reader(plan), id).orElseThrow();
        return new Seen(protocol.state().name(), protocol.revision(),
                plan.auditTrail(reader(plan), id).stream().map(PlanInterleavingPropertyTest::line).toList(),
                plan.protocolNegotiation().status(reader(plan), id).waitingFor().stream().map(WorkItem::step).toList());
    }

    private static String line(AuditEntry entry) {
        return String.join("|", entry.userId(), String.valueOf(entry.organisation()), entry.step(), entry.outcome(),
                String.valueOf(entry.reason()), String.valueOf(entry.round()));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("random interleavings over two plans")
    void interleavings(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(PlanId.of("PLIE-A"), "PLIE A");
            Plan b = engine.registerPlan(PlanId.of("PLIE-B"), "PLIE B");
            List<Consumer<Negotiator>> commandsA = commands(true);
            List<Consumer<Negotiator>> commandsB = commands(false);

            ProtocolId alone = ProtocolId.of("PLIE-SEUL-" + IDS.incrementAndGet());
            Negotiator soloA = new Negotiator(engine, a, clock, alone);
            commandsA.forEach(c -> c.accept(soloA));
            Negotiator soloB = new Negotiator(engine, b, clock, alone);
            commandsB.forEach(c -> c.accept(soloB));
            Seen expectedA = seen(a, alone);
            Seen expectedB = seen(b, alone);

            int examples = Integer.getInteger("plie.plans.examples", kind == Databases.Kind.H2 ? 5 : 3);
            qt().withExamples(examples).withShrinkCycles(0)
                    .forAll(lists().of(booleans().all()).ofSize(commandsA.size() + commandsB.size()))
                    .checkAssert(choices -> {
                        ProtocolId id = ProtocolId.of("PLIE-MELE-" + IDS.incrementAndGet());
                        Negotiator inA = new Negotiator(engine, a, clock, id);
                        Negotiator inB = new Negotiator(engine, b, clock, id);
                        int nextA = 0;
                        int nextB = 0;
                        for (boolean pickA : choices) {
                            if ((pickA && nextA < commandsA.size()) || nextB == commandsB.size()) {
                                commandsA.get(nextA++).accept(inA);
                            } else {
                                commandsB.get(nextB++).accept(inB);
                            }
                        }
                        assertThat(seen(a, id)).isEqualTo(expectedA);
                        assertThat(seen(b, id)).isEqualTo(expectedB);
                    });
        }
    }

    /** A party of the fixture's protocols, in a plan: its animation team's coordinator. */
    private static Actor reader(Plan plan) {
        return Actor.in(plan.id(), "coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
    }
}
