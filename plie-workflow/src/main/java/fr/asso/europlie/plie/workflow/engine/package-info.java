/**
 * The engine's internals (mécanique du moteur): the runtime shared by the steps inside one
 * Flowable engine, the command runner (one transaction per command, the actor as Flowable's
 * authenticated user, retries on conflicts) and the bridge between Flowable's clock and
 * {@link java.time.Clock}. Public only because the facade and the delegates live in other
 * packages; applications do not use it.
 */
package fr.asso.europlie.plie.workflow.engine;
