package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.offer.OperationId;
import java.util.Optional;

/**
 * An operation's commitment as its actors see it.
 *
 * @param operation the operation
 * @param running whether its process runs
 * @param waitingStep the user task it waits at ({@link CommitmentProcess.Task}), null when none
 * @param status where it stands in the ledger, null before its first reservation
 * @param agreementReminders how many times the operator was reminded to sign the agreement
 */
public record CommitmentView(OperationId operation, boolean running, String waitingStep, CommitmentStatus status,
        int agreementReminders) {

    /**
     * The ledger status, if any.
     *
     * @return the status
     */
    public Optional<CommitmentStatus> ledgerStatus() {
        return Optional.ofNullable(status);
    }
}
