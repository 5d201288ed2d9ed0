package org.olive.income;

import org.olive.indicator.CountySettings;
import org.olive.indicator.IndicatorSettings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines and brackets of the shipped income.yaml (olive-pipeline's resource), for core tests: the same file the
 * application uses, not a copy.
 */
public final class ShippedIncome {

    /** The shipped file, relative to olive-core (the directory Maven runs the core tests in). */
    public static final Path FILE = Path.of("../olive-pipeline/src/main/resources/org/olive/pipeline/income/income.yaml");

    private static FamilyIncomeRules rules;

    private ShippedIncome() {
    }

    /** The shipped lines and brackets. */
    public static synchronized FamilyIncomeRules rules() {
        if (rules == null) {
            if (!Files.isRegularFile(FILE)) {
                throw new IllegalStateException("the shipped income.yaml is not at " + FILE.toAbsolutePath());
            }
            rules = IncomeParameters.read(FILE);
        }
        return rules;
    }

    /** The indicator settings at the latest dated 低保 figure of the shipped file. */
    public static IndicatorSettings indicators() {
        return IndicatorSettings.of(rules(), rules().lines().latestDibaoPeriod());
    }

    /** County settings with {@link #indicators()}. */
    public static CountySettings county() {
        return CountySettings.of(indicators());
    }
}
