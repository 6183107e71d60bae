package org.taizhang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test (or one test method) of the slow stage, which takes minutes where the others take seconds:
 * it runs the service or its commands as processes of their own (and kills them, loads them,
 * restores into them), drives a real browser, makes the parser process blow its limits, runs a
 * benchmark, or generates the whole sample county again. {@code mvn verify} leaves these out;
 * {@code mvn verify -Pslow} runs only these and then the soak test of the packaged jar; {@code
 * .ci/run} runs both stages.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(Slow.TAG)
public @interface Slow {
  String TAG = "slow";
}
