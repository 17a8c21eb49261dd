package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.workflow.BpmnModels;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the fse-increase BPMN is valid, fully drawn, merges only at gateways and matches the code's names")
class IncreaseModelTest {

    private static BpmnModel model() {
        return BpmnModels.load(CommitmentProcess.Increase.RESOURCE);
    }

    private static Process process() {
        return model().getProcessById(CommitmentProcess.Increase.KEY);
    }

    @Test
    @DisplayName("Flowable's validator finds no error (the file is also validated against the BPMN schema)")
    void validForFlowable() {
        assertThat(BpmnModels.validationErrors(model())).isEmpty();
    }

    @Test
    @DisplayName("every flow node has a shape and every sequence flow an edge with waypoints")
    void fullDiagramInterchange() {
        BpmnModel model = model();
        Process process = model.getProcessById(CommitmentProcess.Increase.KEY);
        List<String> missing = BpmnModels.undrawn(model, process);
        assertThat(process.findFlowElementsOfType(FlowNode.class)).hasSizeGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("paths merge and split only at gateways (bpmnlint's fake-join, no-gateway-join-fork, no conditional flow out of an activity)")
    void mergesAreExplicit() {
        assertThat(BpmnModels.implicitJoinsAndSplits(process())).isEmpty();
    }

    @Test
    @DisplayName("every variable the BPMN's expressions name is one the commitment service sets (CommitmentProcess.Var or Increase.DECISION_VAR)")
    void expressionsUseKnownVariables() throws Exception {
        Set<String> known = new HashSet<>();
        for (Field field : CommitmentProcess.Var.class.getFields()) {
            known.add((String) field.get(null));
        }
        known.add(CommitmentProcess.Increase.DECISION_VAR);
        Set<String> named = BpmnModels.expressionIdentifiers(CommitmentProcess.Increase.RESOURCE);
        assertThat(named).containsExactlyInAnyOrder(CommitmentProcess.Var.RESERVATION, CommitmentProcess.Increase.DECISION_VAR);
        assertThat(named).isSubsetOf(known);
    }

    @Test
    @DisplayName("the user tasks are CommitmentProcess.Increase's, the process starts on plieFseIncreaseRequested, and every split is conditioned")
    void namesShared() {
        BpmnModel model = model();
        Process process = model.getProcessById(CommitmentProcess.Increase.KEY);
        Set<String> tasks = process.findFlowElementsOfType(UserTask.class).stream().map(UserTask::getId).collect(Collectors.toSet());
        assertThat(tasks).containsExactlyInAnyOrder(CommitmentProcess.Increase.APPRAISAL,
                CommitmentProcess.Increase.WAITING_LIST, CommitmentProcess.Increase.DECISION);
        List<String> messages = process.findFlowElementsOfType(StartEvent.class).stream()
                .flatMap(s -> s.getEventDefinitions().stream())
                .filter(MessageEventDefinition.class::isInstance)
                .map(d -> model.getMessage(((MessageEventDefinition) d).getMessageRef()).getName()).toList();
        assertThat(messages).containsExactly(CommitmentProcess.Increase.MESSAGE);
        for (ExclusiveGateway gateway : process.findFlowElementsOfType(ExclusiveGateway.class)) {
            if (gateway.getOutgoingFlows().size() > 1) {
                assertThat(gateway.getOutgoingFlows()).as(gateway.getId())
                        .allSatisfy(f -> assertThat(f.getConditionExpression()).isNotBlank());
            }
        }
    }
}
