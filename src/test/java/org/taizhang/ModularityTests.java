package org.taizhang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure: each top-level package is a module that others may use only through the
 * public types of its base package, with no cycles; the tools (sample generator, benchmarks,
 * relevance evaluation) sit apart, and no module of the service refers to them.
 */
class ModularityTests {
  private final ApplicationModules modules = ApplicationModules.of(TaizhangApplication.class);

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
    modules.verify();
  }

  @Test
  void noServiceClassRefersToATool() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.taizhang");
    noClasses()
        .that()
        .resideOutsideOfPackage("org.taizhang.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.taizhang.tools..")
        .because("the service must run and build without its tools")
        .check(main);
  }

  /**
   * Writes the module documentation (PlantUML component diagrams and module canvases), to
   * target/modules, or to docs/modules with {@code -Dmodules.docs=docs/modules}; every module is in
   * the overview.
   */
  @Test
  void writesModuleDocumentation() throws IOException {
    Path folder = Path.of(System.getProperty("modules.docs", "target/modules"));
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    String overview = Files.readString(folder.resolve("components.puml"));
    modules.forEach(m -> assertThat(overview).contains(m.getDisplayName()));
  }
}
