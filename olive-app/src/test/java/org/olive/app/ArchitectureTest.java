package org.olive.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * olive-core and olive-synth are framework-free; only olive-app knows Spring, Jakarta and Thymeleaf; the core knows no
 * JDBC or Jackson; only the CLI uses the generator and the accuracy against its truth (olive-accuracy), and the
 * pipeline uses neither; the pipeline's feature packages have no cycles. Which feature writes which table is pinned by
 * {@link TableOwnershipTest}; that the production modules name no truth file, by {@link TruthApartTest}; that the
 * truth rules can fail, by {@link TruthRulesCanFailTest}.
 */
@AnalyzeClasses(packages = "org.olive", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The other modules' test classes reach this module as test jars, which DoNotIncludeTests does not recognise. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

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

    /** The core's packages: everything outside the modules around it. */
    private static final String[] AROUND_THE_CORE = {"org.olive.app..", "org.olive.accuracy..", "org.olive.pipeline..",
            "org.olive.store..", "org.olive.ingest..", "org.olive.synth.."};

    @ArchTest
    static final ArchRule coreKnowsNoJdbcJacksonOrSpring = noClasses()
            .that().resideInAPackage("org.olive..").and().resideOutsideOfPackages(AROUND_THE_CORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml.jackson..",
                    "org.springframework..")
            .because("the core holds the domain and the algorithms; reading and writing belong to the modules around it");

    @ArchTest
    static final ArchRule onlyTheCliUsesTheGenerator = noClasses()
            .that().resideInAPackage("org.olive..").and().resideOutsideOfPackages("org.olive.app.cli..", "org.olive.synth..")
            .should().dependOnClassesThat().resideInAPackage("org.olive.synth..")
            .because("the pipeline and the web app never depend on the synthetic county; accuracy reads its truth files");

    @ArchTest
    static final ArchRule pipelineUsesNeitherTheGeneratorNorTheTruth = noClasses()
            .that().resideInAPackage("org.olive.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.olive.accuracy..", "org.olive.synth..")
            .because("the production pipeline never reads the generator's files: accuracy against the truth is olive-accuracy's");

    @ArchTest
    static final ArchRule onlyTheCliUsesTheAccuracyModule = noClasses()
            .that().resideInAPackage("org.olive..").and().resideOutsideOfPackages("org.olive.app.cli..", "org.olive.accuracy..")
            .should().dependOnClassesThat().resideInAPackage("org.olive.accuracy..")
            .because("the command line adds the accuracy step to the runs of a synthetic county; the web app reads the stored "
                    + "figures, never the truth");

    @ArchTest
    static final ArchRule pipelineFeaturesHaveNoCycles = slices().matching("org.olive.pipeline.(*)..")
            .should().beFreeOfCycles();

}
