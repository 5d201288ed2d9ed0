package org.olive.app.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.olive.indicator.registry.Indicator;
import org.olive.indicator.registry.Progress;
import org.springframework.stereotype.Component;

/**
 * How every figure is shown, in the web pages ({@code ${@figures.yuan(x)}} in templates) and in the command line's
 * text reports (docs/cockpit.md, "Figures and units"): the unit decides the precision.
 *
 * <ul>
 * <li>{@code %}: one decimal, "75.8%" ({@link #percent} for values already in per cent, {@link #share} for fractions);
 * <li>{@code 元}: whole yuan with thousands grouping, "62,020 元" ({@link #amount} without the unit, for a column
 *     whose heading names it);
 * <li>no unit (ratios and coefficients): two decimals, "1.54";
 * <li>any other unit (万元, 年, 人/万人 …): at most two decimals, trailing zeros dropped, at least two significant
 *     digits below 1 ("16.94 万元", "0.026 人/亿元").
 * </ul>
 * A missing figure is "–". Rounding is half-up, as in statistical tables.
 */
@Component("figures")
public class Figures {

    /** Shown for a missing figure. */
    public static final String MISSING = "–";

    public static final String PERCENT = "%";
    public static final String YUAN = "元";

    /** The reasons' arguments that are values of the indicator (the others are years, target texts and codes). */
    private static final java.util.Map<String, Set<Integer>> VALUE_ARGUMENTS = java.util.Map.ofEntries(
            java.util.Map.entry("NUMBER_MET", Set.of(0)), java.util.Map.entry("NUMBER_NOT_MET", Set.of(0)),
            java.util.Map.entry("BOUND_MET", Set.of(0)), java.util.Map.entry("BOUND_NOT_MET", Set.of(0)),
            java.util.Map.entry("TREND_MET", Set.of(0, 1)), java.util.Map.entry("TREND_NOT_MET", Set.of(0, 1)),
            java.util.Map.entry("RANGE_MET", Set.of(0, 1, 2)), java.util.Map.entry("RANGE_NOT_MET", Set.of(0, 1, 2)),
            java.util.Map.entry("PATH_AHEAD", Set.of(0)),
            java.util.Map.entry("PATH_ON_TRACK", Set.of(0, 4)), java.util.Map.entry("PATH_BEHIND", Set.of(0, 4)));

    /** The reasons' arguments that are a target as the source writes it (a bare number gets the unit's format). */
    private static final java.util.Map<String, Set<Integer>> TARGET_ARGUMENTS = java.util.Map.of(
            "NUMBER_MET", Set.of(2), "NUMBER_NOT_MET", Set.of(2),
            "PATH_AHEAD", Set.of(2), "PATH_ON_TRACK", Set.of(2), "PATH_BEHIND", Set.of(2));

    /** A value in the given unit, with the unit: "75.8%", "62,020 元", "1.54", "16.94 万元". */
    public String of(Number value, String unit) {
        if (value == null || !finite(value)) {
            return MISSING;
        }
        String u = unit == null ? "" : unit.strip();
        return switch (u) {
            case PERCENT -> percent(value);
            case YUAN -> yuan(value);
            case "" -> ratio(value);
            default -> other(value) + " " + u;
        };
    }

    /** A value already in per cent: "75.8%". */
    public String percent(Number value) {
        return missing(value) ? MISSING : format(decimal(value), 1, 1) + "%";
    }

    /** A fraction shown in per cent: 0.7578 → "75.8%". */
    public String share(Number fraction) {
        return missing(fraction) ? MISSING : percent(decimal(fraction).movePointRight(2));
    }

    /** Yuan, whole, grouped, with the unit: "62,020 元". */
    public String yuan(Number value) {
        return missing(value) ? MISSING : amount(value) + " " + YUAN;
    }

    /** Yuan, whole, grouped, without the unit (for a column whose heading says 元): "62,020". */
    public String amount(Number value) {
        return missing(value) ? MISSING : format(decimal(value), 0, 0);
    }

    /** A low – high interval of yuan, whole, without the unit: "70,000 – 110,000". */
    public String amounts(Number low, Number high) {
        return missing(low) || missing(high) ? MISSING : amount(low) + " – " + amount(high);
    }

    /** A ratio or coefficient: two decimals, "1.54". */
    public String ratio(Number value) {
        return missing(value) ? MISSING : format(decimal(value), 2, 2);
    }

    /** A count: "1,234". */
    public String count(Number value) {
        return missing(value) ? MISSING : format(decimal(value), 0, 0);
    }

    /** A value in another unit, without it: at most two decimals, at least two significant digits below 1. */
    String other(Number value) {
        BigDecimal v = decimal(value);
        int decimals = 2;
        if (v.signum() != 0 && v.abs().compareTo(BigDecimal.ONE) < 0) {
            decimals = Math.max(2, 1 - (int) Math.floor(Math.log10(v.abs().doubleValue())));
        }
        return format(v, 0, decimals);
    }

    /**
     * A target or baseline as the source writes it ("58000", "80%", "1.5以内", "稳步提升", "预计55", "——"): a bare number
     * gets the unit's format ("58,000 元"), anything else is left as written.
     */
    public String text(String text, String unit) {
        if (text == null || text.isBlank()) {
            return MISSING;
        }
        String t = text.strip();
        if (t.matches("-?[0-9]+(\\.[0-9]+)?")) {
            // a target keeps the digits the source gives it ("79" → "79%", not "79.0%"), grouped, with the unit
            BigDecimal v = new BigDecimal(t);
            String number = format(v, v.scale(), v.scale());
            String u = unit == null ? "" : unit.strip();
            return u.isEmpty() ? number : u.equals(PERCENT) ? number + PERCENT : number + " " + u;
        }
        return t;
    }

    /** A value of an indicator in its unit. */
    public String value(Indicator indicator, Number value) {
        return of(value, indicator.unit());
    }

    /**
     * The arguments of a verdict's reason with the indicator's values formatted by its unit ("75.8%" instead of
     * "75.78415956", "1.54" instead of "1.536067388") and bare-number targets with their unit; years and texts as they
     * are.
     */
    public Object[] reasonArguments(Indicator indicator, Progress progress) {
        List<String> args = progress.arguments();
        String reason = progress.reason().name();
        Set<Integer> values = VALUE_ARGUMENTS.getOrDefault(reason, Set.of());
        Set<Integer> targets = TARGET_ARGUMENTS.getOrDefault(reason, Set.of());
        Object[] out = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (values.contains(i)) {
                out[i] = parse(a) == null ? a : value(indicator, parse(a));
            } else if (targets.contains(i)) {
                out[i] = text(a, indicator.unit());
            } else {
                out[i] = a;
            }
        }
        return out;
    }

    private static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static boolean missing(Number value) {
        return value == null || !finite(value);
    }

    private static boolean finite(Number value) {
        return !(value instanceof Double d && !Double.isFinite(d)) && !(value instanceof Float f && !Float.isFinite(f));
    }

    private static BigDecimal decimal(Number value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(value.longValue());
        }
        return new BigDecimal(Double.toString(value.doubleValue()));
    }

    private static String format(BigDecimal v, int minDecimals, int maxDecimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(maxDecimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(v.setScale(maxDecimals, RoundingMode.HALF_UP));
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }
}
