package fr.asso.europlie.plie.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for the crash tests: runs a main class of the test classpath, reads its output in
 * the background, waits for the line it prints at the point to crash, and kills it (SIGKILL, no
 * shutdown hook, no chance to close anything).
 */
public final class ChildJvm implements AutoCloseable {

    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
            } finally {
                lines.add(END);
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java -cp <the test classpath> main args...}, its error stream merged into its output.
     *
     * @param main the class whose main method runs
     * @param args its arguments
     * @return the running child
     */
    public static ChildJvm start(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the child prints a line.
     *
     * @param expected the line
     * @throws AssertionError with the child's output when it ends first or takes more than 5 minutes
     */
    public void awaitLine(String expected) {
        try {
            while (true) {
                String line = lines.poll(5, TimeUnit.MINUTES);
                if (line == null || line.equals(END)) {
                    throw new AssertionError("the child ended (or hung) before printing " + expected + "; its output:\n" + seen);
                }
                seen.append(line).append('\n');
                if (line.equals(expected)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Whether the child still runs.
     *
     * @return true while alive
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * What the child printed so far, as read by {@link #awaitLine}.
     *
     * @return the lines
     */
    public String output() {
        return seen.toString();
    }

    /**
     * Kills the child at once (SIGKILL) and waits for its end.
     *
     * @return its exit value, not zero for a killed process
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the child did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
