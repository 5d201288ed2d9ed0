package org.olive.pipeline.ingest;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The period-level checks of an ingest run, from the {@code checks:} entry of {@code datasets.yaml} (and each
 * dataset's optional {@code collapse_ratio}); see that file for their meaning.
 */
public record IngestChecks(double collapseRatio, long collapseMinPreviousRows, Pattern collapseExcludeFiles,
                           int reportFirstRejects, Map<String, Double> collapseRatioByDataset,
                           Map<String, java.util.Set<Integer>> collapseSkipMonths) {

    public IngestChecks {
        collapseRatioByDataset = Map.copyOf(collapseRatioByDataset);
        collapseSkipMonths = Map.copyOf(collapseSkipMonths);
        if (collapseRatio < 0 || collapseRatio > 1 || collapseMinPreviousRows < 0 || reportFirstRejects < 0) {
            throw new IllegalArgumentException("checks: collapse_ratio must be within 0..1, counts not negative");
        }
    }

    /** The collapse ratio of a dataset: its own, or the general one. */
    public double collapseRatio(String dataset) {
        return collapseRatioByDataset.getOrDefault(dataset, collapseRatio);
    }

    /** Whether a dataset's count is compared in a period (not in its collapse_skip_months, ratio above 0). */
    public boolean compares(String dataset, org.olive.period.Period period) {
        return collapseRatio(dataset) > 0
                && !collapseSkipMonths.getOrDefault(dataset, java.util.Set.of()).contains(period.monthValue());
    }

    /** Whether a file counts in the comparison with the previous delivery (history loads do not). */
    public boolean compared(String fileName) {
        return !collapseExcludeFiles.matcher(fileName).matches();
    }

    public static IngestChecks builtIn() {
        try (InputStream in = Objects.requireNonNull(DatasetSettings.class.getResourceAsStream("datasets.yaml"), "datasets.yaml")) {
            return load(in, "built-in datasets.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngestChecks load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static IngestChecks load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map) || !(map.get(DatasetSettings.CHECKS) instanceof Map<?, ?> c)) {
            throw new IllegalArgumentException(source + ": needs a '" + DatasetSettings.CHECKS + "' map");
        }
        Map<String, Double> byDataset = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> skip = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> s && !DatasetSettings.CHECKS.equals(k)) {
                if (s.get("collapse_ratio") instanceof Number n) {
                    byDataset.put(String.valueOf(k), n.doubleValue());
                }
                if (s.get("collapse_skip_months") instanceof java.util.List<?> l) {
                    java.util.Set<Integer> months = new java.util.TreeSet<>();
                    l.forEach(o -> months.add(((Number) o).intValue()));
                    skip.put(String.valueOf(k), months);
                }
            }
        });
        Pattern exclude;
        try {
            exclude = Pattern.compile(String.valueOf(require(c, "collapse_exclude_files", source)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(source + ": collapse_exclude_files is not a regular expression: " + e.getDescription());
        }
        return new IngestChecks(number(c, "collapse_ratio", source).doubleValue(),
                number(c, "collapse_min_previous_rows", source).longValue(), exclude,
                number(c, "report_first_rejects", source).intValue(), byDataset, skip);
    }

    private static Object require(Map<?, ?> m, String key, String source) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(source + ": checks." + key + " is missing");
        }
        return v;
    }

    private static Number number(Map<?, ?> m, String key, String source) {
        if (!(require(m, key, source) instanceof Number n)) {
            throw new IllegalArgumentException(source + ": checks." + key + " must be a number");
        }
        return n;
    }
}
