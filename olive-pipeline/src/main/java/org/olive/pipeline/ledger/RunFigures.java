package org.olive.pipeline.ledger;

import org.olive.pipeline.run.Output;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of a period's run: the rows of ledger_figure and the run's result ({@link LedgerResult#figures()}).
 * Step figures writes the production figures (pilot indicator 4). A step added to the run from outside the standard
 * plan ({@link LedgerRun#run(org.olive.period.Period, java.util.Collection, List)}) adds its own with {@link #add}, in
 * the run's transaction: the accuracy against a synthetic county's truth (olive-accuracy), which only the command line
 * adds. The table stays written by this package alone.
 */
public final class RunFigures {

    /** The run's figures in the order the steps added them; LedgerRun publishes the list before the first step. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Output<List<LedgerResult.Figure>> OUTPUT = new Output<>("run figures", (Class) List.class);

    private RunFigures() {
    }

    /**
     * Adds figures to the period's ledger_figure and to the run's result. Rows of the period with the same metrics are
     * replaced (a step run again alone, with {@code --steps}, meets the rows of its earlier run).
     */
    public static void add(StepContext ctx, List<LedgerResult.Figure> figures) throws SQLException {
        Connection c = ctx.connection();
        String p = ctx.period().toString();
        Set<String> metrics = new LinkedHashSet<>();
        figures.forEach(f -> metrics.add(f.metric()));
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ledger_figure WHERE data_period = ? AND metric = ?")) {
            for (String m : metrics) {
                ps.setString(1, p);
                ps.setString(2, m);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insert(c, p, figures);
        ctx.need(OUTPUT).addAll(figures);
    }

    static void insert(Connection c, String p, List<LedgerResult.Figure> figures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, "
                + "denominator, figure, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerResult.Figure f : figures) {
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
                ps.setString(7, LedgerWork.clip(f.note(), 500));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
