package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Reminds the instructor of an appraisal not done yet (relance). Used by the BPMN; not for applications.
 */
public final class SendAppraisalReminder implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String operation = (String) execution.getVariable(ProgrammingProcess.Var.OPERATION_ID);
        @SuppressWarnings("unchecked")
        String instructor = ((java.util.Map<String, String>) execution.getVariable(ProgrammingProcess.Var.INSTRUCTORS)).get(operation);
        ProgrammingSteps.audit(execution, ProgrammingProcess.Audit.REMINDER, ProgrammingStep.APPRAISAL.name(), null,
                operation + " " + instructor);
        ProgrammingSteps.event(execution, ProgrammingEvent.Kind.APPRAISAL_REMINDER, OperationId.of(operation), instructor, null);
    }
}
