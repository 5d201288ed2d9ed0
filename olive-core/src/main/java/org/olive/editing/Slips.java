package org.olive.editing;

import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/** Decimal slips: a value written 10ⁿ times too large (fen for yuan: n = 2; 万元 for 元: n = 4). */
public final class Slips {

    private Slips() {
    }

    /**
     * The power n of {@code powers} such that value / reference is 10ⁿ within {@code tolerance} in log10 (e.g. 0.15:
     * a ratio between 70.8 and 141 counts as ×100); 0 when none fits or either figure is not positive.
     */
    public static int power(double value, double reference, List<Integer> powers, double tolerance) {
        if (!(value > 0) || !(reference > 0)) {
            return 0;
        }
        double log = Math.log10(value / reference);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int n : powers) {
            double d = Math.abs(log - n);
            if (d <= tolerance && d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The smallest power n of {@code powers} such that value / 10ⁿ passes {@code ok}; 0 when none does. */
    public static int firstFitting(double value, List<Integer> powers, DoublePredicate ok) {
        return powers.stream().sorted().filter(n -> ok.test(value / Math.pow(10, n))).findFirst().orElse(0);
    }

    /** value / 10ⁿ rounded to the fen. */
    public static double divide(double value, int power) {
        return Math.round(value / Math.pow(10, power) * 100) / 100.0;
    }

    /**
     * Money as the evidence texts write it: 1,300,010.00 (what {@code String.format(Locale.ROOT, "%,.2f", v)} gives,
     * built by hand: the editing writes one for nearly every amount it checks, and Formatter was a third of its time).
     */
    public static String yuan(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0); // Formatter keeps the sign of -0.001 and -0.0: "-0.00"
        String digits = java.math.BigDecimal.valueOf(Math.abs(v)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        int point = digits.indexOf('.');
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (negative) {
            b.append('-');
        }
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.append(digits, point, digits.length()).toString();
    }
}
