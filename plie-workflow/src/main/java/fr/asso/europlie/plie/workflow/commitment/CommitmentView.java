package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.money.Money;
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
 * @param fseAsked the FSE+ amount the commitment was started for (asked by the operation, before any
 *     reservation or reduction), null when unknown (no commitment process ever ran for it)
 * @param simplifiedCostOptions the simplified cost options (options de coûts simplifiés) of the
 *     operation's last appraisal, as the instructor stated them, null before its first appraisal
 */
public record CommitmentView(OperationId operation, boolean running, String waitingStep, CommitmentStatus status,
        int agreementReminders, Money fseAsked, String simplifiedCostOptions) {

    /**
     * A view without the simplified cost options (the shape before they were added).
     *
     * @param operation the operation
     * @param running whether its process runs
     * @param waitingStep the user task it waits at, null when none
     * @param status where it stands in the ledger, null before its first reservation
     * @param agreementReminders how many times the operator was reminded to sign the agreement
     * @param fseAsked the FSE+ amount the commitment was started for, null when unknown
     */
    public CommitmentView(OperationId operation, boolean running, String waitingStep, CommitmentStatus status, int agreementReminders,
            Money fseAsked) {
        this(operation, running, waitingStep, status, agreementReminders, fseAsked, null);
    }

    /**
     * A view without the amount asked (the shape before it was added).
     *
     * @param operation the operation
     * @param running whether its process runs
     * @param waitingStep the user task it waits at, null when none
     * @param status where it stands in the ledger, null before its first reservation
     * @param agreementReminders how many times the operator was reminded to sign the agreement
     */
    public CommitmentView(OperationId operation, boolean running, String waitingStep, CommitmentStatus status, int agreementReminders) {
        this(operation, running, waitingStep, status, agreementReminders, null, null);
    }

    /**
     * The simplified cost options of the last appraisal, if the operation was appraised.
     *
     * @return the options
     */
    public Optional<String> simplifiedCostOptionsIfAppraised() {
        return Optional.ofNullable(simplifiedCostOptions);
    }

    /**
     * The FSE+ amount asked, if known.
     *
     * @return the amount
     */
    public Optional<Money> fseAskedIfKnown() {
        return Optional.ofNullable(fseAsked);
    }

    /**
     * The ledger status, if any.
     *
     * @return the status
     */
    public Optional<CommitmentStatus> ledgerStatus() {
        return Optional.ofNullable(status);
    }
}
