package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import fr.asso.europlie.plie.workflow.BpmnModels;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the protocol-negotiation BPMN is valid, fully drawn and matches the code's names")
class NegotiationModelTest {

    private static BpmnModel model() {
        return BpmnModels.load(NegotiationProcess.RESOURCE);
    }

    private static Process process() throws Exception {
        return model().getProcessById(NegotiationProcess.KEY);
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
        Process process = model.getProcessById(NegotiationProcess.KEY);
        List<String> missing = BpmnModels.undrawn(model, process);
        assertThat(process.findFlowElementsOfType(FlowNode.class)).hasSizeGreaterThan(30);
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("paths merge and split only at gateways (bpmnlint's fake-join, no-gateway-join-fork, no conditional flow out of an activity)")
    void mergesAreExplicit() throws Exception {
        assertThat(BpmnModels.implicitJoinsAndSplits(process())).isEmpty();
    }

    @Test
    @DisplayName("each user task is a negotiation step, and each step has its user task")
    void userTasksAreSteps() throws Exception {
        Set<String> tasks = process().findFlowElementsOfType(UserTask.class).stream().map(UserTask::getId)
                .collect(Collectors.toSet());
        Set<String> steps = java.util.Arrays.stream(NegotiationStep.values()).map(NegotiationStep::taskKey)
                .collect(Collectors.toSet());
        assertThat(tasks).isEqualTo(steps);
    }

    @Test
    @DisplayName("each service task runs an existing delegate of this package")
    void serviceTasksHaveDelegates() throws Exception {
        for (ServiceTask task : process().findFlowElementsOfType(ServiceTask.class)) {
            Class<?> delegate = Class.forName(task.getImplementation());
            assertThat(JavaDelegate.class.isAssignableFrom(delegate)).as(task.getId()).isTrue();
            assertThat(delegate.getPackageName()).isEqualTo(NegotiationProcess.class.getPackageName());
        }
    }

    @Test
    @DisplayName("the BPMN errors caught by boundary events are the codes the delegates throw")
    void errorCodesMatch() throws Exception {
        BpmnModel model = model();
        Set<String> caught = new java.util.HashSet<>();
        for (BoundaryEvent boundary : model.getProcessById(NegotiationProcess.KEY).findFlowElementsOfType(BoundaryEvent.class)) {
            boundary.getEventDefinitions().stream().filter(ErrorEventDefinition.class::isInstance)
                    .map(d -> ((ErrorEventDefinition) d).getErrorCode())
                    .forEach(ref -> caught.add(model.getErrors().getOrDefault(ref, ref)));
        }
        Set<String> thrown = new java.util.HashSet<>();
        for (Field field : NegotiationProcess.Errors.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                thrown.add((String) field.get(null));
            }
        }
        assertThat(caught).isEqualTo(thrown);
    }

    @Test
    @DisplayName("every variable the BPMN's expressions use is a constant of NegotiationProcess.Var")
    void expressionsUseKnownVariables() throws Exception {
        Set<String> known = new java.util.HashSet<>();
        for (Field field : NegotiationProcess.Var.class.getFields()) {
            known.add((String) field.get(null));
        }
        Set<String> named = BpmnModels.expressionIdentifiers(NegotiationProcess.RESOURCE);
        assertThat(named).isNotEmpty().isSubsetOf(known);
    }
}
