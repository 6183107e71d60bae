package org.taizhang.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running service with the sample county (sample-archive/) in it, shared by the tests that read
 * the sample: one application, and one import of the sample ({@link SampleArchive#imported()}),
 * whichever test asks first. Apart from the sample it is configured as {@link ServiceTest}; it is a
 * configuration of its own because tests there assert exact search results and to-do lists over
 * archives of their own making, which the sample's 250 documents would join.
 *
 * <p>A test here changes no verdict on a sample unit that it does not put back, and uses accounts
 * and units of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    TestSettings.OWN_ARCHIVE,
    "taizhang.admin.password=" + ServiceTest.ADMIN_PASSWORD})
@ContextConfiguration(initializers = FreshDataDirectory.class)
@Import(SampleArchive.class)
public @interface SampleArchiveTest {
}
