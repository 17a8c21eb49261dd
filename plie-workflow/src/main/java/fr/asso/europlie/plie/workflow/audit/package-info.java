/**
 * The audit trail (piste d'audit): who did what, when, for which organisation, with which
 * outcome and why, for each protocol, written in the same transaction as the step it records.
 */
package fr.asso.europlie.plie.workflow.audit;
