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
 */
final class CountingDataSource {

    private final Map<String, LongAdder> byText = new ConcurrentHashMap<>();
    private final LongAdder rollbacks = new LongAdder();
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
                    Object result = invoke(real, method, args);
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
}
