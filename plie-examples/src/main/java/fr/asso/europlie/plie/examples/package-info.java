/**
 * Runnable examples (exemples): the main job, which negotiates the protocol of the PLIE du Grand
 * Périgueux through every stage until it is in force
 * ({@link fr.asso.europlie.plie.examples.ProtocolNegotiationScenario}), and the command that draws
 * the processes' diagrams ({@link fr.asso.europlie.plie.examples.ProcessDiagram}).
 */
package fr.asso.europlie.plie.examples;
