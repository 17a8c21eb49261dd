/**
 * The OI's commitment of FSE+ funds (engagement des crédits FSE+ par l'organisme intermédiaire,
 * PROCESSES.md C): where each operation asking for FSE+ stands
 * ({@link fr.asso.europlie.plie.workflow.commitment.CommitmentStatus}) and what the instructor does
 * when its envelope cannot cover the amount
 * ({@link fr.asso.europlie.plie.workflow.commitment.WhenUncovered}). The ledger itself is the
 * domain's {@link fr.asso.europlie.plie.funds.GlobalGrant}, kept in the engine's database.
 */
package fr.asso.europlie.plie.workflow.commitment;
