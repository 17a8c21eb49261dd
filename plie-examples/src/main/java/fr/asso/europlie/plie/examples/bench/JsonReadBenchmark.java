package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.protocol.Protocol;
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
 * JMH: {@link ProtocolJson#read} of the example plan (about 20 KB) against Jackson's
 * {@code readTree} of the same text, the floor of any reader built on Jackson's tree.
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
                .measurementIterations(quick ? 5 : 10).measurementTime(TimeValue.seconds(quick ? 1 : 2)).jvmArgsAppend("-Xmx1g")
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
        return figures;
    }
}
