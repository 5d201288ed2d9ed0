package org.olive.indicator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An absolute poverty line, per person per year, against which FGT 0/1/2 are computed (domain.md §5).
 *
 * @param name   a short name used in reports and on the command line, e.g. {@code dibao}
 * @param amount the line in yuan per person per year, positive
 */
public record PovertyLine(String name, double amount) {

    /** Name of the minimum-living-standard line (低保标准). */
    public static final String DIBAO = "dibao";
    /** Name of the marginal line (低边), by default {@link #MARGINAL_MULTIPLE} × 低保. */
    public static final String MARGINAL = "dibian";
    /** The 低边 line is at most twice the 低保 standard; the default takes the upper bound. */
    public static final double MARGINAL_MULTIPLE = 2.0;

    /** The county's 低保 standards by year (domain.md §5); other years are entered by the user. */
    public static final Map<Integer, Double> DIBAO_BY_YEAR = Map.of(2020, 9_720.0, 2021, 10_920.0, 2022, 11_000.0, 2025, 14_000.0);

    public PovertyLine {
        if (name == null || !name.matches("[A-Za-z0-9_\\-\\p{IsHan}]+")) {
            throw new IllegalArgumentException("a poverty line name is letters, digits, '_' or '-': '" + name + "'");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("poverty line " + name + " must be a positive amount: " + amount);
        }
    }

    /** The 低保 and 低边 lines of a year whose 低保 standard is known. */
    public static List<PovertyLine> defaultsFor(int year) {
        Double dibao = DIBAO_BY_YEAR.get(year);
        if (dibao == null) {
            throw new IllegalArgumentException("no 低保 standard is known for " + year + " (known: "
                    + new TreeMap<>(DIBAO_BY_YEAR).keySet() + "); give the lines with --line dibao=AMOUNT --line dibian=AMOUNT");
        }
        return List.of(new PovertyLine(DIBAO, dibao), new PovertyLine(MARGINAL, MARGINAL_MULTIPLE * dibao));
    }

    /** Parses {@code NAME=AMOUNT}, as the command line accepts it. */
    public static PovertyLine parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a poverty line is NAME=AMOUNT (e.g. dibao=14000): '" + text + "'");
        }
        double amount;
        try {
            amount = Double.parseDouble(text.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the amount of poverty line '" + text + "' is not a number");
        }
        return new PovertyLine(text.substring(0, eq).strip(), amount);
    }
}
