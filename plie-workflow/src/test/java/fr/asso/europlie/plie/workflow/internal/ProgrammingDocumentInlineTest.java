package fr.asso.europlie.plie.workflow.internal;

import org.junit.jupiter.api.DisplayName;

/**
 * Script {@code V019}: the programming's document (process B) kept in its row on H2 (a
 * {@code CHARACTER VARYING} instead of a {@code CLOB}), on a fresh database and on one the previous
 * release migrated (up to {@code V018}) and wrote to; the column stays {@code TEXT} on PostgreSQL;
 * any text reads back as it was written, up to the longest document the reader accepts by default.
 */
@DisplayName("the programming's document kept in its row on H2 (script V019)")
class ProgrammingDocumentInlineTest extends InlineDocumentColumnTest {

    @Override
    String table() {
        return "plie_programming";
    }

    @Override
    int script() {
        return 19;
    }

    @Override
    String insert() {
        return "INSERT INTO plie_programming (plan_id, id, revision, state, document, operators, settings, updated_at) "
                + "VALUES ('default', ?, 1, 'OPEN', ?, '[]', '{}', ?)";
    }
}
