package org.olive.pipeline.ledger;

import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.figure.RunFigures;
import org.olive.pipeline.run.LedgerOutputs;
import org.olive.pipeline.run.MonthlyStep;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step "figures": ledger_figure of the period — relationship_accuracy (pilot indicator 4) for the county and each
 * township. Only what production has: the accuracy against a synthetic county's truth is a step of olive-accuracy
 * that the command line adds to the run ({@link RunFigures#add}); the pipeline never reads the generator's files.
 */
final class LedgerFigures implements MonthlyStep {

    @Override
    public String name() {
        return "figures";
    }

    @Override
    public List<String> needs() {
        return List.of("lists", "families");
    }

    @Override
    public void run(StepContext ctx) throws SQLException {
        Connection c = ctx.connection();
        String p = ctx.period().toString();
        // run alone (--steps), the step reads the families the period's last family step wrote
        boolean familiesBuilt = ctx.find(LedgerOutputs.FAMILIES_BUILT).isPresent() ? ctx.need(LedgerOutputs.FAMILIES_BUILT)
                : hasFamilies(c, p);
        // only its own metric: the period's other figures belong to other steps (groups, an added truth step)
        RunFigures.clear(c, p, "relationship_accuracy");
        List<RunFigure> figures = familiesBuilt ? relationshipAccuracy(c, p) : List.of();
        RunFigures.insert(c, p, figures);
        ctx.need(RunFigures.OUTPUT).addAll(figures);
    }

    private static boolean hasFamilies(Connection c, String p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM family_member WHERE data_period = ?")) {
            ps.setMaxRows(1);
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Pilot indicator 4 for the county, then each township in code order. */
    static List<RunFigure> relationshipAccuracy(Connection c, String p) throws SQLException {
        List<RunFigure> out = new ArrayList<>();
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
        List<RunFigure> towns = new ArrayList<>();
        byTown.forEach((town, t) -> towns.add(RunFigure.of("relationship_accuracy", town, t[0], t[1], note)));
        out.add(RunFigure.of("relationship_accuracy", "", num, den, note
                + " (county; includes residents with no known township)"));
        towns.sort((a, b) -> a.areaCode().compareTo(b.areaCode()));
        out.addAll(towns);
        return out;
    }
}
