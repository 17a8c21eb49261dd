package fr.asso.europlie.plie.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that embeds the library (application d'exemple Spring Boot): it has
 * Flowable's {@code flowable-spring-boot-starter-process} and plie-workflow, and nothing else to
 * configure; the library's auto-configuration adds it to Flowable's engine and gives a
 * {@link fr.asso.europlie.plie.workflow.PlieEngine} bean, which {@link ProtocolDesk} uses inside
 * the application's own transactions.
 *
 * <p>Without {@code spring.datasource.url} it runs on an embedded H2 database; give a PostgreSQL
 * URL (and the PostgreSQL driver on the class path) to run on PostgreSQL.
 */
@SpringBootApplication
public class NegotiationApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments ({@code --spring.datasource.url=...})
     */
    public static void main(String[] args) {
        SpringApplication.run(NegotiationApplication.class, args);
    }
}
