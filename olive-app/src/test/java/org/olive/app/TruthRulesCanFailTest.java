package org.olive.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.olive.pipeline.archfixture.ReadsTheTruth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth rules of {@link ArchitectureTest} can fail: a pipeline class that uses olive-accuracy and the generator
 * (the test fixture {@link ReadsTheTruth}) and a web class that uses olive-accuracy violate them; the real
 * command line does not.
 */
class TruthRulesCanFailTest {

    /** A web-app class using the accuracy module. */
    static final class WebPageUsingTheTruth {
        static String name() {
            return org.olive.accuracy.TruthAccuracyStep.class.getSimpleName();
        }
    }

    @Test
    void aPipelineClassUsingTheAccuracyOrTheGeneratorIsFound() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReadsTheTruth.class);
        assertThat(ArchitectureTest.pipelineUsesNeitherTheGeneratorNorTheTruth.evaluate(fixture).getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("org.olive.accuracy.TruthAccuracyStep"))
                .anySatisfy(d -> assertThat(d).contains("org.olive.synth.SynthOptions"));
        assertThat(ArchitectureTest.onlyTheCliUsesTheAccuracyModule.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void onlyTheCommandLineMayUseTheAccuracyModule() {
        JavaClasses webAndCli = new ClassFileImporter().importClasses(WebPageUsingTheTruth.class,
                org.olive.app.cli.RunCommand.class);
        java.util.List<String> details = ArchitectureTest.onlyTheCliUsesTheAccuracyModule.evaluate(webAndCli)
                .getFailureReport().getDetails();
        assertThat(details).anySatisfy(d -> assertThat(d).contains("WebPageUsingTheTruth"))
                .noneSatisfy(d -> assertThat(d).contains("RunCommand"));
    }
}
