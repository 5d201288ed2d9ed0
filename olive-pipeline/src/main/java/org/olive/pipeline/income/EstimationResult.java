package org.olive.pipeline.income;

import org.olive.income.Component;

import java.util.List;
import java.util.Map;

/**
 * What an {@link IncomeEstimation} returns: per person and component an estimate of the unrecorded amount over the
 * 12 months with its interval, and the models (one income_model row each).
 *
 * @param estimates person_key → component → estimate (components without an estimate are absent)
 * @param models    the models used, one per component
 */
public record EstimationResult(Map<Long, Map<Component, Estimate>> estimates, List<ModelRow> models) {

    public static final EstimationResult EMPTY = new EstimationResult(Map.of(), List.of());

    public EstimationResult {
        estimates = Map.copyOf(estimates);
        models = List.copyOf(models);
    }

    /** An estimated yearly amount (yuan, ≥ 0; transfer expenditure positive) and its interval. */
    public record Estimate(double amount, double low, double high) {
        public Estimate {
            if (!(low <= amount && amount <= high)) {
                throw new IllegalArgumentException("expected low <= amount <= high, found " + low + ", " + amount + ", " + high);
            }
        }
    }

    /**
     * One row of income_model (see V6): the model of a component, its training data and held-out accuracy.
     */
    public record ModelRow(Component component, int surveyYear, String trainer, int trainRows, int testRows, Double mae,
                           Double mape, Double coverage, Double intervalHalfWidth, int appliedTo, String details) {
    }
}
