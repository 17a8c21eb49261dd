/**
 * The annual programming approval (process B of PROCESSES.md): the typed facade
 * {@link fr.asso.europlie.plie.workflow.programming.ProgrammingApproval}, its values, and the thin
 * delegates of its BPMN process.
 */
package fr.asso.europlie.plie.workflow.programming;
