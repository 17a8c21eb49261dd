package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.TaskHelper;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.identitylink.api.history.HistoricIdentityLink;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Tasks#complete} records the actor as the assignee without the participant link that the
 * completion adds again for the same user (issue 16): Flowable's history must name the same
 * assignees and the same participants as the former path ({@link TaskHelper#changeTaskAssignee},
 * then the completion), whoever completes which task and whoever is authenticated.
 */
@DisplayName("a task completed as an actor: the same assignees and participants as setAssignee then complete, on H2 and PostgreSQL")
class TasksTest {

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                targetNamespace="plie-test">
              <process id="plieTasksTest" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="step"/>
                <userTask id="step" flowable:candidateGroups="GROUP">
                  <multiInstanceLoopCharacteristics isSequential="true">
                    <loopCardinality>${n}</loopCardinality>
                  </multiInstanceLoopCharacteristics>
                </userTask>
                <sequenceFlow id="f2" sourceRef="step" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    /** Who is authenticated while the task is completed: the actor (as the library runs it), someone else, nobody. */
    private static final String[] AUTHENTICATED = {"actor", "someone-else", null};

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("for any sequence of actors (some acting twice) and any authenticated user, the history agrees with the former path")
    void sameAssigneesAndParticipantsAsTheFormerPath(Databases.Kind kind) throws Exception {
        String name = "tasks-test-" + ProcessHandle.current().pid() + "-" + kind;
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            ProcessEngine flowable = ProcessEngines.getProcessEngine(name);
            flowable.getRepositoryService().createDeployment().addString("tasks-test.bpmn20.xml", BPMN).deploy();
            // Each example: the actors of the successive tasks (from 3 users, so some act twice), and
            // who is authenticated for each completion.
            qt().withExamples(kind == Databases.Kind.H2 ? 30 : 10).withShrinkCycles(0)
                    .forAll(lists().of(integers().between(0, 2)).ofSizeBetween(1, 5), integers().between(0, 2))
                    .checkAssert((users, authenticated) -> {
                        List<Actor> actors = new ArrayList<>();
                        users.forEach(user -> actors.add(Actor.of("user-" + user, OrganisationId.of("ORG"), Role.TECHNICAL_STAFF)));
                        String now = run(flowable, actors, AUTHENTICATED[authenticated], (task, actor) ->
                                Tasks.complete(flowable.getTaskService(), task, actor, Map.of(), Map.of()));
                        String before = run(flowable, actors, AUTHENTICATED[authenticated], (task, actor) -> {
                            TaskHelper.changeTaskAssignee(CommandContextUtil.getTaskService().getTask(task.getId()), actor.userId());
                            flowable.getTaskService().complete(task.getId(), Map.of());
                        });
                        HistoryService history = flowable.getHistoryService();
                        assertThat(assignees(history, now)).isEqualTo(assignees(history, before))
                                .isEqualTo(actors.stream().map(Actor::userId).sorted().toList());
                        assertThat(activityAssignees(history, now)).isEqualTo(activityAssignees(history, before));
                        assertThat(users(history, now, IdentityLinkType.PARTICIPANT))
                                .isEqualTo(users(history, before, IdentityLinkType.PARTICIPANT))
                                .containsAll(actors.stream().map(Actor::userId).toList());
                        assertThat(users(history, now, IdentityLinkType.STARTER)).isEqualTo(users(history, before, IdentityLinkType.STARTER));
                        for (Actor actor : actors) {
                            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(now).involvedUser(actor.userId())
                                    .count()).isEqualTo(1);
                        }
                        // Never more participant rows than the former path (one a completion when the actor is authenticated).
                        assertThat(links(history, now, IdentityLinkType.PARTICIPANT))
                                .isLessThanOrEqualTo(links(history, before, IdentityLinkType.PARTICIPANT));
                        if ("actor".equals(AUTHENTICATED[authenticated])) {
                            assertThat(links(history, now, IdentityLinkType.PARTICIPANT)).isEqualTo(actors.size());
                        }
                    });
        }
    }

    /** Runs one process instance, each task completed by the next actor in one command; returns the instance's id. */
    private static String run(ProcessEngine flowable, List<Actor> actors, String authenticated, BiConsumer<Task, Actor> complete) {
        String process = flowable.getRuntimeService().startProcessInstanceByKey("plieTasksTest", Map.of("n", actors.size())).getId();
        for (Actor actor : actors) {
            String previous = Authentication.getAuthenticatedUserId();
            Authentication.setAuthenticatedUserId(authenticated == null ? null
                    : authenticated.equals("actor") ? actor.userId() : authenticated);
            try {
                flowable.getManagementService().executeCommand(context -> {
                    Task task = flowable.getTaskService().createTaskQuery().processInstanceId(process).singleResult();
                    complete.accept(task, actor);
                    return null;
                });
            } finally {
                Authentication.setAuthenticatedUserId(previous);
            }
        }
        assertThat(flowable.getRuntimeService().createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        return process;
    }

    private static List<String> assignees(HistoryService history, String process) {
        // Sorted: the clock stands still, so the tasks' times do not order them.
        return history.createHistoricTaskInstanceQuery().processInstanceId(process).finished().list().stream()
                .map(HistoricTaskInstance::getAssignee).sorted().toList();
    }

    private static List<String> activityAssignees(HistoryService history, String process) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(process).activityType("userTask").finished()
                .list().stream().map(activity -> activity.getAssignee()).sorted().toList();
    }

    private static TreeSet<String> users(HistoryService history, String process, String type) {
        TreeSet<String> users = new TreeSet<>();
        for (HistoricIdentityLink link : history.getHistoricIdentityLinksForProcessInstance(process)) {
            if (type.equals(link.getType()) && link.getUserId() != null) {
                users.add(link.getUserId());
            }
        }
        return users;
    }

    private static long links(HistoryService history, String process, String type) {
        return history.getHistoricIdentityLinksForProcessInstance(process).stream().filter(link -> type.equals(link.getType())).count();
    }
}
