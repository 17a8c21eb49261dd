package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;

/**
 * What the model tests of every shipped BPMN check alike: it reads, validates, is fully drawn, merges
 * and splits only at gateways, and names in its expressions only what its code sets.
 */
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

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne",
            "lt", "gt", "le", "ge", "empty", "div", "mod", "instanceof");

    /**
     * The implicit joins and splits, which bpmnlint's fake-join and no-gateway-join-fork (and
     * conditional flows out of an activity) would report: a flow node other than a gateway with more
     * than one incoming or more than one outgoing sequence flow, and a gateway that both joins and forks.
     *
     * @param process the process
     * @return the problems, as text
     */
    public static List<String> implicitJoinsAndSplits(Process process) {
        List<String> problems = new ArrayList<>();
        for (FlowNode node : process.findFlowElementsOfType(FlowNode.class)) {
            int in = node.getIncomingFlows().size();
            int out = node.getOutgoingFlows().size();
            if (node instanceof Gateway) {
                if (in > 1 && out > 1) {
                    problems.add(node.getId() + " both joins and forks");
                }
            } else {
                if (in > 1) {
                    problems.add(node.getId() + " joins " + in + " flows without a gateway");
                }
                if (out > 1) {
                    problems.add(node.getId() + " splits into " + out + " flows without a gateway");
                }
            }
        }
        return problems;
    }

    /**
     * The identifiers that the {@code ${...}} expressions of a shipped BPMN name (variables and beans),
     * string literals and the expression language's own words left out.
     *
     * @param resource the class-path resource
     * @return the identifiers, sorted
     */
    public static Set<String> expressionIdentifiers(String resource) {
        String xml;
        try (InputStream in = BpmnModels.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(xml);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'", ""));
            while (identifier.find()) {
                if (!EL_WORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }
}
