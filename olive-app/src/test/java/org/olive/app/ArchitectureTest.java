package org.olive.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** olive-core and olive-synth are framework-free; only olive-app knows Spring, Jakarta and Thymeleaf. */
@AnalyzeClasses(packages = "org.olive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that().resideInAPackage("org.olive..").and().resideOutsideOfPackage("org.olive.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "org.thymeleaf..")
            .because("olive-core and olive-synth must stay free of frameworks");

    @ArchTest
    static final ArchRule nothingOutsideAppDependsOnApp = noClasses()
            .that().resideInAPackage("org.olive..").and().resideOutsideOfPackage("org.olive.app..")
            .should().dependOnClassesThat().resideInAPackage("org.olive.app..")
            .because("the application depends on the domain, never the other way round");

    @ArchTest
    static final ArchRule synthDoesNotDependOnApp = noClasses()
            .that().resideInAPackage("org.olive.synth..")
            .should().dependOnClassesThat().resideInAPackage("org.olive.app..")
            .allowEmptyShould(true)
            .because("olive-synth generates data for the app, it does not use it");
}
