package org.taizhang;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {
  private final ApplicationModules modules = ApplicationModules.of(TaizhangApplication.class);

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    modules.verify();
  }
}
