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
 * The running service most tests share: one application on a random port and a fresh data
 * directory, which Spring's test context cache starts once because every class so marked declares
 * the same configuration. Nothing may tell one such class from another (no properties, beans or
 * dynamic properties of its own), or it gets an application and a parser process of its own.
 *
 * <p>The archive is shared too, so a test builds its own part of it: units, accounts and names no
 * other test uses, and assertions about what it added, not about the whole archive being empty.
 * {@link ByApplication} runs the classes of one application together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + ServiceTest.ADMIN_PASSWORD
    })
@ContextConfiguration(initializers = FreshDataDirectory.class)
public @interface ServiceTest {
  /**
   * The first administrator's ({@code admin}) password, and the password of the accounts tests
   * create.
   */
  String ADMIN_PASSWORD = "test-admin-pw";
}
