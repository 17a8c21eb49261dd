package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * At the call's closing date, closes it (the animation team did not close it by hand). Used by the BPMN; not for applications.
 */
public final class CloseCallAtDeadline implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ProgrammingSteps.closeAtDeadline(execution);
    }
}
