package fr.asso.europlie.plie.workflow.internal;

import java.io.IOException;
import java.io.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A long text column read against a text already known (texte déjà connu): whether the stored
 * text is that one, character for character, without building the stored text when it is.
 *
 * <p>A store that keeps the last document it read or wrote asks, on each read, whether the row
 * still holds that document. On a character large object (H2's {@code CLOB}) the text is compared
 * as it is streamed, a few thousand characters at a time, instead of being decoded whole into a new
 * string only to be found equal; on any other column type (PostgreSQL's {@code TEXT}, whose driver
 * holds the text already) it is read as a string and compared.
 */
final class StoredText {

    /** How many characters are compared at a time. */
    private static final int CHUNK = 2048;

    private StoredText() {
    }

    /**
     * The stored text of a column of the current row, or null when it is, character for
     * character, the known text.
     *
     * @param rows the result set, on a row
     * @param column the column's index, a non-null text column
     * @param known the text the caller knows, not null
     * @return null when the stored text equals {@code known}; otherwise the stored text, whole
     * @throws SQLException when the database fails, or the stream cannot be read
     */
    static String unlessEqual(ResultSet rows, int column, String known) throws SQLException {
        if (rows.getMetaData().getColumnType(column) != Types.CLOB) {
            String text = rows.getString(column);
            return known.equals(text) ? null : text;
        }
        try (Reader reader = rows.getCharacterStream(column)) {
            char[] chunk = new char[CHUNK];
            int matched = 0;
            while (true) {
                int read = reader.read(chunk, 0, CHUNK);
                if (read < 0) {
                    // The stored text ended: equal if the known one ends there too, else its prefix.
                    return matched == known.length() ? null : known.substring(0, matched);
                }
                int same = 0;
                while (same < read && matched + same < known.length() && chunk[same] == known.charAt(matched + same)) {
                    same++;
                }
                if (same < read) {
                    // Differs here (or goes on after the known text): the stored text is the matched
                    // prefix, this chunk and the rest of the stream.
                    StringBuilder text = new StringBuilder(Math.max(known.length(), matched + read) + CHUNK);
                    text.append(known, 0, matched).append(chunk, 0, read);
                    for (int more = reader.read(chunk, 0, CHUNK); more >= 0; more = reader.read(chunk, 0, CHUNK)) {
                        text.append(chunk, 0, more);
                    }
                    return text.toString();
                }
                matched += read;
            }
        } catch (IOException e) {
            throw new SQLException("read the text of column " + column, e);
        }
    }
}
