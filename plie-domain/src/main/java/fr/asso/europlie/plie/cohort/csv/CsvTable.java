package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file: its header and its rows, each with the line where it starts. Fields are
 * separated by {@code ;} or {@code ,} (the one the header uses most), may be quoted with
 * {@code "} (a quote inside doubled), and may then hold separators and line breaks. A leading
 * byte-order mark is ignored. Unquoted fields are stripped of surrounding spaces; quoted fields
 * are kept as written. A file beyond its {@link CsvLimits}, or whose header names a column twice,
 * is refused as a whole ({@link #fatal}).
 */
final class CsvTable {

    final String file;
    final char delimiter;
    final List<String> header;
    final Map<String, Integer> columns = new HashMap<>();
    final List<Row> rows;
    final List<Violation> problems = new ArrayList<>();
    /** Whether nothing can be read from the file: a limit exceeded, a column missing or named twice. */
    boolean fatal;

    /**
     * One record of the file: its line and its fields. A field cut from a plain line (no quote, no
     * carriage return: nearly every field) is kept as where it lies in the file's text, stripped, and
     * becomes a string only when it is asked as text ({@link #value}); the typed readers
     * ({@link Cells}) read dates, numbers, booleans and enumerations in place. The fields as strings
     * are the same either way.
     */
    static final class Row {
        private final int line;
        /** The file's text, which the plain fields lie in. */
        private final String text;
        /** The fields made strings so far (quoted or copied ones, empty ones, plain ones asked); null for a plain field not yet asked. */
        private final String[] values;
        /** For each field, where its stripped text starts and ends in {@link #text} (two entries a field); null when none is plain. */
        private final int[] bounds;

        Row(int line, String[] values) {
            this(line, null, values, null);
        }

        private Row(int line, String text, String[] values, int[] bounds) {
            this.line = line;
            this.text = text;
            this.values = values;
            this.bounds = bounds;
        }

        /** The line where the record starts. */
        int line() {
            return line;
        }

        /** The fields, as a list (unmodifiable). */
        List<String> fields() {
            String[] all = new String[values.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = value(i);
            }
            return Collections.unmodifiableList(Arrays.asList(all));
        }

        int size() {
            return values.length;
        }

        /** A field as a string. */
        String value(int i) {
            String value = values[i];
            if (value == null) {
                value = text.substring(bounds[2 * i], bounds[2 * i + 1]);
                values[i] = value;
            }
            return value;
        }

        /** Whether a field lies in the text as a plain field not made a string: then {@link #start} and {@link #end} say where. */
        boolean inText(int i) {
            return values[i] == null;
        }

        int start(int i) {
            return bounds[2 * i];
        }

        int end(int i) {
            return bounds[2 * i + 1];
        }

        /** The file's text, where the fields {@link #inText} lie. */
        String text() {
            return text;
        }

        /** Whether a field is blank: empty or spaces only. */
        boolean isBlank(int i) {
            return values[i] != null && values[i].isBlank(); // a plain field is never blank
        }
    }

    private CsvTable(String file, char delimiter, List<String> header, int records) {
        this.file = file;
        this.rows = new ArrayList<>(records);
        this.delimiter = delimiter;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (columns.putIfAbsent(name, i) != null && !name.isEmpty()) {
                problems.add(Violation.of(CohortError.DUPLICATE_COLUMN, file + "[1]", name));
                fatal = true;
            }
        }
    }

    static CsvTable parse(String file, String text, List<String> requiredColumns, CsvLimits limits) {
        if (text.length() > limits.maxFileLength()) {
            CsvTable refused = new CsvTable(file, ';', List.of(), 0);
            refused.refuse(file, text.length(), limits.maxFileLength(), "maxFileLength");
            return refused;
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int endOfHeader = content.indexOf('\n');
        String headerLine = endOfHeader < 0 ? content : content.substring(0, endOfHeader);
        char delimiter = count(headerLine, ';') >= count(headerLine, ',') ? ';' : ',';
        List<Violation> tooLarge = new ArrayList<>();
        List<Row> records = split(file, content, delimiter, limits, tooLarge);
        List<String> header = records.isEmpty() ? List.of() : records.get(0).fields();
        CsvTable table = new CsvTable(file, delimiter, header, records.size());
        if (!tooLarge.isEmpty()) {
            table.problems.addAll(tooLarge);
            table.fatal = true;
            return table;
        }
        for (String column : requiredColumns) {
            if (!table.columns.containsKey(column)) {
                table.problems.add(Violation.of(CohortError.MISSING_COLUMN, file + "[1]", column));
                table.fatal = true;
            }
        }
        for (int i = 1; i < records.size(); i++) {
            Row row = records.get(i);
            if (row.size() == 1 && row.isBlank(0)) {
                continue;
            }
            if (row.size() != header.size()) {
                table.problems.add(Violation.of(CohortError.MALFORMED, file + "[" + row.line() + "]", row.size() + " fields",
                        header.size() + " fields"));
                continue;
            }
            table.rows.add(row);
        }
        return table;
    }

    private void refuse(String at, Object found, Object limit, String setting) {
        problems.add(Violation.of(CohortError.LIMIT_EXCEEDED, at, found, limit, CsvLimits.PROPERTY_PREFIX + setting));
        fatal = true;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * Splits the text into records; stops at the first limit exceeded, recording it in
     * {@code tooLarge}, so that the work stays proportional to the limits. A field without quote or
     * carriage return (nearly all of them) is cut out of the text at its end instead of being copied
     * character by character, and its plain characters are passed over in one tight loop (with the
     * same length check as one by one). The fields of a record go to an array reused from one
     * record to the next.
     */
    private static List<Row> split(String file, String text, char delimiter, CsvLimits limits, List<Violation> tooLarge) {
        List<Row> records = new ArrayList<>(lineBreaks(text, limits.maxRows()) + 1);
        Fields fields = new Fields();
        Field field = new Field(text);
        int maxCellLength = limits.maxCellLength();
        int maxColumns = limits.maxColumns();
        int maxRows = limits.maxRows();
        int length = text.length();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        // where the next quote and carriage return are, or the text's length when there is none: a line
        // without either (nearly every line) is cut at its delimiters found with indexOf
        int nextQuote = -1;
        int nextReturn = -1;
        for (int i = 0; i < length; i++) {
            if (!quoted && !any && field.copy == null) {
                // at the start of a record
                int lineEnd = text.indexOf('\n', i);
                if (nextQuote < i) {
                    nextQuote = indexOr(text, '"', i, length);
                }
                if (nextReturn < i) {
                    nextReturn = indexOr(text, '\r', i, length);
                }
                if (lineEnd >= 0 && nextQuote > lineEnd && nextReturn > lineEnd) {
                    // the same fields, checks and problems, in the same order, as the loop below gives the line
                    int from = i;
                    while (true) {
                        int end = text.indexOf(delimiter, from);
                        if (end < 0 || end > lineEnd) {
                            end = lineEnd;
                        }
                        if (end - from > maxCellLength) {
                            tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxCellLength,
                                    maxCellLength, CsvLimits.PROPERTY_PREFIX + "maxCellLength"));
                            return records;
                        }
                        fields.addPlain(text, from, end);
                        if (end == lineEnd) {
                            break;
                        }
                        if (fields.size() >= maxColumns) {
                            tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxColumns,
                                    maxColumns, CsvLimits.PROPERTY_PREFIX + "maxColumns"));
                            return records;
                        }
                        from = end + 1;
                    }
                    records.add(fields.takeRow(start, text));
                    line++;
                    start = line;
                    field.start = lineEnd + 1;
                    if (records.size() > maxRows) {
                        tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxRows,
                                maxRows, CsvLimits.PROPERTY_PREFIX + "maxRows"));
                        return records;
                    }
                    i = lineEnd;
                    continue;
                }
            }
            char c = text.charAt(i);
            any = true;
            if (field.length(i) > maxCellLength) {
                tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxCellLength,
                        maxCellLength, CsvLimits.PROPERTY_PREFIX + "maxCellLength"));
                return records;
            }
            if (quoted) {
                if (c == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
                    field.copy.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.copy.append(c);
                }
            } else if (c == '"') {
                field.copyUpTo(i);
                quoted = true;
                field.wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.finish(i));
                if (fields.size() >= maxColumns) {
                    tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxColumns,
                            maxColumns, CsvLimits.PROPERTY_PREFIX + "maxColumns"));
                    return records;
                }
            } else if (c == '\r') {
                field.copyUpTo(i);
            } else if (c == '\n') {
                fields.add(field.finish(i));
                records.add(new Row(start, fields.take()));
                any = false;
                line++;
                start = line;
                if (records.size() > maxRows) {
                    tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxRows,
                            maxRows, CsvLimits.PROPERTY_PREFIX + "maxRows"));
                    return records;
                }
            } else if (field.copy != null) {
                field.copy.append(c);
            } else {
                // a plain character of a field read in place: go straight to the next character that matters
                int next = i + 1;
                while (next < length) {
                    char d = text.charAt(next);
                    if (d == delimiter || d == '\n' || d == '\r' || d == '"') {
                        break;
                    }
                    next++;
                }
                // the length check of each character passed over: the last one's is the longest
                if (field.length(next - 1) > maxCellLength) {
                    tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + maxCellLength,
                            maxCellLength, CsvLimits.PROPERTY_PREFIX + "maxCellLength"));
                    return records;
                }
                i = next - 1;
            }
        }
        if (any) {
            fields.add(field.finish(length));
            records.add(new Row(start, fields.take()));
        }
        return records;
    }

    /**
     * The line breaks of a text, counting at most {@code most}: the records' list is sized once from it
     * (a record holds at least one line), instead of grown and copied as a large file is read.
     */
    private static int lineBreaks(String text, int most) {
        int count = 0;
        for (int at = text.indexOf('\n'); at >= 0 && count < most; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        return count;
    }

    /** The index of a character from {@code from}, or {@code none} when the text has none. */
    private static int indexOr(String text, char c, int from, int none) {
        int index = text.indexOf(c, from);
        return index < 0 ? none : index;
    }

    /**
     * The fields of the record being read, in arrays reused from one record to the next: each field
     * either a string, or (a plain field of a line cut with {@code indexOf}) where its stripped text lies.
     */
    private static final class Fields {
        private String[] values = new String[16];
        private int[] bounds = new int[32];
        private int size;
        /** Whether a field of the record lies in the text. */
        private boolean anyPlain;

        void add(String value) {
            if (size == values.length) {
                grow();
            }
            values[size++] = value;
        }

        /**
         * Adds the field between {@code from} and {@code end} in the text, stripped as {@link String#strip()}
         * does (the same characters: {@link Character#isWhitespace}; no whitespace lies outside the basic plane).
         */
        void addPlain(String text, int from, int end) {
            while (from < end && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (from == end) {
                add("");
                return;
            }
            if (size == values.length) {
                grow();
            }
            values[size] = null;
            bounds[2 * size] = from;
            bounds[2 * size + 1] = end;
            size++;
            anyPlain = true;
        }

        private void grow() {
            values = Arrays.copyOf(values, size * 2);
            bounds = Arrays.copyOf(bounds, size * 4);
        }

        int size() {
            return size;
        }

        /** The record's fields; the next record starts empty. */
        String[] take() {
            String[] taken = Arrays.copyOf(values, size);
            size = 0;
            anyPlain = false;
            return taken;
        }

        /** The record, its plain fields lying in the text; the next record starts empty. */
        Row takeRow(int line, String text) {
            if (!anyPlain) {
                return new Row(line, take());
            }
            int[] where = Arrays.copyOf(bounds, 2 * size);
            return new Row(line, text, take(), where);
        }
    }

    /**
     * The field being read: while it has no quote and no carriage return, only where it starts in the
     * text; from the first one, a copy of what was read (quotes undone, carriage returns left out).
     */
    private static final class Field {
        final String text;
        final StringBuilder builder = new StringBuilder();
        /** The copy, or null while the field is the text from {@link #start}. */
        StringBuilder copy;
        int start;
        boolean wasQuoted;

        Field(String text) {
            this.text = text;
        }

        /** The length read so far, {@code at} being the index of the next character. */
        int length(int at) {
            return copy == null ? at - start : copy.length();
        }

        /** Switches to a copy, holding the characters read so far. */
        void copyUpTo(int at) {
            if (copy == null) {
                copy = builder;
                copy.append(text, start, at);
            }
        }

        /** The field as read, ending before {@code at}: an unquoted one stripped of surrounding spaces, a quoted one as written. */
        String finish(int at) {
            String value;
            if (copy == null) {
                value = text.substring(start, at);
            } else {
                value = copy.toString();
                copy.setLength(0);
                copy = null;
            }
            start = at + 1;
            boolean keep = wasQuoted;
            wasQuoted = false;
            return keep ? value : value.strip();
        }
    }

    String value(Row row, String column) {
        int index = index(column);
        if (index < 0) {
            return null;
        }
        if (row.inText(index)) {
            return row.value(index); // a plain field: stripped, not empty
        }
        String value = row.value(index);
        return value.isBlank() ? null : value;
    }

    /**
     * The column names looked up so far and their indexes, by identity, in an open-addressing table:
     * the readers ask with the same constants row after row, so after the first row every look-up is
     * found here (a name asked twice as different instances takes two slots, and a full table falls
     * back to the header's map).
     */
    private final String[] cachedNames = new String[256];
    private final int[] cachedIndexes = new int[256];
    private int cached;

    /** The index of a column, or -1 when the header does not name it. */
    int index(String column) {
        int mask = cachedNames.length - 1;
        int slot = System.identityHashCode(column) & mask;
        while (true) {
            String name = cachedNames[slot];
            if (name == column) {
                return cachedIndexes[slot];
            }
            if (name == null) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        Integer index = columns.get(column);
        int found = index == null ? -1 : index;
        if (cached < cachedNames.length / 2) {
            cachedNames[slot] = column;
            cachedIndexes[slot] = found;
            cached++;
        }
        return found;
    }

    String at(Row row) {
        return file + "[" + row.line() + "]";
    }
}
