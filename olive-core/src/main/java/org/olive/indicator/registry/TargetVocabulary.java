package org.olive.indicator.registry;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the targets documents and how they are read, from the registry file: the direction words
 * (稳步下降 → {@link Trend#DECLINE} …), the quota phrases (完成上级下达指标), the bound suffixes (以内 → ≤, 以上 → ≥),
 * the estimate prefixes of a baseline (预计) and the marks of a missing cell (——, /).
 */
public record TargetVocabulary(Map<String, Trend> directions, List<String> quotaPhrases,
                               Map<String, Comparison> boundSuffixes, List<String> estimatePrefixes,
                               List<String> missingMarks) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern NUMBER_OR_PERCENT = Pattern.compile("(" + NUMBER.pattern() + ")%?");
    private static final Pattern PREFIX_BOUND = Pattern.compile("(≥|>=|≤|<=|>|<)(" + NUMBER.pattern() + ")%?");

    public TargetVocabulary {
        directions = Collections.unmodifiableMap(new LinkedHashMap<>(directions)); // file order, for messages
        quotaPhrases = List.copyOf(quotaPhrases);
        boundSuffixes = Collections.unmodifiableMap(new LinkedHashMap<>(boundSuffixes));
        estimatePrefixes = List.copyOf(estimatePrefixes);
        missingMarks = List.copyOf(missingMarks);
    }

    /** True when the cell is a "no value" mark such as —— or /. */
    public boolean isMissing(String cell) {
        return missingMarks.contains(squeeze(cell));
    }

    /**
     * Reads a target cell into its form.
     *
     * @throws IllegalArgumentException with the reason when the text is none of the four forms
     */
    public Target target(String cell) {
        String t = squeeze(cell);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        Matcher m = NUMBER_OR_PERCENT.matcher(t);
        if (m.matches()) {
            return new Target.NumberTarget(new BigDecimal(m.group(1)), cell.strip());
        }
        m = PREFIX_BOUND.matcher(t);
        if (m.matches()) {
            Comparison c = switch (m.group(1)) {
                case "≥", ">=" -> Comparison.GE;
                case "≤", "<=" -> Comparison.LE;
                case ">" -> Comparison.GT;
                default -> Comparison.LT;
            };
            return new Target.BoundTarget(c, new BigDecimal(m.group(2)), cell.strip());
        }
        for (Map.Entry<String, Comparison> e : boundSuffixes.entrySet()) {
            if (t.endsWith(e.getKey())) {
                String number = t.substring(0, t.length() - e.getKey().length());
                Matcher n = NUMBER_OR_PERCENT.matcher(number);
                if (n.matches()) {
                    return new Target.BoundTarget(e.getValue(), new BigDecimal(n.group(1)), cell.strip());
                }
            }
        }
        Trend trend = directions.get(t);
        if (trend != null) {
            return new Target.DirectionTarget(trend, cell.strip());
        }
        if (quotaPhrases.contains(t)) {
            return new Target.QuotaTarget(cell.strip());
        }
        throw new IllegalArgumentException("'" + cell.strip() + "' is not a number, a bound (" + String.join("/",
                boundSuffixes.keySet()) + ", ≥, ≤, >, <), a direction " + directions.keySet() + " or a quota phrase "
                + quotaPhrases);
    }

    /**
     * Reads a baseline cell: a number (optionally with %), an estimate (预计55) or a missing mark.
     *
     * @throws IllegalArgumentException with the reason when the text is none of these
     */
    public Baseline baseline(int year, String cell) {
        String t = squeeze(cell);
        if (missingMarks.contains(t)) {
            return new Baseline(year, null, false, cell.strip());
        }
        boolean estimate = false;
        String rest = t;
        Optional<String> prefix = estimatePrefixes.stream().filter(t::startsWith).findFirst();
        if (prefix.isPresent()) {
            estimate = true;
            rest = t.substring(prefix.get().length());
        }
        Matcher m = NUMBER_OR_PERCENT.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + cell.strip() + "' is not a number, an estimate ("
                    + String.join("/", estimatePrefixes) + " + number) or a missing mark " + missingMarks);
        }
        return new Baseline(year, new BigDecimal(m.group(1)), estimate, cell.strip());
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
