/**
 * The negotiation of a protocol (négociation du protocole) and of its amendments (avenants):
 * the BPMN process {@code protocol-negotiation.bpmn20.xml}, its typed service
 * {@link fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation} with one method per step,
 * the names the diagram and the code share
 * ({@link fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess}), and the thin delegates
 * of its automatic steps.
 */
package fr.asso.europlie.plie.workflow.negotiation;
