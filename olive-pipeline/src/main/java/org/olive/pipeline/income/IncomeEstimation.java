package org.olive.pipeline.income;

import org.olive.period.Period;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The estimation hook of the income step (模糊推算, domain.md §4): given the precise incomes of the period, estimate
 * for residents what the records miss. The income step writes the estimates as ESTIMATED items (source
 * {@code model}) added to the precise figure of the component, and the model rows to income_model. Implemented in
 * {@code org.olive.pipeline.income.estimate}; {@link #NONE} estimates nothing.
 */
@FunctionalInterface
public interface IncomeEstimation {

    /** Estimates nothing: incomes are the precise (and declared) figures only. */
    IncomeEstimation NONE = (c, p, precise) -> EstimationResult.EMPTY;

    /**
     * @param c       the run's connection (inside its transaction: the period's person_period, family_member and
     *                income_item rows of this run are visible)
     * @param p       the period
     * @param precise person_key → precise income, for every resident and every other person with a precise item
     * @return estimates per person and component, and one model row per component estimated
     */
    EstimationResult estimate(Connection c, Period p, Map<Long, PreciseIncome> precise) throws SQLException;
}
