package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;

/** What the model tests of every shipped BPMN check alike: it reads, validates and is fully drawn. */
public final class BpmnModels {

    private BpmnModels() {
    }

    /**
     * Reads a shipped BPMN from the class path, validated against the BPMN schema.
     *
     * @param resource the class-path resource
     * @return the model
     */
    public static BpmnModel load(String resource) {
        try (InputStream in = BpmnModels.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            byte[] xml = in.readAllBytes();
            return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The errors (not the warnings) Flowable's default validator finds.
     *
     * @param model the model
     * @return the errors, as text
     */
    public static List<String> validationErrors(BpmnModel model) {
        return new ProcessValidatorFactory().createDefaultProcessValidator().validate(model).stream()
                .filter(e -> !e.isWarning()).map(ValidationError::toString).toList();
    }

    /**
     * The flow nodes without a shape and the sequence flows without an edge of two waypoints or more.
     *
     * @param model the model
     * @param process the process
     * @return what is missing, as text
     */
    public static List<String> undrawn(BpmnModel model, Process process) {
        List<String> missing = new ArrayList<>();
        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            GraphicInfo shape = model.getGraphicInfo(node.getId());
            if (shape == null || shape.getWidth() <= 0 || shape.getHeight() <= 0) {
                missing.add("shape of " + node.getId());
            }
        }
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            List<GraphicInfo> edge = model.getFlowLocationGraphicInfo(flow.getId());
            if (edge == null || edge.size() < 2) {
                missing.add("edge of " + flow.getId());
            }
        }
        return missing;
    }
}
