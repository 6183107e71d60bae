package org.taizhang.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link ServiceTest}'s application on PostgreSQL, in a fresh schema: shared by the tests that
 * check what differs between the databases. Each such test class still calls
 * {@link Postgres#requireOrSkip()} first. A subclass of a {@link ServiceTest} class joins it by
 * adding this annotation (the data directory comes from both, the schema from this one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    TestSettings.OWN_ARCHIVE,
    "taizhang.admin.password=" + ServiceTest.ADMIN_PASSWORD})
@ContextConfiguration(initializers = {FreshDataDirectory.class, FreshPostgresSchema.class})
public @interface PostgresServiceTest {
}
