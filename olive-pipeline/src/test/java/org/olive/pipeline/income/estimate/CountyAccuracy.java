package org.olive.pipeline.income.estimate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.income.EstimationResult;
import org.olive.pipeline.income.PreciseIncome;

/**
 * Precise-only and precise+estimated income of every resident of a period against the generator's truth (t12 figures
 * of truth/PERIOD/incomes.csv): MAE by component and of DI, median absolute percentage error of person DI and of family
 * per-capita DI, and how often the truth residual falls inside the estimate's interval. Test code: the pipeline never
 * reads truth.
 */
record CountyAccuracy(int persons, Map<Component, double[]> maeByComponent, double[] diMae, double[] diBias,
                      double[] diMedianApe,
                      double[] perCapitaMedianApe, int families, double intervalCoverage, int intervals,
                      double diCoverage) {

    /** Index 0: precise only; 1: precise + estimated. */
    static CountyAccuracy measure(Connection c, Period p, Map<Long, PreciseIncome> precise, EstimationResult result,
                                  Path truthDir) throws SQLException {
        Map<String, double[]> truth = truth(truthDir.resolve(p.toString()).resolve("incomes.csv"));
        Map<Long, String> ids = new HashMap<>();
        Map<Long, String> family = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pp.person_key, p.id_number, fm.family_key FROM person_period pp "
                + "JOIN person p ON p.person_key = pp.person_key LEFT JOIN family_member fm ON fm.data_period = pp.data_period "
                + "AND fm.person_key = pp.person_key WHERE pp.data_period = ? AND pp.resident")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getString(2));
                    family.put(rs.getLong(1), rs.getString(3));
                }
            }
        }
        int n = 0, inside = 0, intervals = 0, diInside = 0;
        Map<Component, double[]> mae = new EnumMap<>(Component.class);
        for (Component comp : Component.values()) {
            mae.put(comp, new double[2]);
        }
        double[] diMae = new double[2];
        double[] diBias = new double[2];
        List<Double> ape0 = new ArrayList<>(), ape1 = new ArrayList<>();
        Map<String, double[]> fam = new HashMap<>(); // truth DI, precise DI, estimated DI, residents
        for (Map.Entry<Long, String> e : ids.entrySet()) {
            double[] t = truth.get(e.getValue());
            if (t == null) {
                continue;
            }
            n++;
            PreciseIncome pi = precise.get(e.getKey());
            Map<Component, EstimationResult.Estimate> est = result.estimates().getOrDefault(e.getKey(), Map.of());
            double[] a0 = new double[5], a1 = new double[5];
            for (Component comp : Component.values()) {
                a0[comp.ordinal()] = pi == null ? 0 : pi.amount(comp);
                EstimationResult.Estimate x = est.get(comp);
                a1[comp.ordinal()] = a0[comp.ordinal()] + (x == null ? 0 : x.amount());
                mae.get(comp)[0] += Math.abs(a0[comp.ordinal()] - t[comp.ordinal()]);
                mae.get(comp)[1] += Math.abs(a1[comp.ordinal()] - t[comp.ordinal()]);
                if (x != null) {
                    double residual = t[comp.ordinal()] - a0[comp.ordinal()];
                    if (comp == Component.TRANSFER_IN) {
                        // the model's transfer_in residual stands for the whole transfer_net residual
                        residual -= t[Component.TRANSFER_OUT.ordinal()] - a0[Component.TRANSFER_OUT.ordinal()];
                    }
                    intervals++;
                    inside += residual >= x.low() && residual <= x.high() ? 1 : 0;
                }
            }
            double di = t[5], d0 = Component.disposable(a0), d1 = Component.disposable(a1);
            // the DI interval as the income step forms it: precise DI plus the estimates' bounds
            double lo = d0, hi = d0;
            for (Map.Entry<Component, EstimationResult.Estimate> x : est.entrySet()) {
                lo += x.getKey().sign() > 0 ? x.getValue().low() : -x.getValue().high();
                hi += x.getKey().sign() > 0 ? x.getValue().high() : -x.getValue().low();
            }
            diInside += di >= lo - 0.005 && di <= hi + 0.005 ? 1 : 0;
            diMae[0] += Math.abs(d0 - di);
            diMae[1] += Math.abs(d1 - di);
            diBias[0] += d0 - di;
            diBias[1] += d1 - di;
            if (Math.abs(di) >= 1000) {
                ape0.add(Math.abs(d0 - di) / Math.abs(di));
                ape1.add(Math.abs(d1 - di) / Math.abs(di));
            }
            String f = family.get(e.getKey());
            if (f != null) {
                double[] s = fam.computeIfAbsent(f, k -> new double[4]);
                s[0] += di;
                s[1] += d0;
                s[2] += d1;
                s[3]++;
            }
        }
        for (double[] m : mae.values()) {
            m[0] /= n;
            m[1] /= n;
        }
        diMae[0] /= n;
        diMae[1] /= n;
        diBias[0] /= n;
        diBias[1] /= n;
        List<Double> f0 = new ArrayList<>(), f1 = new ArrayList<>();
        for (double[] s : fam.values()) {
            if (Math.abs(s[0]) >= 1000) {
                f0.add(Math.abs(s[1] - s[0]) / Math.abs(s[0]));
                f1.add(Math.abs(s[2] - s[0]) / Math.abs(s[0]));
            }
        }
        return new CountyAccuracy(n, mae, diMae, diBias, new double[] {median(ape0), median(ape1)},
                new double[] {median(f0), median(f1)}, fam.size(), intervals == 0 ? Double.NaN : (double) inside / intervals,
                intervals, n == 0 ? Double.NaN : (double) diInside / n);
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "residents compared with truth: %,d; families: %,d%n", persons, families));
        sb.append(String.format(Locale.ROOT, "%-14s %14s %14s%n", "MAE (yuan)", "precise only", "+ estimated"));
        for (Map.Entry<Component, double[]> e : maeByComponent.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-14s %,14.0f %,14.0f%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        sb.append(String.format(Locale.ROOT, "%-14s %,14.0f %,14.0f%n", "DI", diMae[0], diMae[1]));
        sb.append(String.format(Locale.ROOT, "%-14s %,14.0f %,14.0f%n", "DI mean error", diBias[0], diBias[1]));
        sb.append(String.format(Locale.ROOT, "%-14s %13.1f%% %13.1f%%%n", "median APE DI", 100 * diMedianApe[0], 100 * diMedianApe[1]));
        sb.append(String.format(Locale.ROOT, "%-14s %13.1f%% %13.1f%%%n", "median APE pc", 100 * perCapitaMedianApe[0],
                100 * perCapitaMedianApe[1]));
        sb.append(String.format(Locale.ROOT, "truth residual inside the estimate's interval: %.1f%% of %,d estimates%n",
                100 * intervalCoverage, intervals));
        sb.append(String.format(Locale.ROOT, "truth DI inside the DI interval: %.1f%% of %,d residents%n", 100 * diCoverage, persons));
        return sb.toString();
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(v);
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    /** person_id → t12 wage, business, property, transfer_in, transfer_out, disposable. */
    static Map<String, double[]> truth(Path incomes) {
        Map<String, double[]> out = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(incomes, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int id = header.indexOf("person_id");
            int w = header.indexOf("t12_wage");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                double[] t = new double[6];
                for (int i = 0; i < 6; i++) {
                    t[i] = Double.parseDouble(f[w + i]);
                }
                out.put(f[id], t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
