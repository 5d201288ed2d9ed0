package org.olive.income;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one loader of the dated lines and brackets (domain.md §5): the {@code lines:} and {@code brackets:} sections of
 * {@code income.yaml} (olive-pipeline's built-in file, or a county's own). The family flags (FamilyIncome), the
 * indicators (org.olive.indicator.IndicatorSettings#of) and the headline accuracy all take their figures from the
 * {@link FamilyIncomeRules} read here; there is no copy in Java.
 *
 * <p>{@code lines.dibao_by_year} maps a year to the 低保 standard that applies from 1 January of that year until the
 * next dated figure: a year without a figure keeps the latest earlier one, a year before the first is an error naming
 * the file and the key.
 */
public final class IncomeParameters {

    /** The key of the dated 低保 standards. */
    public static final String DIBAO_KEY = "lines.dibao_by_year";

    private IncomeParameters() {
    }

    /** The lines and brackets of a YAML file. */
    public static FamilyIncomeRules read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines and brackets of a YAML stream; {@code source} (the file) prefixes every error. */
    public static FamilyIncomeRules read(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected the sections lines and brackets");
        }
        try {
            return fromYaml(map, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lines and brackets of an already parsed YAML document (errors name the key, not the file: the caller adds
     * it); the lines remember {@code source} to name it when asked for a year before the first dated figure.
     */
    public static FamilyIncomeRules fromYaml(Map<?, ?> root, String source) {
        Map<?, ?> l = section(root, "lines");
        if (!(l.get("dibao_by_year") instanceof Map<?, ?> years) || years.isEmpty()) {
            throw new IllegalArgumentException(DIBAO_KEY + " must map years to amounts");
        }
        Map<Integer, Double> dibao = new LinkedHashMap<>();
        years.forEach((y, v) -> {
            int year;
            try {
                year = Integer.parseInt(String.valueOf(y).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(DIBAO_KEY + ": '" + y + "' is not a year");
            }
            dibao.put(year, number(v, DIBAO_KEY + "." + y));
        });
        IncomeLines lines = new IncomeLines(dibao, number(l.get("marginal_multiple"), "lines.marginal_multiple"),
                number(l.get("minimum_wage_monthly"), "lines.minimum_wage_monthly"),
                number(l.get("assist_share"), "lines.assist_share"),
                number(l.get("safety_net_share"), "lines.safety_net_share"),
                source + " " + DIBAO_KEY);
        Map<?, ?> b = section(root, "brackets");
        List<Double> b1 = pair(b.get("middle_10_50"), "brackets.middle_10_50");
        List<Double> b2 = pair(b.get("middle_20_60"), "brackets.middle_20_60");
        Object basis = b.get("basis");
        if (basis == null) {
            throw new IllegalArgumentException("missing setting 'brackets.basis'");
        }
        BracketBasis bb;
        try {
            bb = BracketBasis.valueOf(String.valueOf(basis));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("brackets.basis is PER_CAPITA_TIMES_3 or FAMILY_DI, not '" + basis + "'");
        }
        return new FamilyIncomeRules(lines, bb, b1.get(0), b1.get(1), b2.get(0), b2.get(1),
                (int) number(b.get("typical_family_size"), "brackets.typical_family_size"));
    }

    private static Map<?, ?> section(Map<?, ?> map, String name) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("missing section '" + name + "'");
        }
        return m;
    }

    private static double number(Object v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + name + "'");
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + name + "' must be a number, found '" + v + "'");
        }
    }

    private static List<Double> pair(Object v, String name) {
        if (!(v instanceof List<?> l) || l.size() != 2) {
            throw new IllegalArgumentException(name + " must be [lower, upper]");
        }
        return List.of(number(l.get(0), name), number(l.get(1), name));
    }
}
