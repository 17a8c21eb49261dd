package fr.asso.europlie.plie.workflow.internal;

import org.junit.jupiter.api.DisplayName;

/**
 * Script {@code V020}: the participant's document (the cohort's store) kept in its row on H2 (a
 * {@code CHARACTER VARYING} instead of a {@code CLOB}), on a fresh database and on one the previous
 * release migrated (up to {@code V019}) and wrote to; the column stays {@code TEXT} on PostgreSQL;
 * any text reads back as it was written, up to the longest document the reader accepts by default.
 * Rows inserted after the upgrade are numbered by the same {@code seq} identity: had the upgrade
 * restarted it, their inserts would break the unique order index of the rows inserted before.
 */
@DisplayName("the participant's document kept in its row on H2 (script V020)")
class ParticipantDocumentInlineTest extends InlineDocumentColumnTest {

    @Override
    String table() {
        return "plie_participant";
    }

    @Override
    int script() {
        return 20;
    }

    @Override
    String insert() {
        return "INSERT INTO plie_participant (plan_id, id, revision, is_open, document, updated_at) VALUES ('default', ?, 1, TRUE, ?, ?)";
    }
}
