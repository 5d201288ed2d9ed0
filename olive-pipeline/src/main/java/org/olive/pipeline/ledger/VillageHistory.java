package org.olive.pipeline.ledger;

import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The villages each person was registered in (hukou and floating rows) in the trailing months, for record matching's
 * village evidence. Each data period is read once and kept, with the ingest runs that made its rows visible, in memory
 * between the runs of one process: consecutive months read only the new period's rows (before, every month read the
 * twelve months' rows again, and H2 spilled their DISTINCT to disk: 5–7 s a month for the default county). A period
 * whose visible ingest runs changed (re-ingested or purged) is read again; periods outside the window are dropped.
 * The result equals a cold read of the window's rows.
 */
final class VillageHistory {

    private static final List<String> TABLES = List.of("basic_hukou", "basic_floating");

    private record Held(List<Long> runs, Map<String, String[]> villages) {
    }

    private final Map<String, Held> held = new HashMap<>();
    /** Village codes, one instance each (a few hundred per county). */
    private final Map<String, String> interned = new HashMap<>();

    /** Person ID → the villages of their visible hukou and floating rows in the {@code months} data periods up to p. */
    Map<String, Set<String>> window(Connection c, Period p, int months) throws SQLException {
        Map<String, List<Long>> runs = CrossingWindow.visibleRuns(c);
        Set<String> periods = new HashSet<>();
        for (int i = 0; i < months; i++) {
            periods.add(p.minusMonths(i).toString());
        }
        held.keySet().retainAll(periods);
        Map<String, Set<String>> out = new HashMap<>();
        for (String period : periods) {
            List<Long> visible = runs.getOrDefault(period, List.of());
            Held h = held.get(period);
            if (h == null || !h.runs().equals(visible)) {
                h = new Held(visible, read(c, period));
                held.put(period, h);
            }
            h.villages().forEach((id, vs) -> {
                Set<String> set = out.computeIfAbsent(id, k -> new HashSet<>(2));
                for (String v : vs) {
                    set.add(v);
                }
            });
        }
        return out;
    }

    private Map<String, String[]> read(Connection c, String period) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id, village_code FROM " + table
                    + " WHERE data_period = ? AND " + MasterTables.VISIBLE)) {
                ps.setFetchSize(10_000);
                ps.setString(1, period);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String village = rs.getString(2);
                        if (id == null || village == null) {
                            continue;
                        }
                        String[] vs = out.get(id);
                        village = interned.computeIfAbsent(village, v -> v);
                        if (vs == null) {
                            out.put(id, new String[] {village});
                        } else if (!contains(vs, village)) {
                            String[] more = java.util.Arrays.copyOf(vs, vs.length + 1);
                            more[vs.length] = village;
                            out.put(id, more);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean contains(String[] vs, String v) {
        for (String s : vs) {
            if (s.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
