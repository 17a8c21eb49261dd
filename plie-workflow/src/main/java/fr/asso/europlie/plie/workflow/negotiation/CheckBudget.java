package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.budget.ProtocolBudget;
import org.flowable.engine.delegate.BpmnError;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Checks that the negotiated budget balances (resources = planned expenses) once every funder
 * confirmed its contribution (contrôle de l'équilibre); if not, BPMN error
 * {@value NegotiationProcess.Errors#BUDGET_UNBALANCED} sends the text back to consolidation.
 * Used by the BPMN; not for applications.
 */
public final class CheckBudget implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        ProtocolBudget budget = Steps.negotiated(Steps.load(execution)).budget();
        String figures = "resources " + budget.totalResources() + ", expenses " + budget.totalExpenses();
        if (!budget.isBalanced()) {
            Steps.audit(execution, NegotiationProcess.Audit.BUDGET_CHECK, "UNBALANCED", figures, null);
            throw new BpmnError(NegotiationProcess.Errors.BUDGET_UNBALANCED, "the budget does not balance: " + figures);
        }
        Steps.audit(execution, NegotiationProcess.Audit.BUDGET_CHECK, "BALANCED", figures, null);
    }
}
