package fr.asso.europlie.plie.cohort.csv;

import java.util.Arrays;
import java.util.List;

/**
 * The list cells of the CSV files ({@code 2024-01-02:R1|2024-03-01:R2}): items separated by
 * {@code |}, parts by {@code :}. A part that holds {@code |}, {@code :}, {@code \} or surrounding
 * spaces has them escaped with {@code \}, so that every identifier the model accepts is written
 * and read back unchanged; unescaped spaces around a part are ignored.
 */
final class ListCells {

    private ListCells() {
    }

    /** A part as written: separators, backslashes and surrounding spaces escaped. */
    static String escape(Object part) {
        String text = String.valueOf(part);
        StringBuilder out = new StringBuilder(text.length() + 4);
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '|' || c == ':' || (Character.isWhitespace(c) && (i == 0 || i == last))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Splits at each separator that is not escaped; the pieces keep their escapes. The separators are
     * counted first, so that the pieces go to an array of the right size.
     */
    static List<String> split(String text, char separator) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                count++;
            }
        }
        if (count == 1) {
            return List.of(text);
        }
        String[] pieces = new String[count];
        int piece = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                pieces[piece++] = text.substring(from, i);
                from = i + 1;
            }
        }
        pieces[piece] = text.substring(from);
        return Arrays.asList(pieces);
    }

    /** What is done with each item of a list cell. */
    interface ItemReader {
        /**
         * One item.
         *
         * @param cell the whole cell
         * @param from where the item starts in the cell
         * @param to where it ends
         * @param parts its parts, as {@link #parts} gives them
         */
        void item(String cell, int from, int to, String[] parts);
    }

    /**
     * Reads a list cell's items, in order, each with its parts: the items and parts of
     * {@link #split} at {@code |} and {@link #parts}. A cell without escape (nearly every one) is cut
     * in one pass, each part stripped of the spaces around it, without a string or a list per item.
     */
    static void items(String cell, ItemReader reader) {
        if (cell.indexOf('\\') >= 0) {
            for (String item : split(cell, '|')) {
                reader.item(item, 0, item.length(), parts(item));
            }
            return;
        }
        int from = 0;
        while (true) {
            int bar = cell.indexOf('|', from);
            int to = bar < 0 ? cell.length() : bar;
            int count = 1;
            for (int i = from; i < to; i++) {
                if (cell.charAt(i) == ':') {
                    count++;
                }
            }
            String[] parts = new String[count];
            int start = from;
            for (int p = 0; p < count; p++) {
                int end = p == count - 1 ? to : cell.indexOf(':', start);
                int a = start;
                int b = end;
                while (a < b && Character.isWhitespace(cell.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(cell.charAt(b - 1))) {
                    b--;
                }
                parts[p] = cell.substring(a, b);
                start = end + 1;
            }
            reader.item(cell, from, to, parts);
            if (bar < 0) {
                return;
            }
            from = bar + 1;
        }
    }

    /** The parts of an item, unescaped, with unescaped surrounding spaces removed. */
    static String[] parts(String item) {
        List<String> pieces = split(item, ':');
        String[] parts = new String[pieces.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = unescape(pieces.get(i));
        }
        return parts;
    }

    /** A piece read back: unescaped surrounding spaces removed, escapes undone. */
    static String unescape(String piece) {
        int start = 0;
        int end = piece.length();
        while (start < end && Character.isWhitespace(piece.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(piece.charAt(end - 1)) && !(end - 2 >= start && piece.charAt(end - 2) == '\\')) {
            end--;
        }
        int escape = piece.indexOf('\\', start);
        if (escape < 0 || escape >= end) {
            return start == 0 && end == piece.length() ? piece : piece.substring(start, end); // nothing escaped: nearly every piece
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = piece.charAt(i);
            if (c == '\\' && i + 1 < end) {
                i++;
                c = piece.charAt(i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
