package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;

/**
 * Draws the library's BPMN processes as PNG images from their diagram interchange (schéma du
 * processus), headless: {@code docs/protocol-negotiation.png} and {@code docs/programming-approval.png} are made by this command, never by
 * hand.
 *
 * <pre>{@code
 * mvn -B -ntp -q -pl plie-examples -am package -DskipTests -Pdiagrams
 * }</pre>
 */
public final class ProcessDiagram {

    private ProcessDiagram() {
    }

    /**
     * Writes the diagrams of the protocol negotiation and of the programming approval.
     *
     * @param args the output files: {@code docs/protocol-negotiation.png},
     *     {@code docs/programming-approval.png}, {@code docs/fse-commitment.png},
     *     {@code docs/fse-execution.png} and {@code docs/fse-increase.png} by default
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/protocol-negotiation.png").toAbsolutePath().normalize();
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.write(output, png(NegotiationProcess.RESOURCE));
        System.out.println("wrote " + output);
        Path programming = Path.of(args.length > 1 ? args[1] : "docs/programming-approval.png").toAbsolutePath().normalize();
        if (programming.getParent() != null) {
            Files.createDirectories(programming.getParent());
        }
        Files.write(programming, png(fr.asso.europlie.plie.workflow.programming.ProgrammingProcess.RESOURCE));
        System.out.println("wrote " + programming);
        // the OI's commitment of FSE+ funds (process C)
        Path commitment = Path.of(args.length > 2 ? args[2] : "docs/fse-commitment.png").toAbsolutePath().normalize();
        Files.write(commitment, png(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.RESOURCE));
        System.out.println("wrote " + commitment);
        // its follow-on: the execution of a committed operation
        Path execution = Path.of(args.length > 3 ? args[3] : "docs/fse-execution.png").toAbsolutePath().normalize();
        Files.write(execution, png(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Execution.RESOURCE));
        System.out.println("wrote " + execution);
        // the raise of a committed operation, back through reservation
        Path increase = Path.of(args.length > 4 ? args[4] : "docs/fse-increase.png").toAbsolutePath().normalize();
        Files.write(increase, png(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Increase.RESOURCE));
        System.out.println("wrote " + increase);
    }

    /**
     * Renders a BPMN resource of the classpath as a PNG image.
     *
     * @param resource the classpath resource, not null
     * @return the PNG bytes
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static byte[] png(String resource) {
        System.setProperty("java.awt.headless", "true");
        byte[] xml;
        try (InputStream in = ProcessDiagram.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            xml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, false);
        try (InputStream image = new LabelledTimers().generateDiagram(model, "png", List.of(), List.of(),
                "SansSerif", "SansSerif", "SansSerif", ProcessDiagram.class.getClassLoader(), 1.0, true)) {
            return image.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flowable's generator, except that a timer boundary event whose diagram interchange places
     * its label ({@code BPMNLabel} bounds) has its name drawn there, as sequence flows' names are:
     * Flowable otherwise writes an event's name from the top of the event itself, over the
     * activity it is attached to and its neighbours.
     */
    private static final class LabelledTimers extends DefaultProcessDiagramGenerator {

        LabelledTimers() {
            ActivityDrawInstruction flowables = activityDrawInstructions.get(BoundaryEvent.class);
            activityDrawInstructions.put(BoundaryEvent.class, (canvas, model, node) -> {
                BoundaryEvent event = (BoundaryEvent) node;
                GraphicInfo label = model.getLabelGraphicInfo(event.getId());
                if (label == null || event.getEventDefinitions().size() != 1
                        || !(event.getEventDefinitions().get(0) instanceof TimerEventDefinition)) {
                    flowables.draw(canvas, model, node);
                    return;
                }
                canvas.drawCatchingTimerEvent(model.getGraphicInfo(event.getId()), event.isCancelActivity(), 1.0);
                canvas.drawLabel(event.getName(), label, false);
            });
        }
    }
}
