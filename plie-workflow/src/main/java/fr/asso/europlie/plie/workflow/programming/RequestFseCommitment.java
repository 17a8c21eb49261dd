package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Sends the message {@link ProgrammingProcess#FSE_COMMITMENT_MESSAGE} for one approved operation
 * asking for FSE+ (the multi-instance service task of the publication; Flowable has no executable
 * message throw event). Used by the BPMN; not for applications.
 */
public final class RequestFseCommitment implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ProgrammingSteps.requestFseCommitment(execution,
                OperationId.of((String) execution.getVariable(ProgrammingProcess.Var.FSE_OPERATION)));
    }
}
