package org.olive.pipeline.warning;

import org.olive.period.Period;
import org.olive.warning.WarningClassifier;
import org.olive.warning.WarningDefinitions.Colour;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The one writer of {@code family_warning} and {@code warning_event} (V24): a period's rows, replaced as a whole. */
final class WarningTables {

    private WarningTables() {
    }

    /**
     * Replaces the period's warnings and colour changes (against {@code before}, the previous period's warnings); when
     * {@code first} (no run of the step for the month before) the period's colours start the history: no changes.
     */
    static void replace(Connection c, Period period, List<WarningStep.Coloured> coloured,
                        Map<String, WarningStep.Previous> before, boolean first) throws SQLException {
        String p = period.toString();
        for (String t : List.of("family_warning", "warning_event")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE data_period = ?")) {
                ps.setString(1, p);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO family_warning (data_period, family_key, colour, "
                + "township_code, rules, evidence) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (WarningStep.Coloured x : coloured) {
                WarningClassifier.Warning w = x.warning();
                if (w.colour() == Colour.GREEN) {
                    continue;
                }
                ps.setString(1, p);
                ps.setString(2, x.family().key());
                ps.setString(3, w.colour().name());
                ps.setString(4, x.family().township());
                ps.setString(5, clip(w.versions(), 1000));
                ps.setString(6, clip(evidence(w), 4000));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        if (first) {
            return;
        }
        Map<String, WarningStep.Coloured> now = new TreeMap<>();
        coloured.forEach(x -> now.put(x.family().key(), x));
        Map<String, WarningStep.Previous> gone = new TreeMap<>(before);
        now.keySet().forEach(gone::remove);
        Date day = Date.valueOf(period.lastDay());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO warning_event (data_period, family_key, changed_on, "
                + "from_colour, to_colour, township_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (WarningStep.Coloured x : now.values()) {
                WarningStep.Previous b = before.get(x.family().key());
                String from = b == null ? Colour.GREEN.name() : b.colour();
                String to = x.warning().colour().name();
                if (from.equals(to)) {
                    continue;
                }
                String reason = x.warning().colour() == Colour.GREEN
                        ? "no warning rule fires now (before: " + b.rules() + ")"
                        : "fired: " + evidence(x.warning()) + (b == null ? "" : " (before: " + b.rules() + ")");
                event(ps, p, day, x.family().key(), from, to, x.family().township(), reason);
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            for (Map.Entry<String, WarningStep.Previous> e : gone.entrySet()) {
                event(ps, p, day, e.getKey(), e.getValue().colour(), Colour.GREEN.name(), e.getValue().township(),
                        "no income figure at " + p + " (the family left the ledger or has no resident member; before: "
                                + e.getValue().rules() + ")");
            }
            ps.executeBatch();
        }
    }

    private static void event(PreparedStatement ps, String p, Date day, String family, String from, String to,
                              String township, String reason) throws SQLException {
        ps.setString(1, p);
        ps.setString(2, family);
        ps.setDate(3, day);
        ps.setString(4, from);
        ps.setString(5, to);
        ps.setString(6, township);
        ps.setString(7, clip(reason, 2000));
        ps.addBatch();
    }

    /** {@code id@n: fact=value [record] | …} */
    static String evidence(WarningClassifier.Warning w) {
        StringBuilder sb = new StringBuilder();
        for (WarningClassifier.Fired f : w.fired()) {
            sb.append(sb.length() == 0 ? "" : " | ").append(f.version()).append(": ").append(f.evidence());
        }
        return sb.toString();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

}
