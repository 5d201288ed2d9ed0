package org.olive.pipeline.figure;

import org.olive.pipeline.run.Output;
import org.olive.pipeline.run.StepContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of a period's run: the rows of ledger_figure and the run's result ({@code LedgerResult.figures()}).
 * Step figures writes the production figures (pilot indicator 4). A step added to the run from outside the standard
 * plan ({@code LedgerRun.run(period, steps, added)}) adds its own with {@link #add}, in
 * the run's transaction: the accuracy against a synthetic county's truth (olive-accuracy), which only the command line
 * adds. The table is written by this package alone (every step that has figures writes through it; it depends on no
 * feature, so that the features and the run's assembly in ledger stay free of cycles).
 */
public final class RunFigures {

    /** The run's figures in the order the steps added them; LedgerRun publishes the list before the first step. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Output<List<RunFigure>> OUTPUT = new Output<>("run figures", (Class) List.class);

    private RunFigures() {
    }

    /**
     * Adds figures to the period's ledger_figure and to the run's result. Rows of the period with the same metrics are
     * replaced (a step run again alone, with {@code --steps}, meets the rows of its earlier run).
     */
    public static void add(StepContext ctx, List<RunFigure> figures) throws SQLException {
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

    public static void insert(Connection c, String p, List<RunFigure> figures) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, "
                + "denominator, figure, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RunFigure f : figures) {
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
                ps.setString(7, f.note() == null || f.note().length() <= 500 ? f.note() : f.note().substring(0, 499) + "…");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes every figure of the period (a whole run, which writes them all again). */
    public static void clear(Connection c, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ledger_figure WHERE data_period = ?")) {
            ps.setString(1, period);
            ps.executeUpdate();
        }
    }

    /** Deletes the period's rows of one metric (a step about to write its figures again). */
    public static void clear(Connection c, String period, String metric) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ledger_figure WHERE data_period = ? AND metric = ?")) {
            ps.setString(1, period);
            ps.setString(2, metric);
            ps.executeUpdate();
        }
    }
}
