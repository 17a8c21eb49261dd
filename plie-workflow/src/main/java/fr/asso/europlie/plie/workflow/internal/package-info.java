/**
 * The library's internals (mécanique interne), <strong>not an API</strong>: the runtime shared by
 * the steps inside one Flowable engine, the command runner (one transaction per command, the actor
 * as Flowable's authenticated user, retries on conflicts), the engine's transaction and the JDBC
 * store that writes in it, the versioned schema scripts, the audit log writer, the bridge between
 * Flowable's clock and {@link java.time.Clock}, and the implementations of the typed services.
 *
 * <p>Public only because Java 17 without modules cannot share classes across packages otherwise.
 * Applications use {@link fr.asso.europlie.plie.workflow.PlieEngine}, its builder,
 * {@link fr.asso.europlie.plie.workflow.PlieConfigurator} and the typed services; these types may
 * change in any release. An architecture test keeps them out of every public signature of the
 * other packages.
 */
package fr.asso.europlie.plie.workflow.internal;
