package org.taizhang.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link ServiceTest}'s application on PostgreSQL, in a fresh schema: shared by the tests that
 * check what differs between the databases. Each such test class still calls {@link
 * Postgres#requireOrSkip()} first. A subclass of a {@link ServiceTest} class joins it by adding
 * this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
// Both initializers: this declaration stands in for ServiceTest's own, it does not add to it.
@ContextConfiguration(initializers = {FreshDataDirectory.class, FreshPostgresSchema.class})
public @interface PostgresServiceTest {}
