package org.olive.indicator;

import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;

import java.util.List;

/**
 * An absolute poverty line, per person per year, against which FGT 0/1/2 are computed (domain.md §5).
 *
 * @param name   a short name used in reports and on the command line, e.g. {@code dibao}
 * @param amount the line in yuan per person per year, positive
 */
public record PovertyLine(String name, double amount) {

    /** Name of the minimum-living-standard line (低保标准). */
    public static final String DIBAO = LinesAt.DIBAO;
    /** Name of the marginal line (低边), {@code lines.dibian} of income.yaml (a multiple of 低保). */
    public static final String MARGINAL = LinesAt.DIBIAN;

    public PovertyLine {
        if (name == null || !name.matches("[A-Za-z0-9_\\-\\p{IsHan}]+")) {
            throw new IllegalArgumentException("a poverty line name is letters, digits, '_' or '-': '" + name + "'");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("poverty line " + name + " must be a positive amount: " + amount);
        }
    }

    /**
     * The county-wide 低保 and 低边 lines in force at a period, from the dated lines of income.yaml (the figures of an
     * area, which the family flags use, do not enter the county's FGT).
     *
     * @throws IllegalArgumentException for a period before the first dated figure, naming the file and key
     */
    public static List<PovertyLine> of(LinesAt lines) {
        return List.of(new PovertyLine(DIBAO, lines.dibao(FamilyArea.COUNTY).amount()),
                new PovertyLine(MARGINAL, lines.dibian(FamilyArea.COUNTY).amount()));
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
