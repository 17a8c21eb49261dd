package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.protocol.Protocol;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH: {@link ProtocolJson#read} of the example plan (about 17 KB) against Jackson's
 * {@code readTree} of the same text; and the same two measured by the CPU time of the thread in
 * alternating rounds ({@link #cpuTime}), the steadier figure on a loaded machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonReadBenchmark {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final String plan = NegotiationShapes.planText();

    /**
     * Reads the plan with the library.
     *
     * @return the protocol
     */
    @Benchmark
    public Protocol protocolJsonRead() {
        return ProtocolJson.read(plan);
    }

    /**
     * Reads the plan into Jackson's tree.
     *
     * @return the tree
     */
    @Benchmark
    public JsonNode jacksonReadTree() {
        return MAPPER.readTree(plan);
    }

    /**
     * Runs both, interleaved by JMH's forks, and gives the figure (one sample per measured iteration).
     */
    static List<Figure> run(boolean quick) throws Exception {
        Options options = new OptionsBuilder().include(JsonReadBenchmark.class.getName() + "\\.")
                .forks(quick ? 1 : 3).warmupIterations(quick ? 8 : 10).warmupTime(TimeValue.seconds(2))
                .measurementIterations(quick ? 5 : 10).measurementTime(TimeValue.seconds(quick ? 1 : 2)).jvmArgsAppend("-Xms1g", "-Xmx1g")
                .shouldFailOnError(true).build();
        Figure figure = Figure.time("ProtocolJson.read of the plan (" + NegotiationShapes.planText().length() / 1000
                + " KB) vs Jackson readTree (JMH)", "us");
        for (RunResult result : new Runner(options).run()) {
            boolean library = result.getParams().getBenchmark().endsWith("protocolJsonRead");
            result.getBenchmarkResults().forEach(benchmark -> benchmark.getIterationResults().forEach(iteration -> {
                double value = iteration.getPrimaryResult().getScore();
                if (library) {
                    figure.library(value);
                } else {
                    figure.baseline(value);
                }
            }));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(figure.note("JMH average time per read; forks " + (quick ? 1 : 3)));
        figures.add(cpuTime(quick ? 15 : 30, 2_000, quick ? 6 : 10));
        return figures;
    }

    /** Keeps the results alive, so that the compiler cannot drop the reads. */
    private static volatile Object sink;

    /**
     * The same two reads measured by the CPU time of the calling thread, rounds alternating in
     * this JVM: far less disturbed than JMH's wall time when the machine is loaded
     * (docs/performance-json.md).
     *
     * <p>Warm-up is by time, not by a count of rounds: alternating rounds until the library's reads
     * have used {@code warmUpSeconds} of CPU time (and at least 3 rounds). In a fresh JVM on this
     * 2-core machine the library's read reaches its steady cost only after about 30,000 reads
     * (3 to 4 s of its CPU time: the JIT compiles about 1,000 of the library's methods), against
     * about 4,000 for {@code readTree}; 3 rounds of warm-up left the first ten measured rounds of a
     * cold JVM in that transient (PERFORMANCE.md, section 48).
     *
     * @param rounds the measured rounds
     * @param reads the reads of each kind in a round
     * @param warmUpSeconds the library's CPU time spent in warm-up rounds before measuring
     */
    static Figure cpuTime(int rounds, int reads, double warmUpSeconds) {
        String plan = NegotiationShapes.planText();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Figure figure = Figure.time("ProtocolJson.read of the plan (" + plan.length() / 1000
                + " KB) vs Jackson readTree, CPU time of the thread", "us");
        long warmUpNanos = (long) (warmUpSeconds * 1e9);
        long libraryWarmUp = 0;
        int warmUpRounds = 0;
        for (int round = 0; round < rounds; ) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < reads; i++) {
                sink = ProtocolJson.read(plan);
            }
            long between = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < reads; i++) {
                sink = MAPPER.readTree(plan);
            }
            long end = threads.getCurrentThreadCpuTime();
            if (warmUpRounds < 3 || libraryWarmUp < warmUpNanos) {
                libraryWarmUp += between - start;
                warmUpRounds++;
            } else {
                figure.library((between - start) / 1e3 / reads).baseline((end - between) / 1e3 / reads);
                round++;
            }
        }
        return figure.note(rounds + " alternating rounds of " + reads + " reads each, after " + warmUpRounds
                + " of warm-up (" + Math.round(warmUpSeconds) + " s of the library's CPU time)");
    }
}
