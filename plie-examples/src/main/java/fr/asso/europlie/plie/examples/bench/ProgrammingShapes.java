package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.OperationJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.StrategicAxis;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.programming.CallOpening;
import fr.asso.europlie.plie.workflow.programming.ProgrammingApproval;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess.Var;
import fr.asso.europlie.plie.workflow.programming.ProgrammingSettings;
import fr.asso.europlie.plie.workflow.programming.ProgrammingStatus;
import fr.asso.europlie.plie.workflow.programming.Submission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.Task;

/**
 * One round of the annual programming approval (process B), the same path twice: through the
 * library, and on bare Flowable running the library's own BPMN with every service task replaced
 * by a no-op delegate but the FSE+ request, replaced by a delegate that only starts process C by
 * its message with the same payload (what the library's publication does, bare).
 *
 * <p>The path, under the example plan in force: the call opened (the 2026 call of the example
 * year, a fresh id each round), three applications of three operators on three axes submitted
 * and admissible (two ask for FSE+), the call closed by hand, instructors assigned, each
 * application appraised and marked complementary to the PTI, the technical committee's opinion,
 * each application approved in one steering committee session which adopts the programming; it
 * is published and the FSE+ commitment requested for the two asking for it (two process C
 * instances started). The bare run completes the same user tasks (found by process, step and
 * assignee or candidate group, completed as the acting user) with the variables the library's
 * delegates and facade would set.
 */
final class ProgrammingShapes {

    /** The engines' clock: before the example call's closing date, so that applications are taken. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-10T09:00:00Z"), ZoneOffset.UTC);
    static final String KEY = ProgrammingProcess.KEY;
    private static final String YEAR = "/fr/asso/europlie/plie/examples/year/";
    private static final String BPMN = "/fr/asso/europlie/plie/workflow/programming/programming-approval.bpmn20.xml";
    private static final String COMMITMENT_BPMN = "/fr/asso/europlie/plie/workflow/commitment/fse-commitment.bpmn20.xml";
    /** The applications: operations 1 (accompaniment), 5 (training) and 9 (links with employers, no FSE+). */
    private static final List<String> OPERATIONS = List.of("operation-01.json", "operation-05.json", "operation-09.json");
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final ProtocolId protocol;
    private final ProtocolContent content;
    private final Operators operators;
    private final CallForProposals published;
    private final AxisMapping mapping;
    private final List<Operation> operations = new ArrayList<>();

    /**
     * The round's data, under a protocol in force in the library's engine.
     *
     * @param protocol the protocol in force
     * @param content its content (the example plan's)
     */
    ProgrammingShapes(ProtocolId protocol, ProtocolContent content) {
        this.protocol = protocol;
        this.content = content;
        this.operators = OfferDirectoryJson.readOperators(NegotiationShapes.resource(YEAR + "operators.json"));
        this.published = OfferDirectoryJson.readCall(NegotiationShapes.resource(YEAR + "call-for-proposals-2026.json"));
        List<StrategicAxis> axes = content.strategicAxes();
        this.mapping = AxisMapping.of(Map.of(ProgrammingAxis.ACCOMPANIMENT, axes.get(0).id(), ProgrammingAxis.TRAINING_AND_MOBILITY_SUPPORT,
                axes.get(1).id(), ProgrammingAxis.LINKS_WITH_EMPLOYERS, axes.get(2).id(), ProgrammingAxis.ANIMATION, axes.get(3).id()),
                axes.stream().map(StrategicAxis::id).collect(Collectors.toSet()));
        for (String name : OPERATIONS) {
            operations.add(OperationJson.read(NegotiationShapes.resource(YEAR + name)));
        }
    }

    /** How many user tasks the path completes (on either side). */
    int userTasks() {
        return 2 + 2 * operations.size() + 2;
    }

    private OrganisationId animation() {
        return content.animationStructure().id();
    }

    private OrganisationId department() {
        return content.department().orElseThrow().id();
    }

    private OrganisationId committee() {
        return content.governance().steeringCommittee().convenedBy();
    }

    private static String instructor(int index) {
        return "instructeur." + (index + 1);
    }

    // ------------------------------------------------------------------------------ library

    /**
     * One round through the library, until the programming is published.
     *
     * @param engine the engine (clock {@link #CLOCK}, the protocol in force)
     */
    void library(PlieEngine engine) {
        ProgrammingApproval approval = engine.programmingApproval();
        int n = NEXT.incrementAndGet();
        CallId id = CallId.of("AAP-BENCH-" + n);
        CallForProposals call = new CallForProposals(id, protocol, published.year(), published.eligibility(), published.closingDate(),
                published.regionCategory(), published.envelopes());
        Actor coordinator = Actor.of("coordination", animation(), Role.ANIMATION_TEAM);
        approval.openCall(coordinator, new CallOpening(call, mapping, department(), operators, OfferSettings.defaults(),
                ProgrammingSettings.defaults()));
        List<Operation> applied = new ArrayList<>();
        for (Operation o : operations) {
            Operation operation = new Operation(OperationId.of(o.id().value() + "-" + n), id, o.operator(), o.axis(), o.title(),
                    o.description(), o.period(), o.forecast(), o.costs(), o.financingPlan());
            Submission submission = approval.submit(Actor.of("depot@" + o.operator().value(), o.operator(), Role.OPERATOR), id, operation);
            if (!submission.admissible()) {
                throw new IllegalStateException("not admissible: " + submission.reasons());
            }
            applied.add(operation);
        }
        approval.closeCall(coordinator, id);
        Map<OperationId, String> instructors = new LinkedHashMap<>();
        for (int i = 0; i < applied.size(); i++) {
            instructors.put(applied.get(i).id(), instructor(i));
        }
        approval.assignInstructors(coordinator, id, instructors);
        Actor departmentStaff = Actor.of("insertion@departement", department(), Role.TECHNICAL_STAFF);
        for (int i = 0; i < applied.size(); i++) {
            Operation operation = applied.get(i);
            approval.appraise(Actor.of(instructor(i), animation(), Role.ANIMATION_TEAM), id, operation.id(), Appraisal.Opinion.FAVOURABLE,
                    operation.costs().total(), "");
            approval.markPti(departmentStaff, id, operation.id(), PtiMarking.Complementarity.COMPLEMENTARY, "complète l’offre du PTI");
        }
        approval.recordTechnicalOpinion(coordinator, id, Appraisal.Opinion.FAVOURABLE, "équilibrée", "COTECH");
        Actor secretariat = Actor.of("secretariat.copil", committee(), Role.STEERING_COMMITTEE);
        List<Member> members = content.governance().steeringCommittee().members();
        for (Operation operation : applied) {
            approval.decide(secretariat, id, operation.id(), new Decision<>(CommitteeKind.STEERING, members, CLOCK.instant(),
                    SteeringDecision.Outcome.APPROVED, "conforme", Optional.of("COPIL " + LocalDate.now(CLOCK))), operation.costs().total());
        }
        ProgrammingStatus status = approval.closeSession(secretariat, id, new Decision<>(CommitteeKind.STEERING, members, CLOCK.instant(),
                AdoptionOutcome.ADOPT, "Programmation adoptée", Optional.of("COPIL " + LocalDate.now(CLOCK))));
        if (status.state() != ProgrammingState.ADOPTED) {
            throw new IllegalStateException("the benchmark's programming ended " + status.state());
        }
    }

    // ------------------------------------------------------------------------------ bare

    /** The library's process B with its service tasks replaced: no-ops, and the FSE+ request by {@link BareFseRequest}. */
    static String bareBpmn() {
        String text = NegotiationShapes.resource(BPMN).replace("flowable:class=\"fr.asso.europlie.plie.workflow.programming.RequestFseCommitment\"",
                "flowable:class=\"" + BareFseRequest.class.getName() + "\"");
        return text.replaceAll("flowable:class=\"fr\\.asso\\.europlie\\.plie\\.workflow\\.[^\"]+\"",
                Matcher.quoteReplacement("flowable:class=\"" + NegotiationShapes.NoOp.class.getName() + "\""));
    }

    /** Process C as the library deploys it, its service tasks (if any) made no-ops. */
    static String bareCommitmentBpmn() {
        return PerformanceBenchmarks.noOps(COMMITMENT_BPMN);
    }

    /** Starts process C by its message for the FSE+ operation of this multi-instance execution, with the library's payload. */
    public static final class BareFseRequest implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            String operation = (String) execution.getVariable(Var.FSE_OPERATION);
            Map<String, Object> payload = new HashMap<>();
            payload.put(Var.PLAN_ID, execution.getVariable(Var.PLAN_ID));
            payload.put(Var.PROGRAMMING_ID, execution.getVariable(Var.PROGRAMMING_ID));
            payload.put(Var.OPERATION_ID, operation);
            payload.put(Var.AXIS, "ACCOMPANIMENT");
            payload.put(Var.FSE_AMOUNT, "1000.00");
            RuntimeService runtime = CommandContextUtil.getProcessEngineConfiguration().getRuntimeService();
            runtime.createProcessInstanceBuilder().messageName(ProgrammingProcess.FSE_COMMITMENT_MESSAGE)
                    .businessKey(execution.getVariable(Var.PROGRAMMING_ID) + "/" + operation).variables(payload).start();
        }
    }

    /**
     * The same round on bare Flowable ({@link #bareBpmn()} and {@link #bareCommitmentBpmn()} deployed).
     *
     * @param engine a plain Flowable engine
     */
    void bare(ProcessEngine engine) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        String key = "AAP-BARE-" + NEXT.incrementAndGet();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.PROGRAMMING_ID, key);
        variables.put(Var.PLAN_ID, "default");
        variables.put(Var.ANIMATION_STRUCTURE, animation().value());
        variables.put(Var.DEPARTMENT, department().value());
        variables.put(Var.COMMITTEE, committee().value());
        variables.put(Var.CLOSING_AT, published.closingDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        ProgrammingSettings settings = ProgrammingSettings.defaults();
        variables.put(Var.APPRAISAL_DEADLINE_DELAY, settings.appraisalDeadline().toString());
        variables.put(Var.APPRAISAL_REMINDER, settings.appraisalReminder().toString());
        variables.put(Var.PTI_REMINDER, settings.ptiReminder().toString());
        variables.put(Var.MAX_SESSIONS, settings.maxSteeringSessions());
        variables.put(Var.SESSION, 0);
        variables.put(Var.NEXT_SESSION, false);
        variables.put(Var.HAS_APPLICATIONS, false);
        String instance = as("coordination", () -> runtime.createProcessInstanceBuilder().processDefinitionKey(KEY).businessKey(key)
                .variables(variables).start().getId());
        List<String> ids = new ArrayList<>();
        List<String> fse = new ArrayList<>();
        Map<String, String> instructors = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation o = operations.get(i);
            String id = o.id().value() + "-" + key;
            ids.add(id);
            if (o.financingPlan().esfShare().isPositive()) {
                fse.add(id);
            }
            instructors.put(id, instructor(i));
        }
        String animation = animation().value();
        complete(tasks, instance, "closeCall", animation, null, "coordination", Map.of(Var.OPERATIONS, new ArrayList<>(ids),
                Var.HAS_APPLICATIONS, true));
        complete(tasks, instance, "assignInstructors", animation, null, "coordination", Map.of(Var.INSTRUCTORS, new HashMap<>(instructors),
                Var.APPRAISAL_DEADLINE, CLOCK.instant().plus(settings.appraisalDeadline()).toString()));
        for (int i = 0; i < ids.size(); i++) {
            complete(tasks, instance, "appraise", null, instructor(i), instructor(i), Map.of());
            complete(tasks, instance, "markPti", department().value(), null, "insertion@departement", Map.of());
        }
        complete(tasks, instance, "technicalOpinion", animation, null, "coordination", Map.of(Var.SESSION, 1));
        complete(tasks, instance, "steeringSession", committee().value(), null, "secretariat.copil", Map.of(Var.NEXT_SESSION, false,
                Var.FSE_OPERATIONS, new ArrayList<>(fse)));
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("the bare programming did not end");
        }
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(key + "/%").count() != fse.size()) {
            throw new IllegalStateException("the bare programming did not start process C for each FSE+ operation");
        }
    }

    /** Completes the step's first open task for the candidate group or the assignee, as the user. */
    private static void complete(TaskService tasks, String instance, String step, String group, String assignee, String user,
            Map<String, Object> variables) {
        as(user, () -> {
            var query = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step);
            if (group != null) {
                query.taskCandidateGroup(group);
            } else {
                query.taskAssignee(assignee);
            }
            List<Task> found = query.listPage(0, 1);
            if (found.isEmpty()) {
                throw new IllegalStateException("no task " + step + " for " + (group != null ? group : assignee));
            }
            tasks.complete(found.get(0).getId(), user, variables);
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
