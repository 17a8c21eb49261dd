package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.IntermediateBody;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/**
 * One protocol negotiation, the same path twice: through the library, and on bare Flowable
 * running the library's own BPMN with every service task replaced by a no-op delegate (what an
 * application writing its own process would pay for the engine alone).
 *
 * <p>The path: start, shared diagnostic, one consultation round with every party favourable,
 * consolidation without change, every funder's contribution, the steering committee adopting
 * with every member present, every signatory's deliberation, every signature; the protocol ends
 * in force. The bare run completes the same user tasks (found by process, step and candidate
 * group, completed as the acting user), with the variables the library's delegates would have
 * set given at the start.
 */
final class NegotiationShapes {

    static final String PLAN = "/fr/asso/europlie/plie/examples/grand-perigueux.protocol.json";
    static final String BPMN = "/fr/asso/europlie/plie/workflow/negotiation/protocol-negotiation.bpmn20.xml";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Protocol plan;
    private final ProtocolContent draft;
    private final Actor coordinator;
    private final Actor copil;
    private final List<String> parties;
    private final List<String> signatories;
    private final Map<OrganisationId, Map<Year, Money>> contributions = new TreeMap<>(
            java.util.Comparator.comparing(OrganisationId::value));

    NegotiationShapes() {
        this.plan = ProtocolJson.read(planText());
        this.draft = plan.content();
        this.coordinator = Actor.of("coordination", draft.animationStructure().id(), Role.ANIMATION_TEAM);
        this.copil = Actor.of("secretariat.copil", draft.governance().steeringCommittee().convenedBy(), Role.STEERING_COMMITTEE);
        Set<String> consulted = new LinkedHashSet<>();
        draft.signatories().stream().map(Signatory::id).forEach(id -> consulted.add(id.value()));
        draft.intermediateBodies().stream().map(IntermediateBody::id).forEach(id -> consulted.add(id.value()));
        consulted.add(draft.animationStructure().id().value());
        this.parties = List.copyOf(consulted);
        this.signatories = draft.signatories().stream().map(s -> s.id().value()).toList();
        ProtocolBudget budget = draft.budget();
        for (OrganisationId funder : budget.funders()) {
            Map<Year, Money> amounts = new TreeMap<>();
            budget.contributions().stream().filter(c -> c.funder().equals(funder)).forEach(c -> amounts.put(c.year(), c.amount()));
            contributions.put(funder, amounts);
        }
    }

    /** The example plan's document (about 20 KB). */
    static String planText() {
        return resource(PLAN);
    }

    static String resource(String name) {
        try (InputStream in = NegotiationShapes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many user tasks the path completes. */
    int userTasks() {
        return 2 + parties.size() + contributions.size() + 1 + 2 * signatories.size();
    }

    // ------------------------------------------------------------------------------ library

    /**
     * Negotiates a fresh copy of the plan through the library, until it is in force.
     *
     * @param engine the engine
     * @param clock the engine's clock
     * @return the protocol's id, in force
     */
    ProtocolId library(PlieEngine engine, Clock clock) {
        ProtocolNegotiation negotiation = engine.protocolNegotiation();
        ProtocolId id = ProtocolId.of(plan.id().value() + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000);
        negotiation.start(coordinator, id, draft);
        negotiation.recordDiagnostic(coordinator, id, draft.diagnostic());
        for (String party : parties) {
            OrganisationId organisation = OrganisationId.of(party);
            negotiation.giveOpinion(Actor.of("services@" + party, organisation, Role.TECHNICAL_STAFF), id, Opinion.favourable(""));
        }
        negotiation.consolidate(coordinator, id, null, "remarques intégrées");
        contributions.forEach((funder, amounts) ->
                negotiation.confirmContribution(Actor.of("budget@" + funder.value(), funder, Role.FUNDER), id, amounts));
        Decision<AdoptionOutcome> decision = new Decision<>(CommitteeKind.STEERING, draft.governance().steeringCommittee().members(),
                clock.instant(), AdoptionOutcome.ADOPT, "Adoption du protocole", Optional.of("COPIL-" + LocalDate.now(clock)));
        negotiation.decideInCommittee(copil, id, decision);
        for (String signatory : signatories) {
            OrganisationId organisation = OrganisationId.of(signatory);
            negotiation.deliberate(Actor.of("assemblee@" + signatory, organisation, Role.DELIBERATING_BODY), id,
                    DeliberationOutcome.APPROVED, "DEL-" + signatory, LocalDate.now(clock), null);
        }
        for (String signatory : signatories) {
            OrganisationId organisation = OrganisationId.of(signatory);
            negotiation.sign(Actor.of("signataire@" + signatory, organisation, Role.SIGNATORY), id, LocalDate.now(clock));
        }
        ProtocolState state = engine.protocol(coordinator, id).orElseThrow().state();
        if (state != ProtocolState.IN_FORCE) {
            throw new IllegalStateException("the benchmark's negotiation ended " + state);
        }
        return id;
    }

    // ------------------------------------------------------------------------------ bare

    /** The library's BPMN with every {@code flowable:class} replaced by {@link NoOp}. */
    static String bareBpmn() {
        Matcher classes = Pattern.compile("flowable:class=\"[^\"]+\"").matcher(resource(BPMN));
        return classes.replaceAll(Matcher.quoteReplacement("flowable:class=\"" + NoOp.class.getName() + "\""));
    }

    /** A service task that does nothing. */
    public static final class NoOp implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            // the bare baseline: the engine's cost only
        }
    }

    /**
     * Runs the same path on bare Flowable (the BPMN of {@link #bareBpmn()} deployed on it).
     *
     * @param engine a plain Flowable engine
     * @param processKey the deployed process's key
     */
    void bare(ProcessEngine engine, String processKey) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        String key = plan.id().value() + "-" + NEXT.incrementAndGet();
        String animation = draft.animationStructure().id().value();
        Map<String, Object> variables = new HashMap<>();
        variables.put("protocolId", key);
        variables.put("amendment", false);
        variables.put("animationStructure", animation);
        variables.put("round", 1);
        variables.put("maxRounds", 3);
        variables.put("unfavourable", false);
        variables.put("deliberationSendBack", false);
        variables.put("funders", new ArrayList<String>());
        variables.put("parties", new ArrayList<>(parties));
        variables.put("deliberators", new ArrayList<>(signatories));
        variables.put("signers", new ArrayList<>(signatories));
        variables.put("consultationDeadline", "P30D");
        variables.put("consultationCutOff", "P45D");
        variables.put("deliberationReminder", "R/P14D");
        variables.put("deliberationDeadline", "P120D");
        String instance = as("coordination", () -> runtime.createProcessInstanceBuilder().processDefinitionKey(processKey)
                .businessKey(key).variables(variables).start().getId());
        complete(tasks, instance, "sharedDiagnostic", animation, "coordination", Map.of());
        for (String party : parties) {
            complete(tasks, instance, "technicalOpinion", party, "services@" + party, Map.of());
        }
        List<String> funders = contributions.keySet().stream().map(OrganisationId::value).toList();
        complete(tasks, instance, "consolidation", animation, "coordination", Map.of("funders", new ArrayList<>(funders)));
        for (String funder : funders) {
            complete(tasks, instance, "confirmContribution", funder, "budget@" + funder, Map.of());
        }
        complete(tasks, instance, "committeeDecision", "STEERING_COMMITTEE", "secretariat.copil", Map.of("committeeVerdict", "ADOPT"));
        for (String signatory : signatories) {
            complete(tasks, instance, "deliberation", signatory, "assemblee@" + signatory, Map.of());
        }
        for (String signatory : signatories) {
            complete(tasks, instance, "signature", signatory, "signataire@" + signatory, Map.of());
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("the bare negotiation did not end");
        }
    }

    private static void complete(TaskService tasks, String instance, String step, String group, String user,
            Map<String, Object> variables) {
        as(user, () -> {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).taskCandidateGroup(group)
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException("no task " + step + " for " + group);
            }
            tasks.complete(task.getId(), user, variables);
            return null;
        });
    }

    private static <T> T as(String user, java.util.function.Supplier<T> body) {
        Authentication.setAuthenticatedUserId(user);
        try {
            return body.get();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }
}
