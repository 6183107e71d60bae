package org.taizhang.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The running service with the sample county (sample-archive/) in it, shared by the tests that read
 * the sample: {@link ServiceTest}'s configuration plus the sample, imported once for the
 * application whichever test asks first ({@link SampleArchive#imported()}). It is an application of
 * its own because tests of {@link ServiceTest} assert exact search results and to-do lists over
 * archives of their own making, which the sample's 250 documents would join. A class that inherits
 * {@link ServiceTest} (the browser tests) joins this application by adding this annotation.
 *
 * <p>A test here uses accounts of its own and puts back the verdicts it changes (a veto lifted, a
 * handed-in record taken back again): the tests after it read the sample's deliberate gaps.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
@Import(SampleArchive.class)
public @interface SampleArchiveTest {}
