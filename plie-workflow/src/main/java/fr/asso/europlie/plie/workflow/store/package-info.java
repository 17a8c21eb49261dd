/**
 * The store (stockage): the domain's aggregates kept on the engine's own database and in the
 * engine's own transaction ({@link fr.asso.europlie.plie.workflow.store.JdbcProtocols}), with
 * optimistic locking on a revision, and the versioned scripts that create and upgrade its tables
 * on H2 and PostgreSQL ({@link fr.asso.europlie.plie.workflow.store.SchemaMigrations}).
 */
package fr.asso.europlie.plie.workflow.store;
