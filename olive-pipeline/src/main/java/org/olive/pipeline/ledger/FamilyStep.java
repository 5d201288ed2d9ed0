package org.olive.pipeline.ledger;

import org.olive.family.CivilRecords;
import org.olive.family.Conflict;
import org.olive.family.Family;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ledger.LedgerWork.FloatingRow;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.olive.pipeline.ledger.LedgerWork.clip;
import static org.olive.pipeline.ledger.LedgerWork.date;
import static org.olive.pipeline.ledger.LedgerWork.delete;
import static org.olive.pipeline.ledger.LedgerWork.validId;

/**
 * Step "families": the inputs of the family builder (hukou snapshot with matched rows, migrants, civil records up
 * to the period's end, the previous keys, the resolutions), the build itself, and the persistence of family,
 * family_period, family_member and the conflict cases (family_conflict, family_conflict_person).
 */
final class FamilyStep extends PopulationStep {

    private final Function<FamilyInput, FamilyLedger> familyBuilder;
    private final PersonRegistry registry;

    FamilyStep(Function<FamilyInput, FamilyLedger> familyBuilder, PersonRegistry registry) {
        super("families", java.util.List.of("lists", "no_trace"));
        this.familyBuilder = familyBuilder;
        this.registry = registry;
    }

    /** Builds the families of the period and persists them with their conflicts. */
    /** The families and conflicts; publishes whether the families were built. */
    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        LedgerWork w = ctx.need(LedgerWork.OUTPUT);
        run(ctx.connection(), w);
        ctx.publish(org.olive.pipeline.run.LedgerOutputs.FAMILIES_BUILT, w.familiesBuilt);
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        String p = w.period.toString();
        LocalDate end = w.period.lastDay();
        List<CivilRecords.Marriage> marriages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT husband_id, wife_id, kind, event_date, source_file, source_row "
                + "FROM basic_marriage WHERE " + MasterTables.VISIBLE + " AND data_period <= ? AND (event_date IS NULL "
                + "OR event_date <= ?) ORDER BY event_date, source_file, source_row")) {
            ps.setString(1, p);
            ps.setDate(2, Date.valueOf(end));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String h = validId(rs.getString(1));
                    String wi = validId(rs.getString(2));
                    if (h != null && wi != null) {
                        marriages.add(new CivilRecords.Marriage(h, wi, "IB".equals(rs.getString(3)), date(rs.getDate(4)),
                                rs.getString(5) + " 第" + rs.getLong(6) + "行"));
                    }
                }
            }
        }
        List<CivilRecords.Birth> births = new ArrayList<>();
        List<CivilRecords.Death> deaths = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, person_id, mother_id, father_id, event_date, source_file, "
                + "source_row FROM basic_vital WHERE " + MasterTables.VISIBLE + " AND data_period <= ? AND (event_date IS NULL "
                + "OR event_date <= ?) ORDER BY event_date, source_file, source_row")) {
            ps.setString(1, p);
            ps.setDate(2, Date.valueOf(end));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = validId(rs.getString(2));
                    if (id == null) {
                        continue;
                    }
                    String src = rs.getString(6) + " 第" + rs.getLong(7) + "行";
                    if ("BIRTH".equals(rs.getString(1))) {
                        births.add(new CivilRecords.Birth(id, validId(rs.getString(3)), validId(rs.getString(4)),
                                date(rs.getDate(5)), src));
                    } else if ("DEATH".equals(rs.getString(1))) {
                        deaths.add(new CivilRecords.Death(id, date(rs.getDate(5)), src));
                    }
                }
            }
        }
        // migrants: floating persons (present, registered elsewhere) and the active floating registry
        Set<String> migrants = new java.util.TreeSet<>(w.floatingList);
        for (FloatingRow f : w.floatingOf.values()) {
            if (f.activeOn(end) && !w.registered.contains(f.personId()) && !w.deaths.containsKey(f.personId())) {
                migrants.add(f.personId());
            }
        }
        Map<String, String> previous = previousFamilies(c, w.period);
        Map<String, String> resolutions = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conflict_key, decision FROM family_conflict WHERE status = 'RESOLVED'")) {
            while (rs.next()) {
                resolutions.put(rs.getString(1), rs.getString(2));
            }
        }
        long[] next = {maxFamilyNumber(c)};
        // a NO_TRACE case decided CONFIRM_DEATH: the person's rows no longer make a family member
        Set<String> confirmedDead = new HashSet<>();
        for (Conflict k : w.noTrace) {
            if (NoTraceCheck.CONFIRM_DEATH.equals(k.decision())) {
                confirmedDead.addAll(k.personIds());
            }
        }
        List<HukouMember> hukou = confirmedDead.isEmpty() ? List.copyOf(w.hukou)
                : w.hukou.stream().filter(m -> !confirmedDead.contains(m.personId())).toList();
        FamilyInput in = new FamilyInput(p, end, hukou, List.copyOf(migrants), marriages, births, deaths,
                previous, resolutions, () -> String.format("F%07d", ++next[0]));
        FamilyLedger built = familyBuilder.apply(in);
        List<Conflict> conflicts = new ArrayList<>(built.conflicts());
        conflicts.addAll(w.noTrace);
        FamilyLedger ledger = new FamilyLedger(built.period(), built.families(), List.copyOf(conflicts));
        flagRows(w, ledger, deaths);
        Set<String> ids = new HashSet<>();
        ledger.families().forEach(f -> f.members().forEach(m -> ids.add(m.personId())));
        ledger.conflicts().forEach(k -> ids.addAll(k.personIds()));
        registry.addNamed(c, w, ids);
        persistFamilies(c, w, ledger);
        persistConflicts(c, w, ledger);
        persistRowFlags(c, w);
        w.familiesBuilt = true;
    }

    /**
     * Row findings of the family step: every NORMAL hukou row of a person whose death is registered up to the
     * period's end (DEAD_STILL_LISTED: the row is left out of the lists and the families), and every NORMAL row of a
     * NO_TRACE case.
     */
    private static void flagRows(LedgerWork w, FamilyLedger ledger, List<CivilRecords.Death> deaths) {
        Map<String, CivilRecords.Death> deathOf = new HashMap<>();
        for (CivilRecords.Death d : deaths) {
            deathOf.putIfAbsent(d.personId(), d);
        }
        Map<String, String> caseOf = new HashMap<>();
        Map<String, Conflict> noTrace = new HashMap<>();
        for (Conflict k : ledger.conflicts()) {
            if (k.kind() == Conflict.Kind.DEAD_STILL_LISTED) {
                k.personIds().forEach(id -> caseOf.putIfAbsent(id, k.key()));
            } else if (k.kind() == Conflict.Kind.NO_TRACE) {
                k.personIds().forEach(id -> noTrace.put(id, k));
            }
        }
        long dead = 0;
        long silent = 0;
        for (HukouMember m : w.hukou) {
            if (!m.normal() || m.personId() == null) {
                continue;
            }
            CivilRecords.Death d = deathOf.get(m.personId());
            LedgerWork.RowFlag f = null;
            if (d != null) {
                f = LedgerWork.RowFlag.onHukou(m, "DEAD_STILL_LISTED", "status", "NORMAL", null,
                        caseOf.get(m.personId()), "户号 " + m.hukouNo() + " 中 " + IdNumber.mask(m.personId())
                                + " 仍为正常户口（" + m.source() + "），但死亡登记 " + d.source() + " 记其于 " + d.date()
                                + " 死亡：自死亡之日起不计入户籍名单和家庭");
                dead += f == null ? 0 : 1;
            } else if (noTrace.containsKey(m.personId())) {
                Conflict k = noTrace.get(m.personId());
                f = LedgerWork.RowFlag.onHukou(m, "NO_TRACE", "status", "NORMAL",
                        NoTraceCheck.CONFIRM_DEATH.equals(k.decision()) ? null : "NORMAL", k.key(), k.evidence());
                silent += f == null ? 0 : 1;
            }
            if (f != null) {
                w.rowFlags.add(f);
            }
        }
        w.counts.put("dead_still_listed_rows", dead);
        w.counts.put("no_trace_rows", silent);
    }

    /** Replaces the period's rows of ledger_row_flag with the findings of this run. */
    private static void persistRowFlags(Connection c, LedgerWork w) throws SQLException {
        delete(c, "ledger_row_flag", w.period.toString());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_row_flag (data_period, kind, dataset, source_file, "
                + "source_row, field, person_key, recorded_value, used_value, conflict_key, evidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerWork.RowFlag f : w.rowFlags) {
                Long key = f.personId() == null ? null : w.keys.get(f.personId());
                ps.setString(1, w.period.toString());
                ps.setString(2, f.kind());
                ps.setString(3, f.dataset());
                ps.setString(4, clip(f.sourceFile(), 255));
                ps.setLong(5, f.sourceRow());
                ps.setString(6, f.field());
                if (key == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, key);
                }
                ps.setString(8, clip(f.recordedValue(), 200));
                ps.setString(9, clip(f.usedValue(), 200));
                ps.setString(10, clip(f.conflictKey(), 300));
                ps.setString(11, clip(f.evidence(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Long> byKind = new TreeMap<>();
        w.rowFlags.forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        byKind.forEach((k, v) -> w.counts.put("row_flags_" + k, v));
    }

    /**
     * Person ID number → family key to keep: the previous period's families, overlaid with the families of an
     * earlier run of this same period (so that a re-run hands every family the key it had, including the families
     * first formed in this period).
     */
    private static Map<String, String> previousFamilies(Connection c, Period period) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (String p : List.of(period.minusMonths(1).toString(), period.toString())) {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id_number, m.family_key FROM family_member m "
                    + "JOIN person p ON p.person_key = m.person_key WHERE m.data_period = ?")) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static long maxFamilyNumber(Connection c) throws SQLException {
        long max = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT family_key FROM family")) {
            while (rs.next()) {
                String k = rs.getString(1);
                if (k.length() > 1 && k.charAt(0) == 'F') {
                    try {
                        max = Math.max(max, Long.parseLong(k.substring(1)));
                    } catch (NumberFormatException ignored) {
                        // not one of ours
                    }
                }
            }
        }
        return max;
    }

    private void persistFamilies(Connection c, LedgerWork w, FamilyLedger ledger) throws SQLException {
        String p = w.period.toString();
        delete(c, "family_member", p);
        delete(c, "family_period", p);
        Map<String, String[]> known = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT family_key, first_period, last_period FROM family")) {
            while (rs.next()) {
                known.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        long members = 0;
        try (PreparedStatement insF = c.prepareStatement("INSERT INTO family (family_key, first_period, last_period) VALUES (?, ?, ?)");
             PreparedStatement updF = c.prepareStatement("UPDATE family SET first_period = ?, last_period = ? WHERE family_key = ?");
             PreparedStatement insP = c.prepareStatement("INSERT INTO family_period (data_period, family_key, anchor_person_key, "
                     + "kind, hukou_no, village_code, township_code, members, residents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement insM = c.prepareStatement("INSERT INTO family_member (data_period, family_key, person_key, role, "
                     + "relation_code, basis) VALUES (?, ?, ?, ?, ?, ?)")) {
            Set<Long> placed = new HashSet<>();
            for (Family f : ledger.families()) {
                String[] k = known.get(f.familyKey());
                if (k == null) {
                    insF.setString(1, f.familyKey());
                    insF.setString(2, p);
                    insF.setString(3, p);
                    insF.addBatch();
                    known.put(f.familyKey(), new String[]{p, p});
                } else if (k[0].compareTo(p) > 0 || k[1].compareTo(p) < 0) {
                    updF.setString(1, k[0].compareTo(p) > 0 ? p : k[0]);
                    updF.setString(2, k[1].compareTo(p) < 0 ? p : k[1]);
                    updF.setString(3, f.familyKey());
                    updF.addBatch();
                }
                int residents = 0;
                int count = 0;
                for (Family.Member m : f.members()) {
                    Long key = w.keys.get(m.personId());
                    if (!placed.add(key)) {
                        throw new LedgerRunException("the family builder placed person " + IdNumber.mask(m.personId())
                                + " in two families of " + p + " (second: " + f.familyKey() + ")");
                    }
                    count++;
                    residents += w.resident.contains(m.personId()) ? 1 : 0;
                    insM.setString(1, p);
                    insM.setString(2, f.familyKey());
                    insM.setLong(3, key);
                    insM.setString(4, m.role().name());
                    insM.setString(5, m.relationCode());
                    insM.setString(6, clip(m.basis(), 1000));
                    insM.addBatch();
                }
                members += count;
                insP.setString(1, p);
                insP.setString(2, f.familyKey());
                insP.setLong(3, w.keys.get(f.anchorId()));
                insP.setString(4, f.kind());
                insP.setString(5, f.hukouNo());
                String village = f.villageCode();
                if (f.hukouNo() != null && w.householdVillage != null && w.householdVillage.get(f.hukouNo()) != null) {
                    village = w.householdVillage.get(f.hukouNo()); // the household's, not a stale row's
                }
                if (village == null) {
                    FloatingRow fr = w.floatingOf.get(f.anchorId());
                    village = fr == null ? null : fr.villageCode();
                }
                insP.setString(6, village);
                insP.setString(7, village == null || village.length() < 9 ? null : village.substring(0, 9));
                insP.setInt(8, count);
                insP.setInt(9, residents);
                insP.addBatch();
            }
            insF.executeBatch();
            updF.executeBatch();
            insP.executeBatch();
            insM.executeBatch();
        }
        w.counts.put("families", (long) ledger.families().size());
        w.counts.put("family_members", members);
    }

    private void persistConflicts(Connection c, LedgerWork w, FamilyLedger ledger) throws SQLException {
        String p = w.period.toString();
        Map<String, Object[]> known = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conflict_key, id, status FROM family_conflict")) {
            while (rs.next()) {
                known.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getString(3)});
            }
        }
        Set<String> seenKeys = new HashSet<>();
        Map<String, Long> byKind = new TreeMap<>();
        long open = 0;
        for (Conflict k : ledger.conflicts()) {
            if (!seenKeys.add(k.key())) {
                continue;
            }
            HukouMember anchor = k.personIds().isEmpty() ? null : w.hukouOf.get(k.personIds().get(0));
            String village = k.villageCode() != null ? k.villageCode() : anchor == null ? null : anchor.villageCode();
            String township = village == null || village.length() < 9 ? null : village.substring(0, 9);
            Object[] was = known.get(k.key());
            long id;
            String status;
            if (was == null) {
                status = "OPEN";
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO family_conflict (conflict_key, kind, hukou_no, "
                        + "village_code, township_code, evidence, provisional, options, first_period, last_period, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", new String[]{"id"})) {
                    ps.setString(1, clip(k.key(), 300));
                    ps.setString(2, k.kind().name());
                    ps.setString(3, k.hukouNo());
                    ps.setString(4, village);
                    ps.setString(5, township);
                    ps.setString(6, k.evidence());
                    ps.setString(7, clip(k.provisional(), 1000));
                    ps.setString(8, clip(String.join(",", k.options()), 500));
                    ps.setString(9, p);
                    ps.setString(10, p);
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
            } else {
                id = (Long) was[0];
                status = "RESOLVED".equals(was[1]) ? "RESOLVED" : "OPEN";
                try (PreparedStatement ps = c.prepareStatement("UPDATE family_conflict SET status = ?, evidence = ?, "
                        + "provisional = ?, options = ?, hukou_no = ?, village_code = ?, township_code = ?, "
                        + "last_period = CASE WHEN last_period < ? THEN ? ELSE last_period END, "
                        + "first_period = CASE WHEN first_period > ? THEN ? ELSE first_period END WHERE id = ?")) {
                    ps.setString(1, status);
                    ps.setString(2, k.evidence());
                    ps.setString(3, clip(k.provisional(), 1000));
                    ps.setString(4, clip(String.join(",", k.options()), 500));
                    ps.setString(5, k.hukouNo());
                    ps.setString(6, village);
                    ps.setString(7, township);
                    ps.setString(8, p);
                    ps.setString(9, p);
                    ps.setString(10, p);
                    ps.setString(11, p);
                    ps.setLong(12, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM family_conflict_person WHERE conflict_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO family_conflict_person (conflict_id, person_key) VALUES (?, ?)")) {
                Set<Long> done = new HashSet<>();
                for (String pid : k.personIds()) {
                    Long key = w.keys.get(pid);
                    if (key != null && done.add(key)) {
                        ps.setLong(1, id);
                        ps.setLong(2, key);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            byKind.merge(k.kind().name(), 1L, Long::sum);
            open += "OPEN".equals(status) ? 1 : 0;
        }
        // open cases of this or earlier periods that the data no longer shows
        long cleared = 0;
        List<Long> toClear = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, conflict_key FROM family_conflict WHERE status = 'OPEN' "
                + "AND last_period <= ?")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!seenKeys.contains(rs.getString(2))) {
                        toClear.add(rs.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE family_conflict SET status = 'CLEARED' WHERE id = ?")) {
            for (Long id : toClear) {
                ps.setLong(1, id);
                ps.addBatch();
                cleared++;
            }
            ps.executeBatch();
        }
        byKind.forEach((k, v) -> w.counts.put("conflicts_kind_" + k, v));
        w.counts.put("conflicts", (long) seenKeys.size());
        w.counts.put("conflicts_open", open);
        w.counts.put("conflicts_cleared", cleared);
    }
}
