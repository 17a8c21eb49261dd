package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * At the appraisal deadline, records that it is overdue and tells the animation team; the instructor may still appraise. Used by the BPMN; not for applications.
 */
public final class RecordAppraisalOverdue implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String operation = (String) execution.getVariable(ProgrammingProcess.Var.OPERATION_ID);
        @SuppressWarnings("unchecked")
        String instructor = ((java.util.Map<String, String>) execution.getVariable(ProgrammingProcess.Var.INSTRUCTORS)).get(operation);
        ProgrammingSteps.audit(execution, ProgrammingProcess.Audit.OVERDUE, ProgrammingStep.APPRAISAL.name(), null,
                operation + " " + instructor);
        ProgrammingSteps.event(execution, ProgrammingEvent.Kind.APPRAISAL_OVERDUE, OperationId.of(operation), instructor, null);
    }
}
