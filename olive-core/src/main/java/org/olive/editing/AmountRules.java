package org.olive.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.olive.editing.Slips.yuan;

/**
 * The editing rules as pure functions (docs/editing.md). Each returns a {@link Verdict} for one value; the caller
 * applies them in order (negative, consistency, own history, peers) and records the first verdict that edits, unless
 * a consistency rule has {@link Verdict.Kind#SUPPORTED supported} the value.
 */
public final class AmountRules {

    private AmountRules() {
    }

    // ------------------------------------------------------------------------------------------------ (d) negative

    /** A negative amount in a field that cannot be negative is excluded. */
    public static Verdict negative(double value) {
        return value < 0 ? Verdict.exclude("negative amount " + yuan(value) + " in a field that cannot be negative")
                : Verdict.NONE;
    }

    // ------------------------------------------------------------------------------------------------ (a) consistency

    /** Parameters of the withholding rule. */
    public record Withholding(IitSchedule schedule, double contributionShare, double toleranceYuan, List<Integer> powers) {
    }

    /** The verdicts of a rule on the two related values of one row (income and tax; base and contribution …). */
    public record Pair(Verdict first, Verdict second) {
    }

    /**
     * IIT wage against its tax under cumulative withholding: a tax above what the income can carry, or an income far
     * above what its tax allows, is a slip of one of the two. The value that, divided by 10ⁿ, makes the pair
     * consistent is corrected (the tax first: a tax slip leaves the income plausible); when neither does, the
     * offending value is excluded. A positive tax within the bounds supports both values.
     *
     * @param monthOfYear 1..12, for the deductions of the year so far
     */
    public static Pair withholding(double income, double tax, int monthOfYear, Withholding w) {
        IitSchedule s = w.schedule();
        double high = s.monthHigh(income) + w.toleranceYuan();
        double low = s.monthLow(income, monthOfYear, w.contributionShare()) - w.toleranceYuan();
        if (income < 0 || tax < 0) {
            return new Pair(Verdict.NONE, Verdict.NONE);
        }
        if (tax > high) {
            int n = Slips.firstFitting(tax, w.powers(), t -> t <= high && t >= low);
            String why = "tax " + yuan(tax) + " above the " + pct(s.maxRate()) + " the schedule allows on income " + yuan(income)
                    + " (at most " + yuan(Math.max(0, high - w.toleranceYuan())) + ")";
            if (n > 0) {
                double t = Slips.divide(tax, n);
                return new Pair(Verdict.supported("income fits the tax once the tax is divided back"),
                        Verdict.correct(t, n, why + "; " + yuan(t) + " (÷10^" + n + ") fits the schedule"));
            }
            return new Pair(Verdict.NONE, Verdict.exclude(why + "; no ÷10ⁿ fits"));
        }
        if (tax < low) {
            String why = "income " + yuan(income) + " with tax " + yuan(tax) + ": under cumulative withholding this month's "
                    + "income needs a tax of at least " + yuan(low + w.toleranceYuan());
            int n = Slips.firstFitting(income, w.powers(), i -> tax <= s.monthHigh(i) + w.toleranceYuan()
                    && tax >= s.monthLow(i, monthOfYear, w.contributionShare()) - w.toleranceYuan());
            if (n > 0) {
                double i = Slips.divide(income, n);
                return new Pair(Verdict.correct(i, n, why + "; " + yuan(i) + " (÷10^" + n + ") fits the tax"), Verdict.NONE);
            }
            return new Pair(Verdict.exclude(why + "; no ÷10ⁿ fits"), Verdict.NONE);
        }
        if (tax > w.toleranceYuan()) {
            String why = "tax " + yuan(tax) + " fits income " + yuan(income) + " under the schedule";
            return new Pair(Verdict.supported(why), Verdict.supported(why));
        }
        return new Pair(Verdict.NONE, Verdict.NONE);
    }

    /** Parameters of a flat-rate tax (e.g. 20% on interest and dividends). */
    public record FlatRate(double rate, double relativeTolerance, double toleranceYuan, List<Integer> powers) {
    }

    /** Income and tax of a flat-rate item: tax = rate × income; the ×10ⁿ side is divided back. */
    public static Pair flatRate(double income, double tax, FlatRate f) {
        if (income <= 0 || tax <= 0) {
            return new Pair(Verdict.NONE, Verdict.NONE);
        }
        java.util.function.BiPredicate<Double, Double> fits = (i, t) ->
                Math.abs(t - i * f.rate()) <= Math.max(f.toleranceYuan(), i * f.rate() * f.relativeTolerance());
        if (fits.test(income, tax)) {
            String why = "tax " + yuan(tax) + " is " + pct(f.rate()) + " of income " + yuan(income);
            return new Pair(Verdict.supported(why), Verdict.supported(why));
        }
        String why = "tax " + yuan(tax) + " is not " + pct(f.rate()) + " of income " + yuan(income);
        int n = Slips.firstFitting(income, f.powers(), i -> fits.test(i, tax));
        if (n > 0) {
            double i = Slips.divide(income, n);
            return new Pair(Verdict.correct(i, n, why + "; " + yuan(i) + " (÷10^" + n + ") fits"), Verdict.NONE);
        }
        n = Slips.firstFitting(tax, f.powers(), t -> fits.test(income, t));
        if (n > 0) {
            double t = Slips.divide(tax, n);
            return new Pair(Verdict.NONE, Verdict.correct(t, n, why + "; " + yuan(t) + " (÷10^" + n + ") fits"));
        }
        return new Pair(Verdict.NONE, Verdict.exclude(why));
    }

    /** A contribution's share of its base, [low, high] (equal for a fixed rate). */
    public record Rate(double low, double high) {
        boolean fits(double base, double amount, double toleranceYuan) {
            return amount >= base * low - toleranceYuan && amount <= base * high + toleranceYuan;
        }
    }

    /**
     * Contributions against their base: each part (personal, employer …) must be base × its rate. When no part fits,
     * the base ÷10ⁿ that makes every part fit is the correction; otherwise each part that does not fit is divided back
     * (when ÷10ⁿ fits) or excluded. Parts that fit support the base and themselves.
     *
     * @param parts field → [amount]; rates field → rate range; absent parts (null) are skipped
     * @return field → verdict, including the base under {@code baseField}
     */
    public static Map<String, Verdict> contributions(String baseField, double base, Map<String, Double> parts,
                                                     Map<String, Rate> rates, double toleranceYuan, List<Integer> powers) {
        Map<String, Verdict> out = new java.util.LinkedHashMap<>();
        List<String> present = new ArrayList<>();
        parts.forEach((f, v) -> {
            if (v != null && rates.containsKey(f) && v >= 0) {
                present.add(f);
            }
        });
        if (present.isEmpty() || !(base > 0)) {
            return out;
        }
        List<String> failing = present.stream().filter(f -> !rates.get(f).fits(base, parts.get(f), toleranceYuan)).toList();
        if (failing.isEmpty()) {
            // a zero part (a rate of 0, or a flexible worker's employer share) confirms nothing about the base
            boolean evidence = present.stream().anyMatch(f -> parts.get(f) > toleranceYuan);
            if (evidence) {
                String why = "contributions fit base " + yuan(base) + " × the rates";
                out.put(baseField, Verdict.supported(why));
                present.forEach(f -> out.put(f, Verdict.supported(why)));
            }
            return out;
        }
        boolean allFail = failing.size() == present.size()
                && present.stream().anyMatch(f -> parts.get(f) > toleranceYuan);
        if (allFail) {
            int n = Slips.firstFitting(base, powers, b -> present.stream().allMatch(f -> rates.get(f).fits(b, parts.get(f),
                    toleranceYuan)));
            if (n > 0) {
                double b = Slips.divide(base, n);
                out.put(baseField, Verdict.correct(b, n, "no contribution fits base " + yuan(base) + "; base " + yuan(b)
                        + " (÷10^" + n + ") fits " + describe(present, parts, rates)));
                return out;
            }
        }
        for (String f : failing) {
            Rate r = rates.get(f);
            double v = parts.get(f);
            String why = f + " " + yuan(v) + " is not base " + yuan(base) + " × " + range(r);
            int n = Slips.firstFitting(v, powers, x -> r.fits(base, x, toleranceYuan));
            // a value whose only fitting ÷10ⁿ is about zero should have been zero: excluded, not "corrected" to a few fen
            out.put(f, n > 0 && v / Math.pow(10, n) > toleranceYuan
                    ? Verdict.correct(Slips.divide(v, n), n, why + "; " + yuan(Slips.divide(v, n)) + " (÷10^" + n + ") fits")
                    : Verdict.exclude(why));
        }
        return out;
    }

    private static String describe(List<String> fields, Map<String, Double> parts, Map<String, Rate> rates) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            b.append(b.length() == 0 ? "" : ", ").append(f).append(' ').append(yuan(parts.get(f))).append(" at ")
                    .append(range(rates.get(f)));
        }
        return b.toString();
    }

    private static String range(Rate r) {
        return r.low() == r.high() ? pct(r.low()) : pct(r.low()) + "–" + pct(r.high());
    }

    private static String pct(double r) {
        return new java.math.BigDecimal(r * 100).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /**
     * An accounting identity total = part₁ + part₂ + … (e.g. medical cost = fund paid + out of pocket): when it fails,
     * the one field whose ÷10ⁿ restores it is corrected; when none does, {@code unresolved} is excluded.
     *
     * @param values field → value, the total first
     */
    public static Map<String, Verdict> identity(Map<String, Double> values, String total, double toleranceYuan,
                                                List<Integer> powers, String unresolved) {
        Map<String, Verdict> out = new java.util.LinkedHashMap<>();
        if (values.values().stream().anyMatch(v -> v == null || v < 0)) {
            return out;
        }
        if (Math.abs(residual(values, total, null, 0)) <= toleranceYuan) {
            return out;
        }
        String why = identityText(values, total);
        for (String f : values.keySet()) {
            for (int n : powers.stream().sorted().toList()) {
                double v = values.get(f) / Math.pow(10, n);
                if (values.get(f) > toleranceYuan && Math.abs(residual(values, total, f, v)) <= toleranceYuan) {
                    double d = Slips.divide(values.get(f), n);
                    out.put(f, Verdict.correct(d, n, why + "; " + f + " " + yuan(d) + " (÷10^" + n + ") restores it"));
                    return out;
                }
            }
        }
        if (unresolved != null && values.containsKey(unresolved)) {
            out.put(unresolved, Verdict.exclude(why + "; no ÷10ⁿ of one field restores it"));
        }
        return out;
    }

    private static double residual(Map<String, Double> values, String total, String replaced, double replacement) {
        double sum = 0;
        double t = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getKey().equals(replaced) ? replacement : e.getValue();
            if (e.getKey().equals(total)) {
                t = v;
            } else {
                sum += v;
            }
        }
        return t - sum;
    }

    private static String identityText(Map<String, Double> values, String total) {
        StringBuilder b = new StringBuilder(total + " " + yuan(values.get(total)) + " ≠ ");
        boolean first = true;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!e.getKey().equals(total)) {
                b.append(first ? "" : " + ").append(e.getKey()).append(' ').append(yuan(e.getValue()));
                first = false;
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ (b) own history

    /** Parameters of the comparison with the person's own other months, or with peers. */
    public record Outlier(int minOthers, double spikeRatio, boolean excludeSpikes, List<Integer> powers,
                          double powerTolerance) {
    }

    /**
     * A value against a reference set (the same person's other months of the same series, or the amounts paid to
     * peers): when value / median is 10ⁿ (within the tolerance) it is divided back; when it is at least the spike
     * ratio without fitting a power it is excluded (if the dataset allows), else kept. Too small a reference set
     * (fewer than {@code minOthers}) or a median of 0 decides nothing.
     *
     * @param what "the person's median" or "the median of …", for the evidence
     */
    public static Verdict outlier(double value, double[] others, Outlier o, String what) {
        if (others.length < o.minOthers()) {
            return Verdict.NONE;
        }
        return outlier(value, median(others), others.length, o, what);
    }

    /** As {@link #outlier(double, double[], Outlier, String)} with the reference set's median and size given. */
    public static Verdict outlier(double value, double median, int count, Outlier o, String what) {
        if (count < o.minOthers() || !(value > 0) || !(median > 0)) {
            return Verdict.NONE;
        }
        double ratio = value / median;
        if (ratio < o.spikeRatio() && ratio < Math.pow(10, o.powers().stream().min(Integer::compare).orElse(2)
                - o.powerTolerance())) {
            return Verdict.NONE;
        }
        int n = Slips.power(value, median, o.powers(), o.powerTolerance());
        String why = yuan(value) + " is " + String.format(java.util.Locale.ROOT, "%.1f", ratio) + "× " + what + " "
                + yuan(median) + " over " + count + " values";
        if (n > 0) {
            double v = Slips.divide(value, n);
            return Verdict.correct(v, n, why + "; ÷10^" + n + " gives " + yuan(v));
        }
        if (ratio >= o.spikeRatio() && o.excludeSpikes()) {
            return Verdict.exclude(why + "; an isolated spike without support");
        }
        return Verdict.NONE;
    }

    /** The median (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
