/**
 * The FSE+ funds managed by the intermediate body (les fonds FSE+ gérés par l'organisme
 * intermédiaire): the {@link fr.asso.europlie.plie.funds.GlobalGrant global grant} (subvention
 * globale) with its envelopes by priority, specific objective and year and its idempotent ledger
 * (reservation, release, commitment, payments, decommitment), the
 * {@link fr.asso.europlie.plie.funds.GrantAgreement grant agreements} (conventions) with their
 * amendments, the {@link fr.asso.europlie.plie.funds.ExecutionReportSchedule execution report
 * schedule} (bilans d'exécution) and the {@link fr.asso.europlie.plie.funds.ServiceDoneCheck
 * service-done check} (contrôle de service fait), RULES.md section 4 and PROCESSES.md C.
 */
package fr.asso.europlie.plie.funds;
