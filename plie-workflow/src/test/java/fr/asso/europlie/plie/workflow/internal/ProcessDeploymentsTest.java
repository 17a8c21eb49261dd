package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the library's own processes, deployed without schema validation, are valid BPMN 2.0")
class ProcessDeploymentsTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ProcessDeploymentsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NegotiationProcess.RESOURCE, CommitmentProcess.RESOURCE, CommitmentProcess.Execution.RESOURCE,
            ProgrammingProcess.RESOURCE})
    @DisplayName("each library BPMN passes the BPMN 2.0 schema that Flowable checks, and a broken copy of it does not")
    void libraryBpmnIsSchemaValid(String name) throws IOException {
        byte[] bpmn = resource(name);
        assertThatCode(() -> new BpmnXMLConverter().validateModel(() -> new ByteArrayInputStream(bpmn))).doesNotThrowAnyException();
        byte[] broken = new String(bpmn, StandardCharsets.UTF_8).replaceFirst("<userTask ", "<userTask unknownAttribute=\"x\" ")
                .replaceFirst("<process ", "<process><notBpmn/></process><process ").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BpmnXMLConverter().validateModel(() -> new ByteArrayInputStream(broken)))
                .isInstanceOf(Exception.class);
    }
}
