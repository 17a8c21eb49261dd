package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Reminds the Département of the PTI markings not done yet (relance). Used by the BPMN; not for applications.
 */
public final class SendPtiReminder implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String department = (String) execution.getVariable(ProgrammingProcess.Var.DEPARTMENT);
        ProgrammingSteps.audit(execution, ProgrammingProcess.Audit.REMINDER, ProgrammingStep.PTI_MARKING.name(), null, department);
        ProgrammingSteps.event(execution, ProgrammingEvent.Kind.PTI_REMINDER, null, department, null);
    }
}
