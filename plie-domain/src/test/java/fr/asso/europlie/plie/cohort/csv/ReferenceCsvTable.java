package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV splitting as first written (before the optimisations of issue 16), kept as the reference
 * that {@link CsvTable} must agree with ({@code CsvSplitAgreementTest}).
 *
 * <p>A parsed CSV file: its header and its rows, each with the line where it starts. Fields are
 * separated by {@code ;} or {@code ,} (the one the header uses most), may be quoted with
 * {@code "} (a quote inside doubled), and may then hold separators and line breaks. A leading
 * byte-order mark is ignored. Unquoted fields are stripped of surrounding spaces; quoted fields
 * are kept as written. A file beyond its {@link CsvLimits}, or whose header names a column twice,
 * is refused as a whole ({@link #fatal}).
 */
final class ReferenceCsvTable {

    final String file;
    final char delimiter;
    final List<String> header;
    final Map<String, Integer> columns = new HashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<Violation> problems = new ArrayList<>();
    /** Whether nothing can be read from the file: a limit exceeded, a column missing or named twice. */
    boolean fatal;

    /** One record of the file. */
    record Row(int line, List<String> fields) {
    }

    private ReferenceCsvTable(String file, char delimiter, List<String> header) {
        this.file = file;
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

    static ReferenceCsvTable parse(String file, String text, List<String> requiredColumns, CsvLimits limits) {
        if (text.length() > limits.maxFileLength()) {
            ReferenceCsvTable refused = new ReferenceCsvTable(file, ';', List.of());
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
        ReferenceCsvTable table = new ReferenceCsvTable(file, delimiter, header);
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
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
            }
            if (row.fields().size() != header.size()) {
                table.problems.add(Violation.of(CohortError.MALFORMED, file + "[" + row.line() + "]", row.fields().size() + " fields",
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
     * {@code tooLarge}, so that the work stays proportional to the limits.
     */
    private static List<Row> split(String file, String text, char delimiter, CsvLimits limits, List<Violation> tooLarge) {
        List<Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (field.length() > limits.maxCellLength()) {
                tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + limits.maxCellLength(),
                        limits.maxCellLength(), CsvLimits.PROPERTY_PREFIX + "maxCellLength"));
                return records;
            }
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(finished(field, wasQuoted));
                wasQuoted = false;
                if (fields.size() >= limits.maxColumns()) {
                    tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + limits.maxColumns(),
                            limits.maxColumns(), CsvLimits.PROPERTY_PREFIX + "maxColumns"));
                    return records;
                }
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                fields.add(finished(field, wasQuoted));
                wasQuoted = false;
                records.add(new Row(start, List.copyOf(fields)));
                fields.clear();
                any = false;
                line++;
                start = line;
                if (records.size() > limits.maxRows()) {
                    tooLarge.add(Violation.of(CohortError.LIMIT_EXCEEDED, file + "[" + start + "]", "> " + limits.maxRows(),
                            limits.maxRows(), CsvLimits.PROPERTY_PREFIX + "maxRows"));
                    return records;
                }
            } else {
                field.append(c);
            }
        }
        if (any) {
            fields.add(finished(field, wasQuoted));
            records.add(new Row(start, List.copyOf(fields)));
        }
        return records;
    }

    /** A field as read: an unquoted one stripped of surrounding spaces, a quoted one as written. */
    private static String finished(StringBuilder field, boolean wasQuoted) {
        String value = field.toString();
        field.setLength(0);
        return wasQuoted ? value : value.strip();
    }

    String value(Row row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index);
        return value.isBlank() ? null : value;
    }

    String at(Row row) {
        return file + "[" + row.line() + "]";
    }
}
