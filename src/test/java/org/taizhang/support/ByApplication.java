package org.taizhang.support;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.context.BootstrapUtils;

/**
 * Runs the test classes of one application one after the other: the classes are grouped by the
 * configuration Spring's test context cache keys their application on (so {@link ServiceTest}'s
 * classes run together, and so do {@link SampleArchiveTest}'s, while a class that sets a property
 * of its own runs on its own), the groups in the order of their first class by name. The cache then
 * needs to hold only one application at a time (spring.properties), so at most one application and
 * its parser process are alive at once, and none is started twice.
 */
public final class ByApplication implements ClassOrderer {
  @Override
  public void orderClasses(ClassOrdererContext context) {
    Comparator<ClassDescriptor> byName = Comparator.comparing(d -> d.getTestClass().getName());
    context.getClassDescriptors().sort(byName);
    Map<Object, Integer> groups = new HashMap<>();
    Map<Class<?>, Integer> group = new HashMap<>();
    for (ClassDescriptor d : context.getClassDescriptors()) {
      group.put(
          d.getTestClass(),
          groups.computeIfAbsent(application(d.getTestClass()), k -> groups.size()));
    }
    context
        .getClassDescriptors()
        .sort(
            Comparator.<ClassDescriptor>comparingInt(d -> group.get(d.getTestClass()))
                .thenComparing(byName));
  }

  /** What Spring tells the class's application by; a class Spring cannot configure stands alone. */
  private static Object application(Class<?> testClass) {
    try {
      return BootstrapUtils.resolveTestContextBootstrapper(testClass)
          .buildMergedContextConfiguration();
    } catch (RuntimeException e) {
      return testClass;
    }
  }
}
