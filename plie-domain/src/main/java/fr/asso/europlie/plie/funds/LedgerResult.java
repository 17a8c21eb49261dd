package fr.asso.europlie.plie.funds;

import java.util.List;

/**
 * The result of a ledger command (résultat): the global grant after it, the movements it made,
 * and whether it was a retry answered with the earlier result.
 *
 * @param grant the global grant after the command (the same instance for a retry)
 * @param movements the movements the command made, copied
 * @param replayed true when the command had already been applied under its idempotency key
 */
public record LedgerResult(GlobalGrant grant, List<Movement> movements, boolean replayed) {

    /** Copies the movements. */
    public LedgerResult {
        movements = List.copyOf(movements);
    }
}
