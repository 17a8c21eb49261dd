package fr.asso.europlie.plie.cohort.csv;

import java.util.List;

/**
 * Writes CSV text: a header, then rows; quotes a field only when it holds the delimiter, a quote,
 * a line break or surrounding spaces.
 */
final class CsvWriter {

    private final char delimiter;
    private final StringBuilder out = new StringBuilder();

    CsvWriter(char delimiter, List<String> header) {
        this.delimiter = delimiter;
        row(header.toArray());
    }

    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(quote(values[i] == null ? "" : values[i].toString()));
        }
        out.append('\n');
    }

    private String quote(String value) {
        boolean needs = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || !value.equals(value.strip());
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    String text() {
        return out.toString();
    }
}
