package org.olive.indicator;

import org.olive.income.IncomeLines;

import java.util.List;

/**
 * An absolute poverty line, per person per year, against which FGT 0/1/2 are computed (domain.md §5).
 *
 * @param name   a short name used in reports and on the command line, e.g. {@code dibao}
 * @param amount the line in yuan per person per year, positive
 */
public record PovertyLine(String name, double amount) {

    /** Name of the minimum-living-standard line (低保标准). */
    public static final String DIBAO = "dibao";
    /** Name of the marginal line (低边), {@code lines.marginal_multiple} × 低保 of income.yaml. */
    public static final String MARGINAL = "dibian";

    public PovertyLine {
        if (name == null || !name.matches("[A-Za-z0-9_\\-\\p{IsHan}]+")) {
            throw new IllegalArgumentException("a poverty line name is letters, digits, '_' or '-': '" + name + "'");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("poverty line " + name + " must be a positive amount: " + amount);
        }
    }

    /**
     * The 低保 and 低边 lines of a year, from the dated lines of income.yaml (a year without a figure keeps the latest
     * earlier one).
     *
     * @throws IllegalArgumentException for a year before the first dated figure, naming the file and key
     */
    public static List<PovertyLine> of(IncomeLines lines, int year) {
        return List.of(new PovertyLine(DIBAO, lines.dibao(year)), new PovertyLine(MARGINAL, lines.marginal(year)));
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
