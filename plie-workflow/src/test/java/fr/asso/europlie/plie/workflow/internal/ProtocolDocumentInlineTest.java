package fr.asso.europlie.plie.workflow.internal;

import org.junit.jupiter.api.DisplayName;

/**
 * Script {@code V018}: the protocol's document kept in its row on H2 (a {@code CHARACTER VARYING}
 * instead of a {@code CLOB}), on a fresh database and on one the previous release migrated (up to
 * {@code V017}) and wrote to; the column stays {@code TEXT} on PostgreSQL; any text reads back as
 * it was written, up to the longest document the reader accepts by default.
 */
@DisplayName("the protocol's document kept in its row on H2 (script V018)")
class ProtocolDocumentInlineTest extends InlineDocumentColumnTest {

    @Override
    String table() {
        return "plie_protocol";
    }

    @Override
    int script() {
        return 18;
    }

    @Override
    String insert() {
        return "INSERT INTO plie_protocol (plan_id, id, revision, state, document, updated_at) VALUES ('default', ?, 1, 'DRAFT', ?, ?)";
    }
}
