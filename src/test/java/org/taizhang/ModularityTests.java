package org.taizhang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
   * Writes the module documentation (PlantUML component diagrams and module canvases) to
   * docs/modules, when asked: {@code mvn test -Dtest=ModularityTests -Dmodules.docs=true}. Not on
   * every run, since Modulith orders the files' lines differently each time.
   */
  @Test
  @EnabledIfSystemProperty(named = "modules.docs", matches = "true")
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
