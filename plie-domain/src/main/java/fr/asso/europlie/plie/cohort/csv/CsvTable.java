package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file: its header and its rows, each with the line where it starts. Fields are
 * separated by {@code ;} or {@code ,} (the one the header uses most), may be quoted with
 * {@code "} (a quote inside doubled), and may then hold separators and line breaks. A leading
 * byte-order mark is ignored.
 */
final class CsvTable {

    final String file;
    final char delimiter;
    final List<String> header;
    final Map<String, Integer> columns = new HashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<Violation> problems = new ArrayList<>();

    /** One record of the file. */
    record Row(int line, List<String> fields) {
    }

    private CsvTable(String file, char delimiter, List<String> header) {
        this.file = file;
        this.delimiter = delimiter;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
    }

    static CsvTable parse(String file, String text, List<String> requiredColumns) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int endOfHeader = content.indexOf('\n');
        String headerLine = endOfHeader < 0 ? content : content.substring(0, endOfHeader);
        char delimiter = count(headerLine, ';') >= count(headerLine, ',') ? ';' : ',';
        List<Row> records = split(content, delimiter);
        List<String> header = records.isEmpty() ? List.of() : records.get(0).fields();
        CsvTable table = new CsvTable(file, delimiter, header);
        for (String column : requiredColumns) {
            if (!table.columns.containsKey(column)) {
                table.problems.add(Violation.of(CohortError.MISSING_COLUMN, file + "[1]", column));
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

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static List<Row> split(String text, char delimiter) {
        List<Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
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
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                fields.add(field.toString());
                records.add(new Row(start, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (any) {
            fields.add(field.toString());
            records.add(new Row(start, List.copyOf(fields)));
        }
        return records;
    }

    String value(Row row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    String at(Row row) {
        return file + "[" + row.line() + "]";
    }
}
