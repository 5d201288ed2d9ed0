package org.olive.pipeline.whatif;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved what-if runs (table {@code whatif_run}, V28; docs/whatif.md): the one writer of the table. A saved run keeps the
 * scenario's text and the outcome with at most {@link #KEPT_CHANGES} changed families (the count is kept whole).
 */
public final class WhatIfRuns {

    /** Changed families kept in a saved outcome. */
    public static final int KEPT_CHANGES = 100;

    private WhatIfRuns() {
    }

    /** A saved run; {@code result} is the outcome as saved (changes cut to {@link #KEPT_CHANGES}). */
    public record Saved(long id, String scenario, String scenarioText, String period, Instant createdAt, String username,
                        long changedFamilies, double gapCostChange, WhatIfResult result) {
    }

    /** Saves a run; returns its id. */
    public static long save(Connection c, String scenarioText, WhatIfResult r, String username, Instant at)
            throws SQLException {
        WhatIfResult kept = new WhatIfResult(r.scenario(), r.title(), r.period(), r.shocks(), r.notes(),
                r.affectedFamilies(), r.affectedPersons(), r.deltas(), r.colourChanges(), r.rows(),
                r.changes().stream().limit(KEPT_CHANGES).toList(), r.readMillis(), r.runMillis());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO whatif_run (scenario, scenario_text, data_period, "
                + "created_at, username, changed_families, gap_cost_change, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.scenario());
            ps.setString(2, scenarioText);
            ps.setString(3, r.period());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, username);
            ps.setLong(6, r.changes().size());
            ps.setDouble(7, r.gapCostChange());
            ps.setString(8, WhatIfFormat.json(kept));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The saved runs, newest first, without their outcome (result null). */
    public static List<Saved> list(Connection c, int limit) throws SQLException {
        List<Saved> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, scenario, data_period, created_at, username, "
                + "changed_families, gap_cost_change FROM whatif_run ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Saved(rs.getLong(1), rs.getString(2), null, rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getLong(6), rs.getDouble(7), null));
            }
        }
        return out;
    }

    /** One saved run with its scenario text and outcome. */
    public static Optional<Saved> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, scenario, scenario_text, data_period, created_at, "
                + "username, changed_families, gap_cost_change, result FROM whatif_run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(7), rs.getDouble(8),
                        WhatIfFormat.parse(rs.getString(9))));
            }
        }
    }

    /** Two saved runs side by side: the county's measures of each, after. */
    public record Comparison(Saved first, Saved second, List<String[]> county) {
    }

    /** Compares two saved runs: measure, first before, first after, second before, second after. */
    public static Comparison compare(Saved a, Saved b) {
        List<String[]> ma = WhatIfFormat.measures(a.result().county().before(), a.result().county().after());
        List<String[]> mb = WhatIfFormat.measures(b.result().county().before(), b.result().county().after());
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < ma.size(); i++) {
            String[] x = ma.get(i);
            String[] y = i < mb.size() ? mb.get(i) : new String[] {x[0], "", "", ""};
            out.add(new String[] {x[0], x[1], x[2], y[1], y[2]});
        }
        return new Comparison(a, b, out);
    }
}
