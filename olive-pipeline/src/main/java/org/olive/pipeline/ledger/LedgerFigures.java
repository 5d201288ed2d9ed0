package org.olive.pipeline.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.olive.pipeline.ledger.LedgerWork.clip;
import static org.olive.pipeline.ledger.LedgerWork.delete;

/**
 * Step "figures": ledger_figure of the period — relationship_accuracy (pilot indicator 4) for the county and each
 * township, and, when the generator's truth is at hand, residence and family accuracy against it
 * ({@link TruthAccuracy}), income accuracy ({@link IncomeTruthAccuracy}) and the headline figures against the truth
 * ({@link HeadlineTruthAccuracy}).
 */
final class LedgerFigures extends PopulationStep {

    private final org.olive.income.FamilyIncomeRules incomeRules;
    private final Path truthDir;
    private final String sourceDir;

    /**
     * @param incomeRules the family rules of the income step (for the truth's brackets); null without income
     * @param truthDir    the generator's truth, or null to look next to the ingested data
     * @param sourceDir   the folder the period was ingested from
     */
    LedgerFigures(org.olive.income.FamilyIncomeRules incomeRules, Path truthDir, String sourceDir) {
        super("figures", List.of("lists", "families", "income"));
        this.incomeRules = incomeRules;
        this.truthDir = truthDir;
        this.sourceDir = sourceDir;
    }

    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        LedgerWork w = ctx.need(LedgerWork.OUTPUT);
        w.incomeBuilt = ctx.find(org.olive.pipeline.run.LedgerOutputs.INCOME_BUILT).orElse(false);
        run(ctx.connection(), w, truthDir, sourceDir);
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        run(c, w, truthDir, sourceDir);
    }


    /** Writes the figures of the period; the truth folder and the ingested source folder locate the generator's truth. */
    void run(Connection c, LedgerWork w, Path truthDir, String sourceDir) throws SQLException {
        String p = w.period.toString();
        delete(c, "ledger_figure", p);
        if (w.familiesBuilt) {
            // residents placed in a family of the period and concerned by no open case, by township
            java.util.Set<Long> conflicted = org.olive.pipeline.income.IncomeIndicatorData.personsInOpenConflicts(c);
            String sql = "SELECT pp.township_code, pp.person_key, fm.person_key FROM person_period pp LEFT JOIN family_member fm "
                    + "ON fm.data_period = pp.data_period AND fm.person_key = pp.person_key WHERE pp.data_period = ? "
                    + "AND pp.resident = TRUE";
            long num = 0;
            long den = 0;
            String note = "residents placed in a family of the period and concerned by no open family conflict / "
                    + "residents (常住人口) of the area";
            Map<String, long[]> byTown = new java.util.TreeMap<>(); // township → {accurate, residents}
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(3);
                        boolean placed = !rs.wasNull();
                        long n = placed && !conflicted.contains(rs.getLong(2)) ? 1 : 0;
                        num += n;
                        den++;
                        if (rs.getString(1) != null) {
                            long[] t = byTown.computeIfAbsent(rs.getString(1), k -> new long[2]);
                            t[0] += n;
                            t[1]++;
                        }
                    }
                }
            }
            List<LedgerResult.Figure> towns = new ArrayList<>();
            byTown.forEach((town, t) -> towns.add(LedgerResult.Figure.of("relationship_accuracy", town, t[0], t[1], note)));
            w.figures.add(LedgerResult.Figure.of("relationship_accuracy", "", num, den, note
                    + " (county; includes residents with no known township)"));
            towns.sort((a, b) -> a.areaCode().compareTo(b.areaCode()));
            w.figures.addAll(towns);
        }
        Path truth = TruthAccuracy.locate(truthDir, sourceDir == null ? null : Path.of(sourceDir).getParent(), w.period);
        if (truth == null) {
            w.skipped.put("truth", truthDir == null ? "no generator truth next to the ingested data"
                    : "no truth for " + p + " under " + truthDir);
        } else {
            Map<String, List<String>> ours = new HashMap<>();
            if (w.familiesBuilt) {
                try (PreparedStatement ps = c.prepareStatement("SELECT m.family_key, p.id_number FROM family_member m "
                        + "JOIN person p ON p.person_key = m.person_key WHERE m.data_period = ?")) {
                    ps.setString(1, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
            }
            w.figures.addAll(TruthAccuracy.compare(truth, w.resident, w.familiesBuilt ? ours : null));
            if (w.incomeBuilt && incomeRules != null) {
                w.figures.addAll(IncomeTruthAccuracy.compare(c, p, truth, incomeRules));
            }
            if (w.incomeBuilt) {
                w.figures.addAll(HeadlineTruthAccuracy.compare(c, w.period, truth,
                        incomeRules != null ? incomeRules : org.olive.pipeline.income.IncomeSettings.builtIn().family()));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, "
                + "denominator, figure, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerResult.Figure f : w.figures) {
                ps.setString(1, p);
                ps.setString(2, f.metric());
                ps.setString(3, f.areaCode());
                ps.setLong(4, f.numerator());
                ps.setLong(5, f.denominator());
                if (f.value() == null) {
                    ps.setNull(6, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(6, f.value());
                }
                ps.setString(7, clip(f.note(), 500));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
