package org.olive.pipeline.income;

import java.util.Set;
import org.olive.income.Component;

/**
 * One person's precise (record-based) income over the trailing 12 months: what the income step hands to the
 * estimation (features and residual targets).
 *
 * @param personKey the person
 * @param amounts   yuan per {@link Component}, indexed by ordinal (transfer_out positive)
 * @param months    months of the 12 with a record, per component
 * @param sources   the income_item sources that contributed (e.g. iit_wages, si_base, bnb)
 */
public record PreciseIncome(long personKey, double[] amounts, int[] months, Set<String> sources) {

    public PreciseIncome {
        if (amounts.length != Component.values().length || months.length != Component.values().length) {
            throw new IllegalArgumentException("one amount and one month count per component");
        }
        sources = Set.copyOf(sources);
    }

    public double amount(Component c) {
        return amounts[c.ordinal()];
    }

    public int months(Component c) {
        return months[c.ordinal()];
    }
}
