/**
 * Spring Boot integration (intégration Spring Boot): {@link
 * fr.asso.europlie.plie.workflow.spring.PlieAutoConfiguration} adds the library to the Flowable
 * engine of an application that has {@code flowable-spring-boot-starter-process} and gives it a
 * {@link fr.asso.europlie.plie.workflow.PlieEngine} bean. Spring is an optional dependency of
 * plie-workflow: an application without it never loads this package.
 */
package fr.asso.europlie.plie.workflow.spring;
