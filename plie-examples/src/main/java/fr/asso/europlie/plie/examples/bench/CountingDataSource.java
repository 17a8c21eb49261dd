package fr.asso.europlie.plie.examples.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that counts the SQL statements executed through it, by kind (SELECT, INSERT,
 * UPDATE, DELETE, SELECT ... FOR UPDATE) and by text: the benchmarks' way of telling how many
 * statements a negotiation costs, outside the test suite. A JDK proxy around the real data
 * source, its connections and their statements; a batch counts its statements one by one.
 *
 * <p>With {@code -Dbench.parses}, on H2 it also counts the statements H2 parsed: those its
 * session's cache of parsed statements ({@code QUERY_CACHE_SIZE}) could not give back, read from
 * H2's internals before each {@code prepareStatement} (a diagnostic, for docs/PERFORMANCE.md
 * section 27; it slows the run).
 */
final class CountingDataSource {

    private static final boolean COUNT_PARSES = System.getProperty("bench.parses") != null;

    private final Map<String, LongAdder> byText = new ConcurrentHashMap<>();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder parses = new LongAdder();
    private volatile boolean counting = true;

    private CountingDataSource() {
    }

    /** A counter and the data source it counts for. */
    record Counted(CountingDataSource counter, DataSource dataSource) {
    }

    static Counted wrap(DataSource real) {
        CountingDataSource counter = new CountingDataSource();
        DataSource proxy = (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (self, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Connection connection ? counter.connection(connection) : result;
                });
        return new Counted(counter, proxy);
    }

    void reset() {
        byText.clear();
        rollbacks.reset();
        parses.reset();
    }

    /** How many statements H2 parsed since the last reset (with {@code -Dbench.parses}; 0 otherwise). */
    long parses() {
        return parses.sum();
    }

    /** How many times a transaction was rolled back since the last reset. */
    long rollbacks() {
        return rollbacks.sum();
    }

    void counting(boolean on) {
        counting = on;
    }

    /** The statements counted since the last reset, by kind. */
    Map<String, Long> byKind() {
        Map<String, Long> kinds = new TreeMap<>();
        byText.forEach((sql, count) -> kinds.merge(kind(sql), count.sum(), Long::sum));
        return kinds;
    }

    /** The statements counted since the last reset, by text, most frequent first. */
    Map<String, Long> byText() {
        Map<String, Long> texts = new TreeMap<>();
        byText.forEach((sql, count) -> texts.put(sql, count.sum()));
        return texts;
    }

    long total() {
        return byText.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static String kind(String sql) {
        String text = sql.strip().toUpperCase(Locale.ROOT);
        String first = text.split("\\s+", 2)[0];
        return "SELECT".equals(first) && text.contains("FOR UPDATE") ? "SELECT FOR UPDATE" : first;
    }

    private void count(String sql) {
        if (counting && sql != null) {
            byText.computeIfAbsent(sql.replaceAll("\\s+", " ").strip(), s -> new LongAdder()).increment();
        }
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> {
                    if ("rollback".equals(method.getName()) && (args == null || args.length == 0) && !real.getAutoCommit()) {
                        rollbacks.increment();
                    }
                    boolean parsed = COUNT_PARSES && counting && method.getName().startsWith("prepare")
                            && !H2Cache.holdsReusable(real, (String) args[0]);
                    Object result = invoke(real, method, args);
                    if (parsed) {
                        parses.increment();
                    }
                    if (result instanceof PreparedStatement prepared && method.getName().startsWith("prepare")) {
                        return statement(prepared, PreparedStatement.class, (String) args[0]);
                    }
                    if (result instanceof Statement plain && "createStatement".equals(method.getName())) {
                        return statement(plain, Statement.class, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement real, Class<?> type, String preparedSql) {
        java.util.List<String> batch = new java.util.ArrayList<>();
        InvocationHandler handler = (self, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batch.add(args != null && args.length == 1 ? (String) args[0] : preparedSql);
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                batch.forEach(this::count);
                batch.clear();
            } else if (name.startsWith("execute")) {
                count(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
            }
            return invoke(real, method, args);
        };
        return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * What H2's session would answer to a {@code prepareStatement}: a parsed statement from its
     * cache ({@code SessionLocal.prepareLocal} takes one of the same text if the schema has not
     * changed since and the statement is not still open), or a parse.
     */
    private static final class H2Cache {

        private static final java.lang.reflect.Field CACHE;
        private static final java.lang.reflect.Field META;

        static {
            try {
                CACHE = org.h2.engine.SessionLocal.class.getDeclaredField("queryCache");
                META = org.h2.engine.SessionLocal.class.getDeclaredField("modificationMetaID");
                CACHE.setAccessible(true);
                META.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("H2's session has changed: cannot count its parses", e);
            }
        }

        static boolean holdsReusable(Connection connection, String sql) {
            try {
                if (!connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)) {
                    return true;
                }
                Object session = connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
                if (!(session instanceof org.h2.engine.SessionLocal local)) {
                    return true;
                }
                Map<?, ?> cache = (Map<?, ?>) CACHE.get(local);
                if (cache == null || META.getLong(local) != local.getDatabase().getModificationMetaId()) {
                    return false;
                }
                // Iterated, not read: a read would make the entry the most recent in H2's LRU.
                for (Map.Entry<?, ?> entry : cache.entrySet()) {
                    if (entry.getKey().equals(sql)) {
                        return ((org.h2.command.Command) entry.getValue()).canReuse();
                    }
                }
                return false;
            } catch (ReflectiveOperationException | java.sql.SQLException e) {
                throw new IllegalStateException("cannot read H2's cache of parsed statements", e);
            }
        }
    }
}
