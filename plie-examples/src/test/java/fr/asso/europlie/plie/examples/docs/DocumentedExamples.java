package fr.asso.europlie.plie.examples.docs;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.SharedDiagnostic;
import fr.asso.europlie.plie.territory.Geography;
import fr.asso.europlie.plie.territory.Siren;
import fr.asso.europlie.plie.territory.Territory;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieConfigurator;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;

/**
 * The code of the README's and docs/workflow.md's snippets, compiled and run by
 * {@link DocumentedExamplesTest}: each snippet is a region ({@code // region NAME} ...
 * {@code // endregion}) that {@link SnippetsTest} compares with the text of the documents.
 */
final class DocumentedExamples {

    private DocumentedExamples() {
    }

    /**
     * README, "Embedding the workflows": a standalone engine takes the first steps.
     *
     * @return the events the listener heard
     */
    static List<ProtocolEvent> embedding(DataSource postgres, ProtocolId protocolId, ProtocolContent draftContent,
            SharedDiagnostic diagnostic, List<ProtocolEvent> received) {
        // region readme-embedding
        try (PlieEngine engine = PlieEngine.builder().dataSource(postgres).build()) {   // or PlieEngine.embedded()
            engine.addListener(new WorkflowListener() {          // called after each commit
                @Override public void onProtocolEvent(ProtocolEvent event) { received.add(event); }
            });
            ProtocolNegotiation negotiation = engine.protocolNegotiation();
            Actor coordinator = Actor.of("t.bouyssou", OrganisationId.of("ANIMATION-PLIE-GP"), Role.ANIMATION_TEAM);
            negotiation.start(coordinator, protocolId, draftContent);
            negotiation.recordDiagnostic(coordinator, protocolId, diagnostic);
            negotiation.giveOpinion(Actor.of("services", OrganisationId.of("DEPT-24"), Role.TECHNICAL_STAFF),
                    protocolId, Opinion.favourable(""));
        }
        // endregion
        return received;
    }

    /**
     * README and docs/workflow.md: the library on the application's own Flowable engine.
     *
     * @return the application's engine and the facade on it
     */
    static OwnEngine ownEngine(ProcessEngineConfigurationImpl configuration) {
        // region readme-own-engine
        configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
        ProcessEngine flowable = configuration.buildProcessEngine();
        PlieEngine plie = PlieEngine.attach(flowable);   // deploys the processes; close() leaves the engine running
        // endregion
        return new OwnEngine(flowable, plie);
    }

    /**
     * docs/workflow.md, "Customising a process": an application deploys its copy of the negotiation.
     *
     * @return the version new negotiations run
     */
    static int customise(PlieEngine engine, Path customCopy) throws IOException {
        int version;
        // region workflow-customised-process
        try (InputStream bpmn = Files.newInputStream(customCopy)) {   // negotiation-with-legal-review.bpmn20.xml
            version = engine.deployCustomisedProcess("negotiation-with-legal-review.bpmn20.xml", bpmn);
        }
        // endregion
        return version;
    }

    /** What the plans snippet leaves: the two plans and the protocol read back in the first. */
    record Plans(Plan perigueux, Plan bergerac, Optional<Protocol> same) {
    }

    /**
     * docs/workflow.md, "Plans": one plan without naming it, then two plans on one engine.
     *
     * @return the plans and what the first one reads back
     */
    static Plans plans(PlieEngine engine, OrganisationId animation, ProtocolId protocolId, ProtocolContent draft,
            WorkflowSettings bergeracSettings, WorkflowListener listener) {
        // region workflow-plans
        // One plan: nothing to name. The facade's own methods act on the default plan.
        engine.protocolNegotiation().start(Actor.of("t.bouyssou", animation, Role.ANIMATION_TEAM), protocolId, draft);

        // Many plans: register each (idempotent; every node at start-up), then act through its scope.
        Plan perigueux = engine.registerPlan(PlanId.of("PLIE-GP"), "PLIE du Grand Périgueux");
        Plan bergerac = engine.registerPlan(PlanId.of("PLIE-BERGERAC"), "PLIE du Bergeracois", bergeracSettings);
        Actor coordinator = Actor.in(perigueux.id(), "t.bouyssou", animation, Role.ANIMATION_TEAM);
        perigueux.addListener(listener);                 // hears this plan's events only
        perigueux.protocolNegotiation().start(coordinator, protocolId, draft);
        Optional<Protocol> same = engine.plan(PlanId.of("PLIE-GP")).protocol(coordinator, protocolId);   // from any node
        // endregion
        return new Plans(perigueux, bergerac, same);
    }

    /** The application's engine and the library's facade on it. */
    record OwnEngine(ProcessEngine flowable, PlieEngine plie) {
    }

    /** What the domain snippet computes. */
    record Taste(Territory territory, Protocol negotiating, Protocol same) {
    }

    /**
     * README, "A taste of the domain".
     *
     * @return the territory, the protocol under negotiation and the same read back from JSON
     */
    static Taste domain(ProtocolContent content, Clock clock, Decision<AdoptionOutcome> decision, Logger log) {
        // region readme-domain
        Territory territory = Territory.ofEpci("PLIE du Grand Périgueux", Siren.of("200040392"), Geography.official2026());
        Protocol draft = Protocol.draft(ProtocolId.of("PLIE-GP-2022"), content, clock.instant(), "coordination");
        Protocol negotiating = draft.openNegotiation(clock.instant(), "coordination");
        try {
            negotiating.adopt(decision, clock.instant(), "coordination");
        } catch (PlieException refused) {
            refused.violations().forEach(v -> log.info(v.code().code() + " " + v.message(Locale.FRENCH)));
        }
        String json = ProtocolJson.write(negotiating);     // plie/protocol, format 1.0
        Protocol same = ProtocolJson.read(json);           // every problem with its JSON path, or the protocol
        // endregion
        return new Taste(territory, negotiating, same);
    }
}
