package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.workflow.BpmnModels;
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

@DisplayName("the fse-commitment BPMN is valid, fully drawn and matches the code's names")
class CommitmentModelTest {

    private static BpmnModel model() {
        return BpmnModels.load(CommitmentProcess.RESOURCE);
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
        Process process = model.getProcessById(CommitmentProcess.KEY);
        List<String> missing = BpmnModels.undrawn(model, process);
        assertThat(process.findFlowElementsOfType(FlowNode.class)).hasSizeGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("the user tasks are CommitmentProcess.Task's, and the process starts on plieFseCommitmentRequested")
    void namesShared() throws Exception {
        BpmnModel model = model();
        Process process = model.getProcessById(CommitmentProcess.KEY);
        Set<String> tasks = process.findFlowElementsOfType(UserTask.class).stream().map(UserTask::getId).collect(Collectors.toSet());
        assertThat(tasks).containsExactlyInAnyOrder(CommitmentProcess.Task.APPRAISAL, CommitmentProcess.Task.WAITING_LIST,
                CommitmentProcess.Task.COMMITTEE, CommitmentProcess.Task.DECISION, CommitmentProcess.Task.AGREEMENT,
                CommitmentProcess.Task.AGREEMENT_OVERDUE);
        List<String> messages = process.findFlowElementsOfType(StartEvent.class).stream()
                .flatMap(s -> s.getEventDefinitions().stream())
                .filter(MessageEventDefinition.class::isInstance)
                .map(d -> model.getMessage(((MessageEventDefinition) d).getMessageRef()).getName()).toList();
        assertThat(messages).containsExactly(CommitmentProcess.MESSAGE);
        // every split gateway's outgoing flows carry a condition
        for (ExclusiveGateway gateway : process.findFlowElementsOfType(ExclusiveGateway.class)) {
            if (gateway.getOutgoingFlows().size() > 1) {
                assertThat(gateway.getOutgoingFlows()).as(gateway.getId()).allSatisfy(f -> assertThat(f.getConditionExpression()).isNotBlank());
            }
        }
    }

    @Test
    @DisplayName("the follow-on fse-execution BPMN is valid for Flowable, fully drawn, its tasks are CommitmentProcess.Execution's and its split gateways conditioned")
    void executionModel() throws Exception {
        BpmnModel model = BpmnModels.load(CommitmentProcess.Execution.RESOURCE);
        assertThat(BpmnModels.validationErrors(model)).isEmpty();
        Process process = model.getProcessById(CommitmentProcess.Execution.KEY);
        assertThat(BpmnModels.undrawn(model, process)).isEmpty();
        Set<String> tasks = process.findFlowElementsOfType(UserTask.class).stream().map(UserTask::getId).collect(Collectors.toSet());
        assertThat(tasks).containsExactlyInAnyOrder(CommitmentProcess.Execution.REPORT, CommitmentProcess.Execution.SERVICE_DONE,
                CommitmentProcess.Execution.ANSWER, CommitmentProcess.Execution.CONCLUSION, CommitmentProcess.Execution.PAYMENT,
                CommitmentProcess.Execution.CLOSURE);
        for (ExclusiveGateway gateway : process.findFlowElementsOfType(ExclusiveGateway.class)) {
            if (gateway.getOutgoingFlows().size() > 1) {
                assertThat(gateway.getOutgoingFlows()).as(gateway.getId()).allSatisfy(f -> assertThat(f.getConditionExpression()).isNotBlank());
            }
        }
    }
}
