package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.internal.ProgrammingSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;

/**
 * Sends the message {@link ProgrammingProcess#FSE_COMMITMENT_MESSAGE} for one approved operation
 * asking for FSE+: the listener of the BPMN's message throw event (Flowable does not send a
 * thrown message by itself). Used by the BPMN; not for applications.
 */
public final class RequestFseCommitment implements ExecutionListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void notify(DelegateExecution execution) {
        ProgrammingSteps.requestFseCommitment(execution,
                OperationId.of((String) execution.getVariable(ProgrammingProcess.Var.FSE_OPERATION)));
    }
}
