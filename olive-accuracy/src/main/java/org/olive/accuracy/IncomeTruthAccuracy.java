package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.income.Component;
import org.olive.income.FamilyIncomeRules;
import org.olive.income.Bracket;
import org.olive.pipeline.ledger.LedgerResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy of the income ledger against the generator's truth ({@code incomes.csv}: t12 components and DI per
 * person; {@code families.csv}): for residents both sides agree on, the median absolute percentage error of DI
 * (over true DI of at least {@link #APE_FLOOR} yuan), the share within 10%, the mean absolute error per component,
 * and the agreement of the 10–50万 bracket flag of the person's family. Only the command line and tests use the truth.
 */
final class IncomeTruthAccuracy {

    /** Absolute percentage errors are taken over true DI of at least this many yuan (near zero they explode). */
    static final double APE_FLOOR = 1000;
    private static final String[] T12 = {"t12_wage", "t12_business", "t12_property", "t12_transfer_in", "t12_transfer_out"};

    private IncomeTruthAccuracy() {
    }

    static List<RunFigure> compare(Connection c, String period, Path truthDir, FamilyIncomeRules rules)
            throws SQLException {
        List<RunFigure> out = new ArrayList<>();
        Path incomes = truthDir.resolve("incomes.csv");
        if (!Files.isRegularFile(incomes)) {
            return out;
        }
        Map<String, double[]> truth = new HashMap<>();   // ID → 5 components + DI
        List<String> cols = new ArrayList<>(List.of("person_id", "resident"));
        cols.addAll(List.of(T12));
        cols.add("t12_disposable");
        TruthAccuracy.read(incomes, cols, r -> {
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) {
                v[i] = Double.parseDouble(r[2 + i]);
            }
            truth.put(r[0], v);
        });
        // true family flag: residents' DI per capita (× 3 by default) of the true family
        Map<String, List<String>> trueResidents = new HashMap<>();
        Map<String, String> trueFamilyOf = new HashMap<>();
        TruthAccuracy.read(truthDir.resolve("families.csv"), List.of("family_id", "person_id", "resident"), r -> {
            trueFamilyOf.put(r[1], r[0]);
            if ("1".equals(r[2])) {
                trueResidents.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
            }
        });
        Map<String, Boolean> trueFlag = new HashMap<>();
        trueResidents.forEach((f, ids) -> {
            double di = 0;
            for (String id : ids) {
                double[] v = truth.get(id);
                di += v == null ? 0 : v[5];
            }
            Bracket b = rules.bracket(Bracket.MIDDLE_10_50).orElse(null);
            trueFlag.put(f, b != null && b.contains(b.figure(di / ids.size(), di, rules.typicalSize())));
        });
        // precise items only, per resident and component: what the records alone give (to show what estimation adds)
        Map<String, double[]> preciseOnly = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, i.component, SUM(i.amount) FROM income_item i "
                + "JOIN person p ON p.person_key = i.person_key WHERE i.data_period = ? AND i.method = 'PRECISE' "
                + "GROUP BY p.id_number, i.component")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    preciseOnly.computeIfAbsent(rs.getString(1), k -> new double[5])[Component.valueOf(rs.getString(2)).ordinal()]
                            += rs.getDouble(3);
                }
            }
        }
        List<Double> ape = new ArrayList<>();
        List<Double> apePrecise = new ArrayList<>();
        double[] absErr = new double[5];
        double[] absErrPrecise = new double[5];
        double bias = 0;
        double biasPrecise = 0;
        long covered = 0;
        long coveredWide = 0;
        long wide = 0;
        double widthSum = 0;
        long compared = 0;
        long within = 0;
        long agree = 0;
        long flagged = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, pi.wage, pi.business, pi.property, pi.transfer_in, "
                + "pi.transfer_out, pi.disposable, ff.flag_id IS NOT NULL, pi.precise_di, pi.di_low, pi.di_high FROM person_income pi "
                + "JOIN person p "
                + "ON p.person_key = pi.person_key LEFT JOIN family_flag ff ON ff.data_period = pi.data_period "
                + "AND ff.family_key = pi.family_key AND ff.kind = 'BRACKET' AND ff.flag_id = '" + Bracket.MIDDLE_10_50 + "' "
                + "WHERE pi.data_period = ? AND pi.resident = TRUE")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] t = truth.get(rs.getString(1));
                    if (t == null) {
                        continue;
                    }
                    compared++;
                    double[] pr = preciseOnly.getOrDefault(rs.getString(1), new double[5]);
                    for (int i = 0; i < 5; i++) {
                        absErr[i] += Math.abs(rs.getDouble(2 + i) - t[i]);
                        absErrPrecise[i] += Math.abs(pr[i] - t[i]);
                    }
                    double di = rs.getDouble(7);
                    double preciseDi = rs.getDouble(9);
                    bias += di - t[5];
                    biasPrecise += preciseDi - t[5];
                    boolean inside = t[5] >= rs.getDouble(10) - 0.005 && t[5] <= rs.getDouble(11) + 0.005;
                    covered += inside ? 1 : 0;
                    double width = rs.getDouble(11) - rs.getDouble(10);
                    widthSum += width;
                    if (width > 0.005) {
                        wide++;
                        coveredWide += inside ? 1 : 0;
                    }
                    if (Math.abs(t[5]) >= APE_FLOOR) {
                        double e = Math.abs(di - t[5]) / Math.abs(t[5]);
                        ape.add(e);
                        apePrecise.add(Math.abs(preciseDi - t[5]) / Math.abs(t[5]));
                        within += e <= 0.10 ? 1 : 0;
                    }
                    String tf = trueFamilyOf.get(rs.getString(1));
                    if (tf != null && trueFlag.containsKey(tf)) {
                        flagged++;
                        boolean ours = rs.getBoolean(8) && !rs.wasNull();
                        agree += ours == trueFlag.get(tf) ? 1 : 0;
                    }
                }
            }
        }
        if (compared == 0) {
            return out;
        }
        double[] sorted = ape.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Double median = median(sorted);
        Double medianPrecise = median(apePrecise.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        out.add(new RunFigure("income_di_mape", "", sorted.length, sorted.length, median,
                "median absolute percentage error of our trailing-12-month DI against the truth's, over residents of both "
                        + "with true DI of at least " + (int) APE_FLOOR + " yuan (numerator = denominator = those residents)"));
        out.add(RunFigure.of("income_di_within_10pct", "", within, sorted.length,
                "residents whose DI is within 10% of the truth's / residents with true DI of at least "
                        + (int) APE_FLOOR + " yuan"));
        out.add(new RunFigure("income_di_mape_precise_only", "", sorted.length, sorted.length, medianPrecise,
                "the same median error for the precise part of DI alone (without the estimates)"));
        out.add(new RunFigure("income_di_mean_error", "", compared, compared, cents(bias / compared),
                "mean signed error in yuan of DI (ours − truth) over the residents compared: the bias the indicators inherit"));
        out.add(new RunFigure("income_di_mean_error_precise_only", "", compared, compared, cents(biasPrecise / compared),
                "the same for the precise part of DI alone"));
        out.add(RunFigure.of("income_di_interval_coverage", "", covered, compared,
                "residents whose true DI lies in our DI interval [di_low, di_high] / residents compared"));
        out.add(RunFigure.of("income_di_interval_coverage_estimated", "", coveredWide, wide,
                "the same over the residents whose DI interval is not a point (those with an estimate)"));
        out.add(new RunFigure("income_di_interval_mean_width", "", compared, compared, cents(widthSum / compared),
                "mean width in yuan of the DI interval over the residents compared"));
        for (Component comp : Component.values()) {
            String name = comp.name().toLowerCase(java.util.Locale.ROOT);
            out.add(new RunFigure("income_mae_" + name, "", compared,
                    compared, cents(absErr[comp.ordinal()] / compared), "mean absolute error in yuan of the 12-month "
                    + name + " figure over the residents compared"));
            out.add(new RunFigure("income_mae_precise_" + name, "", compared,
                    compared, cents(absErrPrecise[comp.ordinal()] / compared), "the same for the precise items of " + name
                    + " alone"));
        }
        out.add(RunFigure.of("income_bracket_agreement", "", agree, flagged,
                "residents whose family's 10–50万 flag equals the flag of their true family (true family DI from "
                        + "families.csv and incomes.csv, on the configured basis) / residents in a true family"));
        out.addAll(education(c, period, truthDir));
        return out;
    }

    /** Families' education expenditure within this share of the truth's count as right. */
    static final double EDUCATION_TOLERANCE = 0.10;

    /**
     * The families' education expenditure (family_income.education_expense) against the fees the truth says their
     * members paid (incomes.csv's {@code education}, a month) over the months of the window the truth has a folder for,
     * which are the months the ledger could see when the county was generated from its first delivery: the share of the
     * families with fees on either side within {@value #EDUCATION_TOLERANCE} of the truth, the median absolute
     * percentage error over families with true fees of at least 100 yuan, and the ratio of the totals.
     */
    static List<RunFigure> education(Connection c, String period, Path truthDir) throws SQLException {
        List<RunFigure> out = new ArrayList<>();
        Path root = truthDir.getParent();
        org.olive.period.Period p = org.olive.period.Period.parse(period);
        Map<String, Double> truth = new HashMap<>();
        boolean any = false;
        for (org.olive.period.Period q : org.olive.period.Period.range(p.minusMonths(11), p)) {
            Path f = root == null ? null : root.resolve(q.toString()).resolve("incomes.csv");
            if (f == null || !Files.isRegularFile(f) || !HeadlineTruthAccuracy.header(f).contains("education")) {
                continue;
            }
            any = true;
            TruthAccuracy.read(f, List.of("person_id", "education"), r -> {
                double v = Double.parseDouble(r[1]);
                if (v != 0) {
                    truth.merge(r[0], v, Double::sum);
                }
            });
        }
        if (!any) {
            return out;
        }
        Map<String, double[]> families = new HashMap<>(); // family → {ours, truth}
        try (PreparedStatement ps = c.prepareStatement("SELECT f.family_key, f.education_expense, p.id_number FROM "
                + "family_income f JOIN family_member m ON m.data_period = f.data_period AND m.family_key = f.family_key "
                + "JOIN person p ON p.person_key = m.person_key WHERE f.data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] v = families.computeIfAbsent(rs.getString(1), k -> new double[2]);
                    v[0] = rs.getDouble(2);
                    v[1] += truth.getOrDefault(rs.getString(3), 0.0);
                }
            }
        }
        long compared = 0;
        long within = 0;
        double ours = 0;
        double theirs = 0;
        List<Double> ape = new ArrayList<>();
        for (double[] v : families.values()) {
            if (v[0] < 0.005 && v[1] < 0.005) {
                continue;
            }
            compared++;
            ours += v[0];
            theirs += v[1];
            within += Math.abs(v[0] - v[1]) <= EDUCATION_TOLERANCE * v[1] + 0.005 ? 1 : 0;
            if (v[1] >= 100) {
                ape.add(Math.abs(v[0] - v[1]) / v[1]);
            }
        }
        if (compared == 0) {
            return out;
        }
        double[] sorted = ape.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.add(RunFigure.of("income_education_within_10pct", "", within, compared,
                "families whose education expenditure is within 10% of the fees the truth says their members paid in the "
                        + "months of the window with a truth folder / families with fees on either side"));
        out.add(new RunFigure("income_education_mape", "", sorted.length, sorted.length, median(sorted),
                "median absolute percentage error of the families' education expenditure over families with true fees of "
                        + "at least 100 yuan"));
        out.add(new RunFigure("income_education_total_ratio", "", compared, compared,
                theirs == 0 ? null : Math.round(ours / theirs * 10_000) / 10_000.0,
                "education expenditure of all families / the fees the truth says they paid"));
        return out;
    }

    /** Yuan to the cent: sums taken in row order differ in their last bits from run to run and database to database. */
    private static double cents(double yuan) {
        return Math.round(yuan * 100) / 100.0;
    }

    private static Double median(double[] sorted) {
        return sorted.length == 0 ? null : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
