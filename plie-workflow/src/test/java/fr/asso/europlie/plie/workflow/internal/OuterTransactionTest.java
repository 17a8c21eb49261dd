package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("the application's transaction, as the command runner sees it")
class OuterTransactionTest {

    @Test
    @DisplayName("an engine whose transactions are its own never has one, and takes no Spring path")
    void standaloneEngineHasNone() {
        StandaloneInMemProcessEngineConfiguration standalone = new StandaloneInMemProcessEngineConfiguration();
        assertThat(OuterTransaction.of(standalone)).isSameAs(OuterTransaction.none());
        assertThat(OuterTransaction.none().getAsBoolean()).isFalse();
    }

    @Test
    @DisplayName("a Spring-managed engine sees Spring's transaction while one is active, and only then")
    void springEngineSeesSpringsTransaction() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outer-transaction;DB_CLOSE_DELAY=-1");
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        SpringProcessEngineConfiguration spring = new SpringProcessEngineConfiguration();
        spring.setDataSource(dataSource);
        spring.setTransactionManager(manager);
        OuterTransaction outer = OuterTransaction.of(spring);
        assertThat(outer).isNotSameAs(OuterTransaction.none());
        assertThat(outer.getAsBoolean()).isFalse();
        boolean[] seen = {false, false};
        assertThatThrownBy(() -> new TransactionTemplate(manager).executeWithoutResult(status -> {
            seen[0] = outer.getAsBoolean();
            outer.spoil();
            seen[1] = status.isRollbackOnly();
        })).as("committing a spoilt transaction").isInstanceOf(UnexpectedRollbackException.class);
        assertThat(seen[0]).as("active inside").isTrue();
        assertThat(seen[1]).as("spoilt: rollback-only").isTrue();
    }
}
