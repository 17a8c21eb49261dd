package fr.asso.europlie.plie.workflow.programming;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.workflow.BpmnModels;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.bpmn.model.Activity;
import org.flowable.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the programming-approval BPMN is valid, fully drawn and matches the code's names")
class ProgrammingModelTest {

    private static BpmnModel model() {
        return BpmnModels.load(ProgrammingProcess.RESOURCE);
    }

    private static Process process() throws Exception {
        return model().getProcessById(ProgrammingProcess.KEY);
    }

    @Test
    @DisplayName("Flowable's validator finds no error (the file is also validated against the BPMN schema)")
    void validForFlowable() throws Exception {
        assertThat(BpmnModels.validationErrors(model())).isEmpty();
    }

    @Test
    @DisplayName("every flow node has a shape and every sequence flow an edge with waypoints")
    void fullDiagramInterchange() throws Exception {
        BpmnModel model = model();
        Process process = model.getProcessById(ProgrammingProcess.KEY);
        List<String> missing = BpmnModels.undrawn(model, process);
        assertThat(process.findFlowElementsOfType(FlowNode.class)).hasSizeGreaterThan(25);
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("each user task is a programming step, and each step has its user task")
    void userTasksAreSteps() throws Exception {
        Set<String> tasks = process().findFlowElementsOfType(UserTask.class).stream().map(UserTask::getId)
                .collect(Collectors.toSet());
        Set<String> steps = java.util.Arrays.stream(ProgrammingStep.values()).map(ProgrammingStep::taskKey)
                .collect(Collectors.toSet());
        assertThat(tasks).isEqualTo(steps);
    }

    @Test
    @DisplayName("each service task runs an existing delegate of this package")
    void serviceTasksHaveDelegates() throws Exception {
        for (ServiceTask task : process().findFlowElementsOfType(ServiceTask.class)) {
            Class<?> delegate = Class.forName(task.getImplementation());
            assertThat(JavaDelegate.class.isAssignableFrom(delegate)).as(task.getId()).isTrue();
            assertThat(delegate.getPackageName()).isEqualTo(ProgrammingProcess.class.getPackageName());
        }
    }

    @Test
    @DisplayName("paths merge and split only at gateways (bpmnlint's fake-join, no-gateway-join-fork, no conditional flow out of an activity)")
    void mergesAreExplicit() throws Exception {
        assertThat(BpmnModels.implicitJoinsAndSplits(process())).isEmpty();
    }

    @Test
    @DisplayName("every variable the BPMN's expressions name is a constant of ProgrammingProcess.Var, and so is every multi-instance element variable")
    void expressionsUseKnownVariables() throws Exception {
        Set<String> known = new HashSet<>();
        for (Field field : ProgrammingProcess.Var.class.getFields()) {
            known.add((String) field.get(null));
        }
        Set<String> named = BpmnModels.expressionIdentifiers(ProgrammingProcess.RESOURCE);
        assertThat(named).contains(ProgrammingProcess.Var.OPERATIONS, ProgrammingProcess.Var.HAS_APPLICATIONS);
        assertThat(named).isSubsetOf(known);
        Set<String> elements = process().findFlowElementsOfType(Activity.class).stream()
                .map(Activity::getLoopCharacteristics).filter(java.util.Objects::nonNull)
                .map(MultiInstanceLoopCharacteristics::getElementVariable).collect(Collectors.toSet());
        assertThat(elements).containsExactlyInAnyOrder(ProgrammingProcess.Var.OPERATION_ID,
                ProgrammingProcess.Var.PTI_OPERATION_ID, ProgrammingProcess.Var.FSE_OPERATION);
    }
}
