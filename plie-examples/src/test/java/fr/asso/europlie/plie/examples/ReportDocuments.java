package fr.asso.europlie.plie.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the report's files back in the tests: the JSON tree, the CSV rows, the page's figures. */
final class ReportDocuments {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern FIGURE = Pattern.compile("data-key=\"([^\"]+)\" data-value=\"([^\"]*)\"");
    private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private ReportDocuments() {
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** The member at a path such as {@code programming.axes[0].envelope}, as text ({@code ""} for null). */
    static String at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            node = node.get(m.group(1));
            if (node == null) {
                throw new AssertionError("no member " + path + " in the JSON report");
            }
            if (m.group(2) != null) {
                node = node.get(Integer.parseInt(m.group(2)));
                if (node == null) {
                    throw new AssertionError("no element " + path + " in the JSON report");
                }
            }
        }
        return node.isNull() ? "" : node.asString();
    }

    /**
     * The figures of a page: every {@code data-key} with its {@code data-value}, in order, unescaped;
     * a key met twice must carry the same value.
     */
    static Map<String, String> figures(String html) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            String value = m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            String earlier = figures.putIfAbsent(m.group(1), value);
            if (earlier != null && !earlier.equals(value)) {
                throw new AssertionError(m.group(1) + " shown as " + earlier + " and " + value);
            }
        }
        return figures;
    }

    /** The rows of a {@code ;} CSV with quoted cells, header first. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ';' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
