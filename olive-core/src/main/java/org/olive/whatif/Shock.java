package org.olive.whatif;

import org.olive.income.Component;
import org.olive.period.Period;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * One shock of a what-if scenario (重大变量影响, docs/whatif.md). Either an income shock — it acts on the stored income
 * items (income_item) of a component and/or of sources, of the persons in the groups and of the families in the areas
 * named, over the months named — or a line shock ({@code line: dibao}), which changes the 低保 standard every measure and
 * rule uses (the 低边 and 特困 lines that are multiples of it follow).
 *
 * @param yamlLine   the line of the shock in its file (1-based), for messages
 * @param component  the component acted on, or null (every component of the sources)
 * @param sources    the income_item sources acted on (e.g. fishery_crew, vessel_owner, bnb); empty: every source
 * @param line       a line shock's line ({@code dibao}), or null for an income shock
 * @param groups     key-group ids (group_member of the period): only their members' items; empty: everyone
 * @param areas      township (9-digit) or village (12-digit) codes: only families there; empty: the whole county
 * @param from       first month, or null (the window's first)
 * @param to         last month, or null (the window's last)
 * @param factor     the multiplier of the amounts (0.7 = −30 %), or null
 * @param amount     yuan per person per month added to each matching item (income shock), or yuan per person per year
 *                   added to the line (line shock), or null; exactly one of factor and amount is given
 * @param note       what the shock stands for (free text)
 */
public record Shock(int yamlLine, Component component, List<String> sources, String line, Set<String> groups,
                    Set<String> areas, YearMonth from, YearMonth to, Double factor, Double amount, String note) {

    public Shock {
        sources = List.copyOf(sources);
        groups = Set.copyOf(groups);
        areas = Set.copyOf(areas);
        if ((factor == null) == (amount == null)) {
            throw new IllegalArgumentException("a shock has exactly one of factor and amount");
        }
    }

    /** Whether this is a line shock. */
    public boolean isLine() {
        return line != null;
    }

    /** The months of the trailing-12-month window of {@code p} (P-11..P) that the shock covers. */
    public int monthsIn(Period p) {
        YearMonth last = p.month();
        YearMonth first = last.minusMonths(11);
        YearMonth a = from == null || from.isBefore(first) ? first : from;
        YearMonth b = to == null || to.isAfter(last) ? last : to;
        return a.isAfter(b) ? 0 : (int) (java.time.temporal.ChronoUnit.MONTHS.between(a, b) + 1);
    }

    /** Whether an item of that component and source is acted on (an income shock only). */
    public boolean matches(Component c, String source) {
        return line == null && (component == null || component == c) && (sources.isEmpty() || sources.contains(source));
    }

    /** Whether a family of that township and village is in the shock's areas. */
    public boolean inArea(String township, String village) {
        if (areas.isEmpty()) {
            return true;
        }
        return township != null && areas.contains(township) || village != null && areas.contains(village);
    }

    /**
     * The change of one matching item's amount (its 12-month amount, positive) at period {@code p}: a factor acts on
     * the share of the amount in the shock's months, pro-rated (the stored items are 12-month sums, not months); an
     * amount adds so many yuan per month of the shock inside the window.
     */
    public double delta(double itemAmount, Period p) {
        int n = monthsIn(p);
        if (factor != null) {
            return itemAmount * (factor - 1) * n / 12.0;
        }
        return amount * n;
    }

    /** A short description: {@code fishery_crew,vessel_owner ×0.7 2025-05..2025-09}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        if (line != null) {
            sb.append("line ").append(line);
        } else {
            sb.append(component == null ? "" : component.name());
            if (!sources.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "/").append(String.join(",", sources));
            }
            if (sb.isEmpty()) {
                sb.append("all income");
            }
        }
        sb.append(factor != null ? " ×" + plain(factor) : (amount >= 0 ? " +" : " ") + plain(amount));
        if (from != null || to != null) {
            sb.append(' ').append(from == null ? "" : from).append("..").append(to == null ? "" : to);
        }
        if (!groups.isEmpty()) {
            sb.append(" groups ").append(String.join(",", new java.util.TreeSet<>(groups)));
        }
        if (!areas.isEmpty()) {
            sb.append(" areas ").append(String.join(",", new java.util.TreeSet<>(areas)));
        }
        return sb.toString();
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
