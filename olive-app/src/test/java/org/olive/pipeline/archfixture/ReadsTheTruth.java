package org.olive.pipeline.archfixture;

import org.olive.accuracy.TruthAccuracyStep;
import org.olive.synth.SynthOptions;

/**
 * A test fixture that breaks the truth rules of ArchitectureTest on purpose: a "pipeline" class using olive-accuracy and
 * the generator ({@code TruthRulesCanFailTest} checks that the rules find it). Test code: the rules themselves import
 * main classes only.
 */
public final class ReadsTheTruth {

    public static String name() {
        return TruthAccuracyStep.class.getSimpleName() + SynthOptions.class.getSimpleName();
    }

    private ReadsTheTruth() {
    }
}
