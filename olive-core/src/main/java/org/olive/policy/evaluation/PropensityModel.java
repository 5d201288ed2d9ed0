package org.olive.policy.evaluation;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * The propensity score: a logistic regression of treatment on the covariates, fitted by Newton's method (iteratively
 * reweighted least squares) on Hipparchus linear algebra.
 *
 * <p>Written here rather than taken from a library because the fit is thirty lines: Hipparchus has no logistic
 * regression, and the libraries that do (Smile, Tribuo) would bring a large dependency into the framework-free core.
 *
 * <p>The covariates are standardised (mean 0, SD 1 over all units) before the fit, so that one ridge penalty
 * {@code λ/2 ‖β‖²} on the slopes (not the intercept) means the same for covariates in yuan and in persons. The penalty
 * keeps the coefficients finite when a covariate separates treated from controls perfectly (eligibility thresholds do
 * exactly that), where the unpenalised maximum likelihood does not exist; with a small λ it barely moves a fit that
 * does exist. The matching only uses the order and spacing of the fitted logits.
 */
public final class PropensityModel {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-9;

    private final double[] means;
    private final double[] scales;
    private final double[] coefficients;
    private final int iterations;

    private PropensityModel(double[] means, double[] scales, double[] coefficients, int iterations) {
        this.means = means;
        this.scales = scales;
        this.coefficients = coefficients;
        this.iterations = iterations;
    }

    /**
     * Fits the model.
     *
     * @param x       one row of covariates per unit
     * @param treated whether each unit was treated
     * @param ridge   the penalty λ on the standardised slopes
     */
    public static PropensityModel fit(double[][] x, boolean[] treated, double ridge) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double[] means = new double[p];
        double[] scales = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (double[] row : x) {
                sum += row[j];
            }
            means[j] = sum / n;
            double squares = 0;
            for (double[] row : x) {
                squares += (row[j] - means[j]) * (row[j] - means[j]);
            }
            double sd = Math.sqrt(squares / n);
            scales[j] = sd > 0 ? sd : 1; // a constant covariate: its slope is only held at 0 by the ridge
        }
        double[][] design = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            for (int j = 0; j < p; j++) {
                design[i][j + 1] = (x[i][j] - means[j]) / scales[j];
            }
        }
        // A tiny penalty on the intercept as well, so that all-treated or no-treated inputs still give a finite fit.
        double[] penalty = new double[p + 1];
        penalty[0] = 1e-8;
        for (int j = 1; j <= p; j++) {
            penalty[j] = Math.max(ridge, 1e-8);
        }
        double[] beta = new double[p + 1];
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            for (int i = 0; i < n; i++) {
                double prob = sigmoid(dot(design[i], beta));
                double residual = (treated[i] ? 1 : 0) - prob;
                double weight = prob * (1 - prob);
                for (int a = 0; a <= p; a++) {
                    gradient[a] += design[i][a] * residual;
                    double wa = weight * design[i][a];
                    for (int b = a; b <= p; b++) {
                        hessian[a][b] += wa * design[i][b];
                    }
                }
            }
            for (int a = 0; a <= p; a++) {
                gradient[a] -= penalty[a] * beta[a];
                hessian[a][a] += penalty[a];
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            RealMatrix h = new Array2DRowRealMatrix(hessian, false);
            RealVector step = new CholeskyDecomposition(h, 1e-14, 1e-14).getSolver()
                    .solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int a = 0; a <= p; a++) {
                beta[a] += step.getEntry(a);
                largest = Math.max(largest, Math.abs(step.getEntry(a)));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return new PropensityModel(means, scales, beta, iteration);
    }

    /** The linear predictor, log(p / (1 − p)), of a unit's covariates. */
    public double logit(double[] covariates) {
        double z = coefficients[0];
        for (int j = 0; j < means.length; j++) {
            z += coefficients[j + 1] * (covariates[j] - means[j]) / scales[j];
        }
        return z;
    }

    /** The propensity score P(treated | covariates). */
    public double probability(double[] covariates) {
        return sigmoid(logit(covariates));
    }

    /** The coefficients on the standardised covariates, intercept first. */
    public double[] standardisedCoefficients() {
        return coefficients.clone();
    }

    /** Newton steps taken. */
    public int iterations() {
        return iterations;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
