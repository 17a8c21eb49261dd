package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one operation stands in the commitment, with the reason of its last outcome.
 *
 * @param operation the operation
 * @param grant the global grant it draws on
 * @param state its state
 * @param amount the amount reserved or committed (zero when waiting or refused), or asked
 * @param reason why, in French, never blank
 * @param at when
 */
public record CommitmentStatus(OperationId operation, GlobalGrantId grant, CommitmentState state, Money amount, String reason,
        Instant at) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException for a missing component
     * @throws IllegalArgumentException for a blank reason
     */
    public CommitmentStatus {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a commitment status says why");
        }
    }
}
