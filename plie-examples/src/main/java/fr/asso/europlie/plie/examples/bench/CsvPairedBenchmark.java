package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares versions of the CSV import in one JVM: each version's {@code plie-domain} classes in a
 * class loader of its own, the table's CSV figure (the bench's {@code CohortCsv.read} of 100,000
 * generated participants against {@link CohortBenchmarks#splitAndType}) timed for each in turn, the
 * order rotated each round, in CPU time of the thread; each version's round divided by the first
 * version's round of the same rotation (the paired ratio). From one JVM to the next the JIT compiles
 * the read differently (about +-5 % for the same classes, docs/PERFORMANCE.md section 40), which
 * the table's single run cannot tell from a change; paired rounds in one JVM, over a few JVMs, can.
 * Not a test, not part of the bench's table: run by hand.
 *
 * <p>Usage: {@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp <plie-examples' class path>
 * fr.asso.europlie.plie.examples.bench.CsvPairedBenchmark SIZE ROUNDS DIR...}, each {@code DIR} a
 * {@code plie-domain} classes directory or jar (the first is the reference, say main's); the class
 * path's own {@code plie-domain} entry is left out of the loaders.
 */
public final class CsvPairedBenchmark {

    private CsvPairedBenchmark() {
    }

    /** One version's side, loaded in that version's class loader: its files and its two readers. */
    public static final class Side {
        private static CsvFiles files;

        private Side() {
        }

        /**
         * Generates the files as the bench does.
         *
         * @param size participants
         * @return the files' text, for the caller to check that every side reads the same
         */
        public static String prepare(int size) {
            files = CohortBenchmarks.csvFiles(size);
            return files.periods() + files.steps() + files.identities() + files.referents();
        }

        /**
         * Reads the files and writes what was read back.
         *
         * @return the text written back, the same for every version that reads the same
         */
        public static String readBack() {
            CsvFiles back = CohortCsv.write(CohortCsv.read(files, CohortBenchmarks.PUBLICS), ';');
            return back.periods() + back.steps() + back.identities() + back.referents();
        }

        /**
         * The library's side of the figure.
         *
         * @return the participants read
         */
        public static int read() {
            return CohortCsv.read(files, CohortBenchmarks.PUBLICS).participants().size();
        }

        /**
         * The baseline's side of the figure.
         *
         * @return a checksum of the typed cells
         */
        public static long baseline() {
            return CohortBenchmarks.splitAndType(files);
        }
    }

    /**
     * Runs the comparison.
     *
     * @param args the size, the measured rounds (after 3 of warm-up) and the versions' classes
     * @throws Exception when a version cannot be loaded or run
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: SIZE ROUNDS DIR... (each DIR a plie-domain classes directory or jar)");
        }
        int size = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int versions = args.length - 2;
        List<URL> shared = new ArrayList<>();
        shared.add(CsvPairedBenchmark.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("plie-domain") && !entry.contains("plie-examples")) {
                shared.add(Path.of(entry).toUri().toURL());
            }
        }
        Method[] read = new Method[versions];
        Method[] baseline = new Method[versions];
        String reference = null;
        for (int v = 0; v < versions; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[v + 2]).toUri().toURL());
            urls.addAll(shared);
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> side = loader.loadClass(Side.class.getName());
            side.getMethod("prepare", int.class).invoke(null, size);
            String back = (String) side.getMethod("readBack").invoke(null);
            if (reference == null) {
                reference = back;
            } else if (!reference.equals(back)) {
                throw new IllegalStateException(args[v + 2] + " reads the files differently from " + args[2]);
            }
            read[v] = side.getMethod("read");
            baseline[v] = side.getMethod("baseline");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[][] library = new double[versions][rounds];
        double[][] base = new double[versions][rounds];
        double[][] allocated = new double[versions][rounds];
        for (int round = -3; round < rounds; round++) {
            for (int k = 0; k < versions; k++) {
                int v = (k + Math.max(round, 0)) % versions;
                System.gc();
                long b0 = threads.getThreadAllocatedBytes(thread);
                long c0 = threads.getCurrentThreadCpuTime();
                read[v].invoke(null);
                long c1 = threads.getCurrentThreadCpuTime();
                long b1 = threads.getThreadAllocatedBytes(thread);
                baseline[v].invoke(null);
                long c2 = threads.getCurrentThreadCpuTime();
                if (round >= 0) {
                    library[v][round] = (c1 - c0) / 1e6;
                    base[v][round] = (c2 - c1) / 1e6;
                    allocated[v][round] = (b1 - b0) / 1e6;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d participants, %d rounds after 3 of warm-up, CPU time of the thread%n", size, rounds);
        for (int v = 0; v < versions; v++) {
            double[] paired = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = library[v][r] / library[0][r];
                ratio[r] = library[v][r] / base[v][r];
            }
            System.out.printf(Locale.ROOT, "%s: read %.1f ms, baseline %.1f ms, median ratio %.2f, paired with the first %.3f (%.3f to %.3f),"
                    + " allocated %.1f MB a read%n", args[v + 2], median(library[v]), median(base[v]), median(ratio), median(paired),
                    Arrays.stream(paired).min().orElse(0), Arrays.stream(paired).max().orElse(0), median(allocated[v]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
