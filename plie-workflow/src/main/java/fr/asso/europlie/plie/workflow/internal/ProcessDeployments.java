package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the library's processes and an application's customised copies of them are deployed
 * (déploiement des processus).
 *
 * <p>The library deploys its own BPMN under the deployment key {@value #LIBRARY}, with duplicate
 * filtering, so that restarts and several nodes do not pile up versions. An application may
 * deploy a customised copy under the same process key (deployment key {@value #APPLICATION}
 * through {@code PlieEngine.deployCustomisedProcess}, or any other deployment of its own): the
 * newest version is the one new negotiations run. The library never deploys its own copy over
 * the application's: when the newest version of a process was deployed by anything else than
 * the library, the library leaves it in place, and warns when its own BPMN changed since it last
 * deployed it (a new release of the library: the application should merge the change into its
 * copy).
 */
public final class ProcessDeployments {

    /** The deployment key (and name) of the library's own processes. */
    public static final String LIBRARY = "plie-library";
    /** The deployment key of the customised copies that an application deploys through the facade. */
    public static final String APPLICATION = "plie-application";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployments.class);

    private ProcessDeployments() {
    }

    /**
     * Deploys a library process, unless an application's customised copy is its newest version.
     *
     * @param repository the engine's repository service, not null
     * @param processKey the process's key, not null
     * @param resource the classpath resource of the library's BPMN, not null
     */
    public static void deployLibrary(RepositoryService repository, String processKey, String resource) {
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionWithoutTenantId().latestVersion().singleResult();
        if (newest != null) {
            Deployment deployment = repository.createDeploymentQuery().deploymentId(newest.getDeploymentId())
                    .singleResult();
            if (deployment != null && !LIBRARY.equals(deployment.getKey())) {
                if (libraryCopyChanged(repository, deploymentName(processKey), resource)) {
                    LOG.warn("the library's process {} changed in this release, but the application's customised copy "
                            + "(version {}, deployment '{}') stays the one new negotiations run: merge the library's "
                            + "change into it", processKey, newest.getVersion(), deployment.getName());
                } else {
                    LOG.info("process {}: the application's customised copy (version {}, deployment '{}') is kept",
                            processKey, newest.getVersion(), deployment.getName());
                }
                return;
            }
        }
        // The library's own BPMN is checked against the BPMN 2.0 schema by its tests
        // (ProcessDeploymentsTest): validating it again at every start would parse each file twice
        // and load the schema each time. Flowable's process validation still runs.
        repository.createDeployment().name(deploymentName(processKey)).key(LIBRARY).addClasspathResource(resource)
                .enableDuplicateFiltering().disableSchemaValidation().deploy();
    }

    /**
     * The name of a library process's own deployments: Flowable's duplicate filtering compares a
     * deployment with the last one of the same name, so each process has its own. The negotiation
     * keeps the name its deployments had before there were several processes, so that an upgraded
     * database does not get a needless new version of it.
     */
    private static String deploymentName(String processKey) {
        return NegotiationProcess.KEY.equals(processKey) ? LIBRARY : LIBRARY + " " + processKey;
    }

    /** Whether the library's BPMN differs from the one it deployed last (true when it never did). */
    private static boolean libraryCopyChanged(RepositoryService repository, String name, String resource) {
        List<Deployment> last = repository.createDeploymentQuery().deploymentKey(LIBRARY).deploymentName(name)
                .orderByDeploymentTime().desc().listPage(0, 1);
        if (last.isEmpty()) {
            return true;
        }
        try (InputStream deployed = repository.getResourceAsStream(last.get(0).getId(), resource);
                InputStream current = ProcessDeployments.class.getClassLoader().getResourceAsStream(resource)) {
            return current == null || !Arrays.equals(deployed.readAllBytes(), current.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Deploys an application's customised copy of a library process, after checking that it keeps
     * every element the library's code relies on: the process key, the user tasks of the library's
     * steps, the delegates of its service tasks and the BPMN errors its boundary events catch.
     * An unchanged copy is not deployed again.
     *
     * @param repository the engine's repository service, not null
     * @param tenantId the tenant of the plan the copy is for (empty for the default plan, whose copy
     *     every plan without its own runs), not null
     * @param processKey the library process's key, not null
     * @param libraryResource the classpath resource of the library's BPMN, not null
     * @param resourceName the customised copy's file name, ending in {@code .bpmn20.xml}
     * @param bpmn the customised copy, not null
     * @return the version of the process that new negotiations now run
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-022}) when the file is not a readable
     *     BPMN defining that process, ({@code -023}) when it lost elements the library relies on
     */
    public static int deployCustomised(RepositoryService repository, String tenantId, String processKey,
            String libraryResource, String resourceName, byte[] bpmn) {
        BpmnModel customised = parse(bpmn);
        if (customised == null || customised.getProcessById(processKey) == null) {
            throw new InvalidValueException(WorkflowError.NOT_A_LIBRARY_PROCESS, "bpmn", resourceName, processKey);
        }
        byte[] library;
        try (InputStream in = ProcessDeployments.class.getClassLoader().getResourceAsStream(libraryResource)) {
            library = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> missing = new TreeSet<>(reliedOn(parse(library), processKey));
        missing.removeAll(reliedOn(customised, processKey));
        if (!missing.isEmpty()) {
            throw new InvalidValueException(WorkflowError.LIBRARY_ELEMENTS_MISSING, "bpmn", resourceName,
                    String.join(", ", missing));
        }
        DeploymentBuilder builder = repository.createDeployment().name(APPLICATION + " " + resourceName).key(APPLICATION)
                .addBytes(resourceName, bpmn).enableDuplicateFiltering();
        if (!tenantId.isEmpty()) {
            builder.tenantId(tenantId);
        }
        Deployment deployment = builder.deploy();
        return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).processDefinitionKey(processKey)
                .singleResult().getVersion();
    }

    private static BpmnModel parse(byte[] bpmn) {
        try {
            return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(bpmn), true, false);
        } catch (RuntimeException unreadable) {
            LOG.debug("not a readable BPMN file", unreadable);
            return null;
        }
    }

    /** The elements of a process that the library's code names. */
    private static List<String> reliedOn(BpmnModel model, String processKey) {
        Process process = model.getProcessById(processKey);
        List<String> elements = new ArrayList<>();
        process.findFlowElementsOfType(UserTask.class).forEach(task -> elements.add("userTask " + task.getId()));
        process.findFlowElementsOfType(ServiceTask.class).forEach(task -> elements.add("delegate " + task.getImplementation()));
        for (BoundaryEvent boundary : process.findFlowElementsOfType(BoundaryEvent.class)) {
            boundary.getEventDefinitions().stream().filter(ErrorEventDefinition.class::isInstance)
                    .map(error -> ((ErrorEventDefinition) error).getErrorCode())
                    .forEach(ref -> elements.add("error " + model.getErrors().getOrDefault(ref, ref)));
        }
        return elements;
    }
}
