package fr.asso.europlie.plie.workflow.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.type.JdbcType;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.variable.api.types.VariableType;
import org.flowable.variable.api.types.VariableTypes;
import org.flowable.variable.service.impl.db.IbatisVariableTypeHandler;

/**
 * The Flowable configuration of the engines {@code PlieEngine.builder()} builds: Flowable's own,
 * except that engines alike in one JVM share one parsed MyBatis configuration instead of each
 * parsing Flowable's mapping files again.
 *
 * <p>The parse was about 85 % of building an engine once its process images were gone (a JFR
 * profile of {@code FseCommitmentProcessTest}, docs/PERFORMANCE.md section 46): an application
 * builds one engine and pays it once, but a JVM that builds several (an application's tests, one
 * engine per test database, as ours) paid it for each.
 *
 * <p>What is shared is only what the parse makes from the mapping files and the configuration's
 * settings that enter it (the database type, the table prefix, the wildcard escape, the custom and
 * dependent engines' mappers and type configurators): engines that differ in any of these parse
 * their own. Each engine opens its sessions on its own data source and transaction factory
 * ({@link EngineSqlSessionFactory}); the shared configuration's environment has no data source,
 * and a session opened from it fails. The one engine-specific object Flowable puts in the parse,
 * the type handler of the variables' types, is replaced by one that asks the engine of the
 * current command for its types ({@link CurrentEngineVariableTypes}). A parsed configuration that
 * declares a second-level cache (none of Flowable's does) is not shared: its entries would cross
 * databases.
 */
public final class PlieProcessEngineConfiguration extends StandaloneProcessEngineConfiguration {

    /** The parsed configurations, by what enters the parse. */
    private static final Map<List<Object>, Configuration> PARSED = new ConcurrentHashMap<>();

    /** Held while a configuration is parsed, so that two engines built at once parse it once. */
    private static final Object PARSING = new Object();

    /**
     * Forgets the parsed configurations: the next engine built parses its own again, as the first
     * of a JVM does. For the start-up benchmark, which measures a first engine's start-up in a warm
     * JVM; engines already built keep theirs.
     */
    public static void forgetParsed() {
        PARSED.clear();
    }

    @Override
    public void initSqlSessionFactory() {
        if (sqlSessionFactory != null) {
            super.initSqlSessionFactory();
            return;
        }
        List<Object> key = parseKey();
        Configuration shared = PARSED.get(key);
        if (shared == null) {
            synchronized (PARSING) {
                shared = PARSED.get(key);
                if (shared == null) {
                    super.initSqlSessionFactory();
                    Configuration parsed = sqlSessionFactory.getConfiguration();
                    if (!parsed.getCaches().isEmpty()) {
                        return; // this engine keeps Flowable's own factory over its parse
                    }
                    parsed.setEnvironment(new Environment("plie-shared", parsed.getEnvironment().getTransactionFactory(),
                            NoDataSource.INSTANCE));
                    PARSED.put(key, parsed);
                    shared = parsed;
                }
            }
        }
        sqlSessionFactory = new EngineSqlSessionFactory(shared, this);
    }

    /** Everything of this configuration that enters the MyBatis parse, as a map key. */
    private List<Object> parseKey() {
        List<Object> key = new ArrayList<>();
        key.add(getClass().getName());
        key.add(databaseType);
        key.add(databaseTablePrefix);
        key.add(tablePrefixIsSchema);
        key.add(databaseWildcardEscapeCharacter);
        key.add(mybatisMappingFile);
        key.add(sorted(names(customMybatisMappers)));
        key.add(customMybatisXMLMappers == null ? List.of() : sorted(customMybatisXMLMappers));
        key.add(dependentEngineMyBatisXmlMappers == null ? List.of() : sorted(dependentEngineMyBatisXmlMappers));
        key.add(names(dependentEngineMybatisTypeAliasConfigs));
        key.add(names(dependentEngineMybatisTypeHandlerConfigs));
        key.add(names(customMybatisInterceptors));
        return key;
    }

    /** These texts in their natural order (the sets' own order may differ from one engine to the next). */
    private static List<String> sorted(Collection<String> texts) {
        List<String> sorted = new ArrayList<>(texts);
        Collections.sort(sorted);
        return sorted;
    }

    /** The classes of these objects (or the classes themselves), in order. */
    private static List<String> names(Collection<?> objects) {
        List<String> names = new ArrayList<>();
        if (objects != null) {
            for (Object o : objects) {
                names.add(o instanceof Class<?> c ? c.getName() : o.getClass().getName());
            }
        }
        return names;
    }

    @Override
    public void initMybatisTypeHandlers(Configuration configuration) {
        super.initMybatisTypeHandlers(configuration);
        // Flowable registers a handler holding this engine's variable types; the parse that may be
        // shared holds one that asks the current command's engine.
        configuration.getTypeHandlerRegistry().register(VariableType.class, JdbcType.VARCHAR,
                new IbatisVariableTypeHandler(CurrentEngineVariableTypes.INSTANCE));
    }

    /** The engine's sessions over a shared parsed configuration: its own data source and transactions. */
    static final class EngineSqlSessionFactory implements SqlSessionFactory {

        private final Configuration configuration;
        private final ProcessEngineConfigurationImpl engine;

        EngineSqlSessionFactory(Configuration configuration, ProcessEngineConfigurationImpl engine) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        @Override
        public SqlSession openSession() {
            return fromDataSource(configuration.getDefaultExecutorType(), null, false);
        }

        @Override
        public SqlSession openSession(boolean autoCommit) {
            return fromDataSource(configuration.getDefaultExecutorType(), null, autoCommit);
        }

        @Override
        public SqlSession openSession(Connection connection) {
            return fromConnection(configuration.getDefaultExecutorType(), connection);
        }

        @Override
        public SqlSession openSession(TransactionIsolationLevel level) {
            return fromDataSource(configuration.getDefaultExecutorType(), level, false);
        }

        @Override
        public SqlSession openSession(ExecutorType execType) {
            return fromDataSource(execType, null, false);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, boolean autoCommit) {
            return fromDataSource(execType, null, autoCommit);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, TransactionIsolationLevel level) {
            return fromDataSource(execType, level, false);
        }

        @Override
        public SqlSession openSession(ExecutorType execType, Connection connection) {
            return fromConnection(execType, connection);
        }

        @Override
        public Configuration getConfiguration() {
            return configuration;
        }

        private SqlSession fromDataSource(ExecutorType execType, TransactionIsolationLevel level, boolean autoCommit) {
            Transaction transaction = engine.getTransactionFactory().newTransaction(engine.getDataSource(), level, autoCommit);
            return session(transaction, execType, autoCommit);
        }

        private SqlSession fromConnection(ExecutorType execType, Connection connection) {
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
            } catch (SQLException e) {
                // As MyBatis does: most drivers answer; one that does not is taken as committing itself.
                autoCommit = true;
            }
            return session(engine.getTransactionFactory().newTransaction(connection), execType, autoCommit);
        }

        private SqlSession session(Transaction transaction, ExecutorType execType, boolean autoCommit) {
            try {
                Executor executor = configuration.newExecutor(transaction, execType);
                return new DefaultSqlSession(configuration, executor, autoCommit);
            } catch (RuntimeException e) {
                try {
                    transaction.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }

    /** The variable types of the engine running the current command. */
    enum CurrentEngineVariableTypes implements VariableTypes {
        INSTANCE;

        private static VariableTypes current() {
            if (Context.getCommandContext() == null) {
                throw new IllegalStateException("a variable's type was read outside a command of an engine");
            }
            return CommandContextUtil.getProcessEngineConfiguration().getVariableTypes();
        }

        @Override
        public VariableType getVariableType(String typeName) {
            return current().getVariableType(typeName);
        }

        @Override
        public VariableType findVariableType(Object value) {
            return current().findVariableType(value);
        }

        @Override
        public VariableTypes addType(VariableType type) {
            throw new UnsupportedOperationException("add types to the engine's own variable types");
        }

        @Override
        public VariableTypes addType(VariableType type, int index) {
            throw new UnsupportedOperationException("add types to the engine's own variable types");
        }

        @Override
        public int getTypeIndex(VariableType type) {
            return current().getTypeIndex(type);
        }

        @Override
        public int getTypeIndex(String typeName) {
            return current().getTypeIndex(typeName);
        }

        @Override
        public VariableTypes removeType(VariableType type) {
            throw new UnsupportedOperationException("remove types from the engine's own variable types");
        }
    }

    /** The data source of the shared configuration's environment: none; each engine opens its own sessions. */
    enum NoDataSource implements DataSource {
        INSTANCE;

        private static SQLException none() {
            return new SQLException("the shared MyBatis configuration has no data source: each engine opens its sessions on its own");
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw none();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw none();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // nothing is logged
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // no connection is made
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
