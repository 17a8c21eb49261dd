package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the engine facade")
class PlieEngineTest {

    @Test
    @DisplayName("closing an embedded engine releases its private in-memory database")
    void closingReleasesTheEmbeddedDatabase() throws Exception {
        PlieEngine engine = PlieEngine.builder().asyncExecutor(false).build();
        String url = engine.embeddedUrl();
        assertThat(url).startsWith("jdbc:h2:mem:");
        try (Connection open = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(open.getMetaData().getTables(null, null, "PLIE_PROTOCOL", null).next())
                    .as("the engine's tables, while it runs").isTrue();
        }

        engine.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "").close())
                .as("the database is gone once the engine is closed").isInstanceOf(SQLException.class);
    }
}
