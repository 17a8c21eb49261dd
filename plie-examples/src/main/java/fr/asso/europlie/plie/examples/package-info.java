/**
 * Runnable examples (exemples): the main job, one year of the PLIE du Grand Périgueux end to end
 * with its report ({@link fr.asso.europlie.plie.examples.PlanYearScenario}: protocol, programming,
 * FSE+ commitment, cohort, report as text, JSON, CSV and HTML); its first stage on its own, the
 * negotiation of the protocol until it is in force
 * ({@link fr.asso.europlie.plie.examples.ProtocolNegotiationScenario}); and the command that draws
 * the processes' diagrams ({@link fr.asso.europlie.plie.examples.ProcessDiagram}).
 */
package fr.asso.europlie.plie.examples;
