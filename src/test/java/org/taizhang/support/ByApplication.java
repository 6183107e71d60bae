package org.taizhang.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes of one shared application one after the other: first those of
 * {@link ServiceTest}, then those of {@link SampleArchiveTest}, then the rest by name (where the
 * classes of one abstract fixture sit side by side). Spring's context cache then needs to hold only
 * one application at a time (spring.properties), so at most one application and its parser process
 * are alive at once, and none is started twice.
 */
public final class ByApplication implements ClassOrderer {
  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparingInt(ByApplication::application)
        .thenComparing(d -> d.getTestClass().getName()));
  }

  private static int application(ClassDescriptor d) {
    if (d.isAnnotated(ServiceTest.class)) {
      return 0;
    }
    return d.isAnnotated(SampleArchiveTest.class) ? 1 : 2;
  }
}
