package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.Signature;
import java.time.LocalDate;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Puts the signed protocol into force (or the signed amendment, as version n+1) on the date of
 * the last signature (entrée en vigueur); the domain event is published after commit. Used by
 * the BPMN; not for applications.
 */
public final class EnterIntoForce implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Protocol before = Steps.load(execution);
        LocalDate date = before.negotiation().orElseThrow().signatures().stream().map(Signature::date)
                .max(LocalDate::compareTo).orElse(Steps.runtime().today());
        Protocol inForce = before.enterIntoForce(date, Steps.runtime().now(), Steps.actor());
        Steps.save(execution, before, inForce);
        Steps.audit(execution, NegotiationProcess.Audit.ENTRY_INTO_FORCE, inForce.state().name(), null,
                "version " + inForce.versionInForce().orElseThrow().number() + " on " + date);
    }
}
