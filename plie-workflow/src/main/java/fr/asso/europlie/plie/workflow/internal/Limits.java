package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;

/**
 * The lengths the store keeps (limites), checked on a command's input before any work, so that
 * an over-long text is a refusal naming the field, the limit and the length
 * ({@code PLIE-WORKFLOW-011}), never a database failure half-way through a command.
 */
public final class Limits {

    /** How much of an over-long value the refusal shows. */
    private static final int SHOWN = 60;

    private Limits() {
    }

    /**
     * Refuses a text longer than a limit.
     *
     * @param value the text, may be null (nothing to check)
     * @param field the field's name, for the refusal
     * @param max the longest length kept
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-011}) when longer
     */
    public static void text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidValueException(WorkflowError.TOO_LONG, field, value.substring(0, SHOWN) + "…", max,
                    value.length());
        }
    }

    /**
     * Refuses an actor or a protocol id that the audit trail and the store cannot keep.
     *
     * @param actor the actor, may be null
     * @param id the protocol id, may be null
     */
    public static void identities(Actor actor, ProtocolId id) {
        if (actor != null) {
            text(actor.userId(), "actor.userId", AuditEntry.MAX_USER_ID);
            text(actor.organisation().value(), "actor.organisation", AuditEntry.MAX_ORGANISATION);
        }
        if (id != null) {
            text(id.value(), "protocolId", AuditEntry.MAX_PROTOCOL_ID);
        }
    }

    /**
     * Refuses a reason, a remark or a note longer than the audit trail keeps.
     *
     * @param value the text, may be null
     * @param field the field's name
     */
    public static void reason(String value, String field) {
        text(value, field, AuditEntry.MAX_REASON);
    }

    /**
     * Refuses a reference longer than the audit trail keeps.
     *
     * @param value the reference, may be null
     * @param field the field's name
     */
    public static void reference(String value, String field) {
        text(value, field, AuditEntry.MAX_REFERENCE);
    }
}
