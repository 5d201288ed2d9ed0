package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.olive.income.FamilyIncomeRules;
import org.olive.indicator.Breakdown;
import org.olive.indicator.CountyIndicators;
import org.olive.indicator.CountyPersons;
import org.olive.indicator.CountySettings;
import org.olive.indicator.GroupIndicators;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeIndicatorData;
import org.olive.pipeline.income.IncomeIndicators;
import org.olive.pipeline.income.IncomeMetrics;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ledger.LedgerResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headline figures a county reports — resident count, per-capita DI (county, urban, rural), pilot indicators 1
 * (urban/rural ratio), 2 and 3 (shares of residents in families of 10–50万 and 20–60万) and the Gini — computed twice
 * with the same definitions and the same core code ({@link CountyIndicators} over {@link CountyPersons}, the settings
 * of the indicators step, {@link IncomeMetrics}): once on Olive's income ledger exactly as the indicators step
 * computes its POPULATION county figures, once on the generator's truth ({@code residence.csv} for residence and the
 * person's village, {@code incomes.csv} for the true family and trailing-12-month DI). Each figure becomes three rows
 * of ledger_figure: {@code headline_<figure>_olive}, {@code _truth} and {@code _error} (relative for counts and
 * yuan, absolute for the ratio, the shares and the Gini points). Only the command line and tests use the truth.
 */
final class HeadlineTruthAccuracy {

    /** How a figure's error is expressed. */
    enum Error {
        /** (Olive − truth) / truth. */
        RELATIVE,
        /** Olive − truth, in the figure's own unit (a share as a fraction, the Gini in points). */
        ABSOLUTE
    }

    /** A headline figure: its name in ledger_figure and how its error is expressed. */
    enum Headline {
        RESIDENTS("residents", Error.RELATIVE),
        PER_CAPITA_DI("per_capita_di", Error.RELATIVE),
        PER_CAPITA_DI_URBAN("per_capita_di_urban", Error.RELATIVE),
        PER_CAPITA_DI_RURAL("per_capita_di_rural", Error.RELATIVE),
        URBAN_RURAL_RATIO("urban_rural_ratio", Error.ABSOLUTE),
        SHARE_10_50("share_10_50", Error.ABSOLUTE),
        SHARE_20_60("share_20_60", Error.ABSOLUTE),
        GINI("gini", Error.ABSOLUTE);

        final String key;
        final Error error;

        Headline(String key, Error error) {
            this.key = key;
            this.error = error;
        }

        String metric(String side) {
            return PREFIX + key + "_" + side;
        }
    }

    static final String PREFIX = "headline_";
    static final String OLIVE = "olive";
    static final String TRUTH = "truth";
    static final String ERROR = "error";

    /** One side's county figures: value with the numerator and denominator it was taken from (both may be NaN). */
    record Value(double value, double numerator, double denominator) {
    }

    private HeadlineTruthAccuracy() {
    }

    /**
     * The settings the indicators step uses for the period (lines and brackets of the income settings' file), limited to
     * the county (the urban/rural split is in it).
     */
    static CountySettings settings(Period p, FamilyIncomeRules rules) {
        return IncomeIndicators.defaultSettings(p, rules).withBreakdowns(EnumSet.of(Breakdown.COUNTY));
    }

    /** {@link #compare(Connection, Period, Path, FamilyIncomeRules)} with the built-in income.yaml. */
    static List<RunFigure> compare(Connection c, Period p, Path truthDir) throws SQLException {
        return compare(c, p, truthDir, IncomeSettings.builtIn().family());
    }

    /**
     * Olive's and the truth's headline figures of the period; empty when the period has no income ledger or the truth
     * folder no incomes.csv.
     */
    static List<RunFigure> compare(Connection c, Period p, Path truthDir, FamilyIncomeRules rules) throws SQLException {
        Path incomes = truthDir.resolve("incomes.csv");
        Path residence = truthDir.resolve("residence.csv");
        if (!Files.isRegularFile(incomes) || !Files.isRegularFile(residence)) {
            return List.of();
        }
        Optional<IncomeIndicatorData.Population> ours = IncomeIndicatorData.population(c, p);
        if (ours.isEmpty()) {
            return List.of();
        }
        CountySettings settings = settings(p, rules);
        Map<Headline, Value> olive = figures(ours.get().persons(), settings);
        Truth truth = truth(truthDir);
        Map<Headline, Value> real = figures(truth.persons(), settings);
        String oliveNote = "Olive: residents of person_income in their family_income families, as the indicators step "
                + "computes income_indicator (POPULATION, COUNTY)";
        String truthNote = "truth: residents of " + p + "/residence.csv in their true family (incomes.csv family_id), "
                + "family DI = Σ resident members' t12_disposable, urban from the person's village ("
                + (truth.urbanKnown() ? "residence.csv urban" : "unknown: the truth has no urban column; regenerate it")
                + "); " + truth.notes();
        return rows(olive, real, oliveNote, truthNote);
    }

    /** The three rows of each figure. */
    static List<RunFigure> rows(Map<Headline, Value> olive, Map<Headline, Value> truth, String oliveNote,
                                          String truthNote) {
        List<RunFigure> out = new ArrayList<>();
        for (Headline h : Headline.values()) {
            Value o = olive.get(h);
            Value t = truth.get(h);
            out.add(figure(h.metric(OLIVE), o, oliveNote));
            out.add(figure(h.metric(TRUTH), t, truthNote));
            double e = error(h, o.value(), t.value());
            out.add(new RunFigure(h.metric(ERROR), "", 0, 0, Double.isFinite(e) ? e : null,
                    h.error == Error.RELATIVE ? "(Olive − truth) / truth" : "Olive − truth"
                            + (h == Headline.GINI ? " in Gini points" : h.key.startsWith("share") ? " as a fraction (× 100 = "
                            + "percentage points)" : "")));
        }
        return out;
    }

    static double error(Headline h, double olive, double truth) {
        return h.error == Error.RELATIVE ? (truth == 0 ? Double.NaN : (olive - truth) / truth) : olive - truth;
    }

    private static RunFigure figure(String metric, Value v, String note) {
        return new RunFigure(metric, "", whole(v.numerator()), whole(v.denominator()),
                Double.isFinite(v.value()) ? v.value() : null, note);
    }

    private static long whole(double v) {
        return Double.isFinite(v) ? Math.round(v) : 0;
    }

    /** The headline figures of persons, through the indicators step's own metrics. */
    static Map<Headline, Value> figures(CountyPersons persons, CountySettings settings) {
        GroupIndicators county = CountyIndicators.compute(persons, settings).county();
        Map<String, IncomeMetrics.Figure> m = IncomeMetrics.of(county, false, false);
        Map<Headline, Value> out = new LinkedHashMap<>();
        IncomeMetrics.Figure persons1 = m.get(IncomeMetrics.PERSONS);
        out.put(Headline.RESIDENTS, new Value(persons1.figure(), persons1.figure(), 1));
        IncomeMetrics.Figure pc = m.get(IncomeMetrics.PER_CAPITA_DI);
        out.put(Headline.PER_CAPITA_DI, new Value(pc.figure(), pc.figure() * persons1.figure(), persons1.figure()));
        IncomeMetrics.Figure ratio = m.get(IncomeMetrics.URBAN_RURAL_RATIO);
        out.put(Headline.PER_CAPITA_DI_URBAN, new Value(ratio.numerator(), Double.NaN, Double.NaN));
        out.put(Headline.PER_CAPITA_DI_RURAL, new Value(ratio.denominator(), Double.NaN, Double.NaN));
        out.put(Headline.URBAN_RURAL_RATIO, of(ratio));
        out.put(Headline.SHARE_10_50, of(m.get(IncomeMetrics.SHARE_10_50)));
        out.put(Headline.SHARE_20_60, of(m.get(IncomeMetrics.SHARE_20_60)));
        out.put(Headline.GINI, of(m.get(IncomeMetrics.GINI)));
        return out;
    }

    private static Value of(IncomeMetrics.Figure f) {
        if (f == null) {
            return new Value(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Value(f.figure(), f.numerator(), f.denominator());
    }

    /**
     * The truth's residents in their true families.
     *
     * @param urbanKnown residence.csv has the urban column (generators before it did not write it)
     */
    record Truth(CountyPersons persons, int residents, boolean urbanKnown, String notes) {
    }

    /** Reads the truth's residents, their village and urban class, their true family and trailing-12-month DI. */
    static Truth truth(Path truthDir) {
        Path residence = truthDir.resolve("residence.csv");
        boolean withVillage = header(residence).containsAll(List.of("village_code", "urban"));
        Map<String, String[]> resident = new LinkedHashMap<>(); // id → {village, urban}
        TruthAccuracy.read(residence, withVillage ? List.of("person_id", "resident", "village_code", "urban")
                : List.of("person_id", "resident"), r -> {
            if ("1".equals(r[1])) {
                resident.put(r[0], withVillage ? new String[]{r[2], r[3]} : new String[]{null, null});
            }
        });
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, Double> di = new HashMap<>();
        int[] disagree = new int[1];
        TruthAccuracy.read(truthDir.resolve("incomes.csv"), List.of("person_id", "family_id", "resident", "t12_disposable"), r -> {
            boolean res = resident.containsKey(r[0]);
            if (res != "1".equals(r[2])) {
                disagree[0]++;
            }
            if (res) {
                members.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]);
                di.put(r[0], Double.parseDouble(r[3]));
            }
        });
        CountyPersons.Builder b = CountyPersons.builder();
        for (Map.Entry<String, List<String>> f : members.entrySet()) {
            int family = b.addFamily(f.getKey());
            for (String id : f.getValue()) {
                b.addIncome(family, di.get(id));
                String[] v = resident.get(id);
                Boolean urban = v[1] == null ? null : "1".equals(v[1]);
                b.addPerson(family, 1, -1, null, v[0] == null ? null : v[0].substring(0, 9), v[0], urban, false, false);
            }
        }
        int placed = di.size();
        int missing = resident.size() - placed;
        String notes = resident.size() + " residents" + (missing > 0 ? ", " + missing + " of them without a row in incomes.csv "
                + "(left out)" : "") + (disagree[0] > 0 ? ", " + disagree[0] + " incomes.csv rows whose resident flag "
                + "differs from residence.csv" : "");
        if (placed == 0) {
            throw new IllegalArgumentException(truthDir.resolve("incomes.csv") + ": no resident of residence.csv has a row");
        }
        return new Truth(b.build(), placed, withVillage, notes);
    }

    static List<String> header(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            return h == null ? List.of() : List.of(h.strip().split(","));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The headline rows of a run's figures as a console table: figure | Olive | truth | error; empty without them. */
    static String table(List<RunFigure> figures) {
        Map<String, RunFigure> byMetric = new HashMap<>();
        for (RunFigure f : figures) {
            if (f.metric().startsWith(PREFIX) && f.areaCode().isEmpty()) {
                byMetric.put(f.metric(), f);
            }
        }
        if (byMetric.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  headline figures against the truth:%n    %-22s %12s %12s %10s%n",
                "figure", "Olive", "truth", "error"));
        for (Headline h : Headline.values()) {
            RunFigure o = byMetric.get(h.metric(OLIVE));
            RunFigure t = byMetric.get(h.metric(TRUTH));
            RunFigure e = byMetric.get(h.metric(ERROR));
            if (o == null || t == null) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "    %-22s %12s %12s %10s%n", h.key, format(h, o.value()), format(h, t.value()),
                    formatError(h, e == null ? null : e.value())));
        }
        return b.toString();
    }

    /** Shares in % to 1 decimal, yuan and counts whole, the ratio to 2 decimals, the Gini in points to 1 decimal. */
    static String format(Headline h, Double v) {
        if (v == null) {
            return "–";
        }
        return switch (h) {
            case SHARE_10_50, SHARE_20_60 -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case URBAN_RURAL_RATIO -> String.format(Locale.ROOT, "%.2f", v);
            case GINI -> String.format(Locale.ROOT, "%.1f", v);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    static String formatError(Headline h, Double e) {
        if (e == null) {
            return "–";
        }
        return switch (h) {
            case SHARE_10_50, SHARE_20_60 -> String.format(Locale.ROOT, "%+.1f pp", e * 100);
            case URBAN_RURAL_RATIO -> String.format(Locale.ROOT, "%+.2f", e);
            case GINI -> String.format(Locale.ROOT, "%+.1f pt", e);
            default -> String.format(Locale.ROOT, "%+.1f%%", e * 100);
        };
    }
}
