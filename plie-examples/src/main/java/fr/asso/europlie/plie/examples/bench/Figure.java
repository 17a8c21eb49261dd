package fr.asso.europlie.plie.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One row of the benchmark table: a figure measured for the library and for its baseline in the
 * same run, rounds interleaved; the ratio is that of the medians (library / baseline; for a
 * throughput, baseline / library, so that above 1 always means the library is slower).
 */
final class Figure {

    private final String name;
    private final String unit;
    private final boolean throughput;
    private final List<Double> library = new ArrayList<>();
    private final List<Double> baseline = new ArrayList<>();
    private String note = "";

    Figure(String name, String unit, boolean throughput) {
        this.name = name;
        this.unit = unit;
        this.throughput = throughput;
    }

    static Figure time(String name, String unit) {
        return new Figure(name, unit, false);
    }

    static Figure rate(String name, String unit) {
        return new Figure(name, unit, true);
    }

    Figure library(double value) {
        library.add(value);
        return this;
    }

    Figure baseline(double value) {
        baseline.add(value);
        return this;
    }

    Figure note(String value) {
        note = value;
        return this;
    }

    String name() {
        return name;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double ratio() {
        double l = median(library);
        double b = median(baseline);
        return throughput ? b / l : l / b;
    }

    static String header() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n|---|---:|---:|---:|---|---|---|", "figure",
                "library (median)", "baseline (median)", "ratio", "library min / median / max", "baseline min / median / max",
                "notes");
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %s %s | %s %s | %.2f | %s | %s | %s |", name, number(median(library)), unit,
                number(median(baseline)), unit, ratio(), spread(library), spread(baseline), note);
    }

    private static String spread(List<Double> values) {
        if (values.isEmpty()) {
            return "";
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return number(sorted[0]) + " / " + number(median(values)) + " / " + number(sorted[sorted.length - 1]) + " (n=" + sorted.length + ")";
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        return magnitude >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : magnitude >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    @Override
    public String toString() {
        return row() + " " + Arrays.toString(library.toArray()) + " " + Arrays.toString(baseline.toArray());
    }
}
