package org.olive.pipeline.ledger;

import org.olive.family.Conflict;
import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.pipeline.ingest.MasterTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step "no_trace": registered persons (NORMAL in the hukou, no registered death) of at least {@code no_trace_min_age}
 * who left no trace over the last {@code no_trace_months} months — no crossing in the window, no row in any dataset
 * of {@code no_trace_sources} — are NO_TRACE cases. Most are dead persons whose death was never delivered (deaths
 * before the first delivered register: the hukou still lists them, and nothing else mentions them); some are alive
 * and long away, hence a case for a person to verify, not a rule. Provisional: kept as listed; the decision
 * CONFIRM_DEATH leaves the person out of the families from the next run on. The cases join the family step's.
 */
final class NoTraceCheck extends PopulationStep {

    static final String KEEP_LISTED = "KEEP_LISTED";
    static final String CONFIRM_DEATH = "CONFIRM_DEATH";
    private static final int CHUNK = 500;

    private final RegistryChecks checks;
    private final CrossingWindow crossings;
    private final int windowDays;

    NoTraceCheck(RegistryChecks checks, CrossingWindow crossings, int windowDays) {
        super("no_trace", java.util.List.of("lists"));
        this.checks = checks;
        this.crossings = crossings;
        this.windowDays = windowDays;
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        LocalDate end = w.period.lastDay();
        Map<String, HukouMember> candidates = new HashMap<>();
        for (String id : w.registered) {
            LedgerWork.Seen s = w.seen.get(id);
            HukouMember h = w.hukouOf.get(id);
            if (s == null || s.birth == null || h == null || !h.normal()) {
                continue;
            }
            if (java.time.Period.between(s.birth, end).getYears() >= checks.noTraceMinAge()) {
                candidates.put(id, h);
            }
        }
        if (!candidates.isEmpty()) {
            dropCrossers(c, w, candidates.keySet());
        }
        String from = w.period.minusMonths(checks.noTraceMonths() - 1).toString();
        for (String source : checks.noTraceSources()) {
            if (candidates.isEmpty()) {
                break;
            }
            dropSeenIn(c, source, from, w.period.toString(), candidates.keySet());
        }
        Map<String, String> decisions = decisions(c);
        for (String id : new TreeSet<>(candidates.keySet())) {
            HukouMember h = candidates.get(id);
            String key = Conflict.Kind.NO_TRACE.name() + ":" + id + ":" + h.hukouNo();
            String decision = decisions.get(key);
            if (decision != null && !decision.equals(KEEP_LISTED) && !decision.equals(CONFIRM_DEATH)) {
                decision = null;
            }
            int age = java.time.Period.between(w.seen.get(id).birth, end).getYears();
            String evidence = "户号 " + h.hukouNo() + " 中 " + (h.name() == null ? "" : h.name() + " ") + IdNumber.mask(id)
                    + "（" + age + " 岁）仍为正常户口（" + h.source() + "），但最近 " + checks.noTraceMonths()
                    + " 个月（" + from + " 至 " + w.period + "）无任何进出岛记录，亦无 "
                    + String.join("、", checks.noTraceSources()) + " 的记录：疑似死亡未登记或长期不在，待核实";
            w.noTrace.add(new Conflict(key, Conflict.Kind.NO_TRACE, List.of(id), h.hukouNo(), h.villageCode(), evidence,
                    "暂按户籍记录计入名单和家庭", List.of(KEEP_LISTED, CONFIRM_DEATH), decision));
        }
        w.counts.put("no_trace_cases", (long) w.noTrace.size());
    }

    /** Removes the candidates with a crossing inside the window (crossings before it say nothing about now). */
    private void dropCrossers(Connection c, LedgerWork w, Set<String> candidates) throws SQLException {
        CrossingWindow.Crossings window = crossings.prepare(c, w.period);
        LocalDateTime start = w.period.lastDay().minusDays(windowDays - 1L).atStartOfDay();
        Map<Integer, String> byIndex = new HashMap<>();
        List<String> ids = window.ids();
        for (int i = 0; i < ids.size(); i++) {
            if (candidates.contains(ids.get(i))) {
                byIndex.put(i, ids.get(i));
            }
        }
        long[] packed = window.packed();
        for (int k = 0; k < window.size() && !byIndex.isEmpty(); k++) {
            int person = CrossingWindow.Crossings.person(packed[k]);
            String id = byIndex.get(person);
            if (id != null && !CrossingWindow.Crossings.time(packed[k]).isBefore(start)) {
                candidates.remove(id);
                byIndex.remove(person);
            }
        }
    }

    /** Removes the candidates with a visible row in the source over the months [from, to]. */
    private static void dropSeenIn(Connection c, String source, String from, String to, Set<String> candidates)
            throws SQLException {
        String table = source.substring(0, source.indexOf('.'));
        String column = source.substring(source.indexOf('.') + 1);
        List<String> all = new ArrayList<>(candidates);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column + " FROM " + table + " WHERE "
                    + MasterTables.VISIBLE + " AND data_period >= ? AND data_period <= ? AND " + column + " IN (" + in + ")")) {
                ps.setString(1, from);
                ps.setString(2, to);
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setString(3 + k, chunk.get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new LedgerRunException("checks.no_trace_sources: " + source + " (ledger.yaml) cannot be read: "
                        + e.getMessage(), e);
            }
        }
        candidates.removeAll(seen);
    }

    private static Map<String, String> decisions(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conflict_key, decision FROM family_conflict WHERE kind = ? "
                + "AND status = 'RESOLVED'")) {
            ps.setString(1, Conflict.Kind.NO_TRACE.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
