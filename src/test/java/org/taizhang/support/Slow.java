package org.taizhang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the slow stage: it starts the service as its own process, kills it, loads it, drives a
 * real browser or makes the parser process blow its limits, and takes minutes where the others
 * take seconds. {@code mvn verify} leaves these out; {@code mvn verify -Pslow} runs only these
 * and the soak test, and {@code .ci/run} runs both stages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(Slow.TAG)
public @interface Slow {
  String TAG = "slow";
}
