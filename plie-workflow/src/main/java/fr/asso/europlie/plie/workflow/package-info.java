/**
 * The PLIE workflow engine (moteur de workflow): the facade an application embeds
 * ({@link fr.asso.europlie.plie.workflow.PlieEngine}, or
 * {@link fr.asso.europlie.plie.workflow.PlieConfigurator} for an application's own Flowable
 * engine), who acts ({@link fr.asso.europlie.plie.workflow.Actor},
 * {@link fr.asso.europlie.plie.workflow.Role}), the settings of deadlines and limits, the
 * listeners of domain events and reminders, and the workflow's error codes
 * ({@code PLIE-WORKFLOW-NNN}).
 */
package fr.asso.europlie.plie.workflow;
