package fr.asso.europlie.plie.workflow.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transaction promise as a property: along a whole negotiation, with database failures
 * injected at random commands and random writes (the library's protocol row, its audit line,
 * Flowable's own flush), run through the facade or inside the application's own Flowable
 * command, the stored protocol, the audit trail, the process state and the published events are
 * always those of the last successful command; once the failures stop, the negotiation ends in
 * force with the same trail as a negotiation that never failed.
 */
@DisplayName("a failure injected at a random point leaves the state of the last successful command")
class FailureInjectionPropertyTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();
    private static final InjectedFailure[] KINDS = InjectedFailure.values();

    /** One command of the negotiation, as its actor would run it. */
    private record Command(String name, Consumer<Negotiator> run) {
    }

    private static List<Command> happyPath() {
        ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("start", n -> n.negotiation().start(Negotiator.COORDINATOR, n.id(), Negotiator.content())));
        commands.add(new Command("diagnostic", n -> n.negotiation().recordDiagnostic(Negotiator.COORDINATOR, n.id(),
                ProtocolFixture.completeDiagnostic())));
        for (OrganisationId party : Negotiator.parties()) {
            commands.add(new Command("opinion " + party, n -> n.negotiation().giveOpinion(
                    Negotiator.of(party, Role.TECHNICAL_STAFF), n.id(), Opinion.favourable("rien à ajouter"))));
        }
        commands.add(new Command("consolidate", n -> n.negotiation().consolidate(Negotiator.COORDINATOR, n.id(),
                Negotiator.content(), "texte revu")));
        for (OrganisationId funder : Negotiator.funders()) {
            commands.add(new Command("contribution " + funder, n -> n.confirm(funder, Negotiator.content().budget())));
        }
        commands.add(new Command("committee", n -> n.negotiation().decideInCommittee(Negotiator.COMMITTEE, n.id(),
                n.decision(AdoptionOutcome.ADOPT, "adopté"))));
        for (OrganisationId signatory : Negotiator.signatories()) {
            commands.add(new Command("deliberation " + signatory, n -> n.deliberate(signatory, DeliberationOutcome.APPROVED)));
        }
        for (OrganisationId signatory : Negotiator.signatories()) {
            commands.add(new Command("signature " + signatory, n -> n.negotiation().sign(
                    Negotiator.of(signatory, Role.SIGNATORY), n.id(), LocalDate.now(clock))));
        }
        return List.copyOf(commands);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("random failures along a negotiation, through the facade or inside the application's command")
    void failuresLeaveTheLastSuccessfulState(Databases.Kind kind) {
        List<Command> commands = happyPath();
        int points = commands.size() * KINDS.length;
        try (Databases.Target database = Databases.fresh(kind); IntegratorApplication app = IntegratorApplication.on(database)) {
            PlieEngine plie = app.plie();
            List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
            plie.addListener(new WorkflowListener() {
                @Override
                public void onProtocolEvent(ProtocolEvent event) {
                    events.add(event);
                }
            });
            List<String> cleanTrail = trail(app, run(app, database, commands, List.of(), false, events));

            // Each example is a whole negotiation (about 30 commands): a few per database in the suite,
            // more with -Dplie.transaction.examples=N for a manual campaign.
            int examples = Integer.getInteger("plie.transaction.examples", kind == Databases.Kind.H2 ? 8 : 4);
            qt().withExamples(examples).withShrinkCycles(0)
                    .forAll(lists().of(integers().between(0, points - 1)).ofSizeBetween(1, 4), booleans().all())
                    .checkAssert((failures, nested) -> {
                        ProtocolId id = run(app, database, commands, failures, nested, events);
                        assertThat(plie.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.IN_FORCE);
                        assertThat(trail(app, id)).isEqualTo(cleanTrail);
                    });
        }
    }

    /**
     * Runs the commands in order; before each command scheduled to fail, its failure is injected
     * and the command tried once: when it fails, nothing a user sees has changed and no event was
     * published; then the failure is lifted and the command run for real.
     */
    private static ProtocolId run(IntegratorApplication app, Databases.Target database, List<Command> commands,
            List<Integer> failures, boolean nested, List<ProtocolEvent> events) {
        ProtocolId id = ProtocolId.of("PLIE-PROP-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        Negotiator negotiator = new Negotiator(app.plie(), ManualClock.at(Instant.now()), id);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            boolean done = false;
            for (int failure : failures) {
                if (done || failure / KINDS.length != i) {
                    continue;
                }
                InjectedFailure injected = KINDS[failure % KINDS.length];
                Snapshot before = Snapshot.of(app.plie(), id);
                int published = events.size();
                injected.on(database);
                Throwable thrown;
                try {
                    thrown = catchThrowable(() -> execute(app, negotiator, command, nested));
                } finally {
                    injected.off(database);
                }
                if (thrown != null) {
                    assertThat(thrown).as(command.name() + " with " + injected).hasStackTraceContaining("injected failure");
                    assertThat(Snapshot.of(app.plie(), id)).as(command.name() + " with " + injected).isEqualTo(before);
                    assertThat(events).as("events after " + command.name() + " with " + injected).hasSize(published);
                } else {
                    done = true; // this command does not make that write: it went through
                }
            }
            if (!done) {
                execute(app, negotiator, command, nested);
            }
        }
        return id;
    }

    private static void execute(IntegratorApplication app, Negotiator negotiator, Command command, boolean nested) {
        if (nested) {
            app.flowable().getManagementService().executeCommand(context -> {
                command.run().accept(negotiator);
                return null;
            });
        } else {
            command.run().accept(negotiator);
        }
    }

    private static List<String> trail(IntegratorApplication app, ProtocolId id) {
        return app.plie().auditTrail(Negotiator.COORDINATOR, id).stream().map(FailureInjectionPropertyTest::line).toList();
    }

    private static String line(AuditEntry entry) {
        return String.join("|", entry.userId(), String.valueOf(entry.organisation()), entry.step(), entry.outcome(),
                String.valueOf(entry.reason()), String.valueOf(entry.round()));
    }
}
