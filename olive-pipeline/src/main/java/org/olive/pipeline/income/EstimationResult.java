package org.olive.pipeline.income;

import java.util.List;
import java.util.Map;
import org.olive.income.Component;

/**
 * What the estimation (模糊推算) adds to a period's precise income: per resident person and component, an estimated
 * amount with its interval, the models' accuracy (one {@link ModelReport} per modelled component, the income_model
 * rows), and notes saying what was not done and why (no survey yet, too few survey rows, survey persons not found).
 *
 * @param estimates person_key → component → estimate (only persons and components the configuration applies to;
 *                  amounts are the residual over the precise figure, to be added to it)
 * @param models    one report per component a model was trained for
 * @param notes     plain-language lines for the run report
 */
public record EstimationResult(Map<Long, Map<Component, Estimate>> estimates, List<ModelReport> models,
                               List<String> notes) {

    /** No estimates, no models, no notes. */
    public static final EstimationResult EMPTY = new EstimationResult(Map.of(), List.of(), List.of());

    public EstimationResult {
        estimates = Map.copyOf(estimates);
        models = List.copyOf(models);
        notes = List.copyOf(notes);
    }

    /** No estimates and no models, with the reason. */
    public static EstimationResult none(String why) {
        return new EstimationResult(Map.of(), List.of(), List.of(why));
    }

    /**
     * One estimated amount (yuan over the trailing 12 months) and its prediction interval at the configured
     * coverage (split-conformal). low ≤ amount ≤ high.
     */
    public record Estimate(double amount, double low, double high) {
    }

    /**
     * A trained model's description and accuracy on held-out survey households (one income_model row).
     *
     * @param trainer           the trainer and its parameters, e.g. "tribuo RandomForest(CART depth 6) × 200"
     * @param mae               mean absolute error of the residual on the test households (yuan); NaN if no test rows
     * @param mape              mean absolute percentage error over test targets at or above the MAPE floor; NaN if none
     * @param coverage          share of test targets inside their interval
     * @param intervalHalfWidth the calibrated half-width of the intervals (yuan)
     * @param appliedTo         persons the estimate was applied to in the period
     * @param details           JSON: features, parameters, split, baseline (mean predictor) MAE, skipped rows
     */
    public record ModelReport(Component component, int surveyYear, String trainer, int trainRows, int testRows,
                              double mae, double mape, double coverage, double intervalHalfWidth, int appliedTo,
                              String details) {
    }
}
