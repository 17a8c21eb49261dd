package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Publishes the adopted programming and lists the approved operations asking for FSE+, each of which gets the FSE+ commitment message. Used by the BPMN; not for applications.
 */
public final class PublishProgramming implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        var record = ProgrammingSteps.load(execution);
        java.util.List<String> fse = ProgrammingSteps.fseOperations(record);
        execution.setVariable(ProgrammingProcess.Var.FSE_OPERATIONS, new java.util.ArrayList<>(fse));
        ProgrammingSteps.audit(execution, ProgrammingProcess.Audit.PUBLICATION, "PUBLISHED", null,
                record.programming().approved().size() + " approved, " + fse.size() + " asking for FSE+");
        ProgrammingSteps.event(execution, ProgrammingEvent.Kind.PUBLISHED, null, null, null);
    }
}
