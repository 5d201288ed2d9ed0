package org.olive.pipeline.ledger;

import org.olive.family.HukouMember;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ledger.LedgerWork.FloatingRow;
import org.olive.pipeline.ledger.LedgerWork.Seen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.olive.pipeline.ledger.LedgerWork.clip;
import static org.olive.pipeline.ledger.LedgerWork.date;
import static org.olive.pipeline.ledger.LedgerWork.validId;

/**
 * The person registry (table person) of one ledger run: who is seen in the period's visible rows (hukou, floating
 * registry, vital events, marriages and the other sources of ledger.yaml), with name, sex and birth date from the
 * best source, and a person_key that never changes (max + 1 for a new ID number).
 *
 * <p>The registry is read once per run; afterwards only new persons are inserted and persons whose name, sex,
 * birth date or first period changed are updated row by row. last_period of everyone seen moves to the period in
 * one UPDATE ({@link #recordLastPeriod}) once the period's person_period rows are written.
 */
final class PersonRegistry implements org.olive.pipeline.run.MonthlyStep {

    /** The registry of the run, which steps presence, lists and families use to register the persons they meet. */
    static final org.olive.pipeline.run.Output<PersonRegistry> OUTPUT = new org.olive.pipeline.run.Output<>("person registry", PersonRegistry.class);

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public List<String> needs() {
        return List.of();
    }

    /** Step "registry": begins the period's population work, builds the registry, publishes both and the person keys. */
    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        LedgerWork w = new LedgerWork(ctx.period(), ctx.report());
        build(ctx.connection(), w);
        ctx.publish(LedgerWork.OUTPUT, w);
        ctx.publish(OUTPUT, this);
        ctx.publish(org.olive.pipeline.run.LedgerOutputs.PERSON_KEYS, java.util.Collections.unmodifiableMap(w.keys));
    }


    private final List<String> otherSources;
    /** ID number → the registry row as read at the start of the run and kept up to date since. */
    private final Map<String, Known> known = new HashMap<>();
    private long maxKey;
    private boolean loaded;

    private static final class Known {
        final long key;
        String name;
        String sex;
        LocalDate birth;
        String first;
        String last;

        Known(long key, String name, String sex, LocalDate birth, String first, String last) {
            this.key = key;
            this.name = name;
            this.sex = sex;
            this.birth = birth;
            this.first = first;
            this.last = last;
        }
    }

    PersonRegistry(List<String> otherSources) {
        this(otherSources, RegistryChecks.defaults());
    }

    private final RegistryChecks checks;

    PersonRegistry(List<String> otherSources, RegistryChecks checks) {
        this.otherSources = otherSources;
        this.checks = checks;
    }

    /** Step "registry": reads who is seen in the period, with the hukou and floating rows, and registers them. */
    void build(Connection c, LedgerWork w) throws SQLException {
        String p = w.period.toString();
        String vis = " WHERE " + MasterTables.VISIBLE + " AND data_period = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, name, sex, birth_date, hukou_no, relation_to_head, "
                + "village_code, marital_status, status, status_date, source_file, source_row FROM basic_hukou" + vis
                + " ORDER BY source_file, source_row")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = validId(rs.getString(1));
                    if (id == null) {
                        continue;
                    }
                    HukouMember m = new HukouMember(id, rs.getString(2), rs.getString(5), rs.getString(6), rs.getString(3),
                            date(rs.getDate(4)), rs.getString(8), rs.getString(7), rs.getString(9), date(rs.getDate(10)),
                            rs.getString(11) + " 第" + rs.getLong(12) + "行");
                    w.addHukou(m);
                    w.see(id).offer(0, m.name(), m.sex(), m.birthDate());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, name, sex, birth_date, village_code, origin_code, "
                + "registered_date, ended_date FROM basic_floating" + vis + " ORDER BY source_file, source_row")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = validId(rs.getString(1));
                    if (id == null) {
                        continue;
                    }
                    w.addFloating(new FloatingRow(id, rs.getString(5), rs.getString(6), date(rs.getDate(7)),
                            date(rs.getDate(8))));
                    w.see(id).offer(1, rs.getString(2), rs.getString(3), date(rs.getDate(4)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, name, sex, mother_id, father_id FROM basic_vital" + vis)) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offerId(w, rs.getString(1), 2, rs.getString(2), rs.getString(3));
                    offerId(w, rs.getString(4), 3, null, null);
                    offerId(w, rs.getString(5), 3, null, null);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT husband_id, husband_name, wife_id, wife_name FROM basic_marriage" + vis)) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offerId(w, rs.getString(1), 2, rs.getString(2), "M");
                    offerId(w, rs.getString(3), 2, rs.getString(4), "F");
                }
            }
        }
        for (String source : otherSources) {
            String table = source.substring(0, source.indexOf('.'));
            String column = source.substring(source.indexOf('.') + 1);
            try {
                boolean hasName = "person_id".equals(column) && hasColumn(c, table, "name");
                try (PreparedStatement ps = c.prepareStatement("SELECT " + column + (hasName ? ", name" : "") + " FROM "
                        + table + vis)) {
                    ps.setString(1, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            offerId(w, rs.getString(1), 2, hasName ? rs.getString(2) : null, null);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new LedgerRunException("registry source " + source + " (ledger.yaml registry.other_sources) cannot be "
                        + "read: " + e.getMessage(), e);
            }
        }
        for (Seen s : w.seen.values()) {
            s.fillFromId();
        }
        settleNames(c, w);
        upsert(c, w, w.seen.values(), true);
    }

    /**
     * A hukou or floating name that differs from the registry's: a new name is kept back while it has appeared in
     * fewer periods of the last {@code name_history_months} than the established one and in fewer than two periods
     * (a one-off typo, 王→汪); the rows carrying it are flagged NAME_VARIANT. A name seen in two periods (a real
     * change, or the correction of a typo first seen) replaces the old one.
     */
    private void settleNames(Connection c, LedgerWork w) throws SQLException {
        load(c);
        String p = w.period.toString();
        String from = w.period.minusMonths(checks.nameHistoryMonths() - 1).toString();
        long variants = 0;
        for (Seen s : w.seen.values()) {
            Known k = known.get(s.id);
            if (s.rank > 1 || s.name == null || k == null || k.name == null || k.name.equals(clip(s.name, 50))) {
                continue;
            }
            String table = s.rank == 0 ? "basic_hukou" : "basic_floating";
            Map<String, Integer> periods = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, COUNT(DISTINCT data_period) FROM " + table + " WHERE "
                    + MasterTables.VISIBLE + " AND person_id = ? AND data_period >= ? AND data_period <= ? GROUP BY name")) {
                ps.setString(1, s.id);
                ps.setString(2, from);
                ps.setString(3, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            periods.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
            }
            int newCount = periods.getOrDefault(s.name, 0);
            int oldCount = periods.getOrDefault(k.name, 0);
            if (newCount >= 2 || oldCount <= newCount) {
                continue; // a change confirmed, or nothing established to keep
            }
            String established = k.name;
            try (PreparedStatement ps = c.prepareStatement("SELECT source_file, source_row, name FROM " + table + " WHERE "
                    + MasterTables.VISIBLE + " AND person_id = ? AND data_period = ?")) {
                ps.setString(1, s.id);
                ps.setString(2, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(3);
                        if (name == null || name.equals(established)) {
                            continue;
                        }
                        w.rowFlags.add(new LedgerWork.RowFlag("NAME_VARIANT", s.rank == 0 ? "hukou" : "floating",
                                rs.getString(1), rs.getLong(2), "name", s.id, name, established, null,
                                "姓名 " + name + "（" + rs.getString(1) + " 第" + rs.getLong(2) + "行）与此人近 "
                                        + checks.nameHistoryMonths() + " 个月 " + oldCount + " 期记录的姓名 " + established
                                        + " 不同" + (oneCharApart(name, established) ? "（一字之差）" : "")
                                        + "，仅见于 " + newCount + " 期：登记簿保留 " + established));
                        variants++;
                    }
                }
            }
            s.name = established;
        }
        w.counts.put("name_variants_flagged", variants);
    }

    static boolean oneCharApart(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff += a.charAt(i) != b.charAt(i) ? 1 : 0;
        }
        return diff == 1;
    }

    /** Registers persons found by a later step (resident crossing persons): their values come from the ID number. */
    void addFromIds(Connection c, LedgerWork w, Collection<String> ids, boolean seenThisPeriod) throws SQLException {
        List<Seen> missing = new ArrayList<>();
        for (String id : ids) {
            if (!w.keys.containsKey(id)) {
                Seen s = seenThisPeriod ? w.see(id) : new Seen(id);
                s.offer(3, null, null, null);
                s.fillFromId();
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            // persons seen this period get person_period rows, so recordLastPeriod covers them
            upsert(c, w, missing, seenThisPeriod);
        }
    }

    /**
     * Moves last_period to the period for every person with a person_period row of the period (everyone seen), in
     * one statement; counts them as updated.
     */
    void recordLastPeriod(Connection c, LedgerWork w) throws SQLException {
        String p = w.period.toString();
        try (PreparedStatement ps = c.prepareStatement("UPDATE person SET last_period = ? WHERE last_period < ? AND EXISTS ("
                + "SELECT 1 FROM person_period pp WHERE pp.data_period = ? AND pp.person_key = person.person_key)")) {
            ps.setString(1, p);
            ps.setString(2, p);
            ps.setString(3, p);
            w.counts.merge("registry_updated", (long) ps.executeUpdate(), Long::sum);
        }
        for (String id : w.seen.keySet()) {
            Known k = known.get(id);
            if (k != null && k.last.compareTo(p) < 0) {
                k.last = p;
            }
        }
    }

    private void load(Connection c) throws SQLException {
        if (loaded) {
            return;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id_number, person_key, name, sex, birth_date, first_period, last_period FROM person")) {
            while (rs.next()) {
                long key = rs.getLong(2);
                maxKey = Math.max(maxKey, key);
                known.put(rs.getString(1), new Known(key, rs.getString(3), rs.getString(4), date(rs.getDate(5)),
                        rs.getString(6), rs.getString(7)));
            }
        }
        loaded = true;
    }

    /**
     * Inserts the new persons (keys from max + 1, in ID order), updates the known ones whose values changed, and
     * fills {@code w.keys}.
     *
     * @param lastPeriodLater whether last_period is left to {@link #recordLastPeriod} (persons with a person_period row)
     */
    private void upsert(Connection c, LedgerWork w, Collection<Seen> persons, boolean lastPeriodLater) throws SQLException {
        load(c);
        String p = w.period.toString();
        List<Seen> sorted = new ArrayList<>(persons);
        sorted.sort((a, b) -> a.id.compareTo(b.id));
        long created = 0;
        long updated = 0;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO person (person_key, id_number, name, sex, birth_date, "
                + "first_period, last_period) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upd = c.prepareStatement("UPDATE person SET name = ?, sex = ?, birth_date = ?, first_period = ?, "
                     + "last_period = ? WHERE person_key = ?")) {
            int inserts = 0;
            int updates = 0;
            for (Seen s : sorted) {
                Known k = known.get(s.id);
                String name = clip(s.name, 50);
                if (k == null) {
                    long key = ++maxKey;
                    w.keys.put(s.id, key);
                    known.put(s.id, new Known(key, name, s.sex, s.birth, p, p));
                    ins.setLong(1, key);
                    ins.setString(2, s.id);
                    ins.setString(3, name);
                    ins.setString(4, s.sex);
                    ins.setObject(5, s.birth);
                    ins.setString(6, p);
                    ins.setString(7, p);
                    ins.addBatch();
                    created++;
                    if (++inserts % 2000 == 0) {
                        ins.executeBatch();
                    }
                } else {
                    w.keys.put(s.id, k.key);
                    String first = k.first.compareTo(p) <= 0 ? k.first : p;
                    String last = k.last.compareTo(p) >= 0 ? k.last : p;
                    String n = name != null ? name : k.name;
                    boolean lastChanged = !last.equals(k.last);
                    if (!Objects.equals(n, k.name) || !Objects.equals(s.sex, k.sex) || !Objects.equals(s.birth, k.birth)
                            || !first.equals(k.first) || (lastChanged && !lastPeriodLater)) {
                        upd.setString(1, n);
                        upd.setString(2, s.sex);
                        upd.setObject(3, s.birth);
                        upd.setString(4, first);
                        upd.setString(5, last);
                        upd.setLong(6, k.key);
                        upd.addBatch();
                        updated++;
                        k.name = n;
                        k.sex = s.sex;
                        k.birth = s.birth;
                        k.first = first;
                        k.last = last;
                        if (++updates % 2000 == 0) {
                            upd.executeBatch();
                        }
                    }
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        w.counts.merge("registry_new", created, Long::sum);
        w.counts.merge("registry_updated", updated, Long::sum);
        w.counts.put("registry_persons", (long) known.size());
    }

    private static void offerId(LedgerWork w, String raw, int rank, String name, String sex) {
        String id = validId(raw);
        if (id != null) {
            w.see(id).offer(rank, name, sex, null);
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnLabel(i).toLowerCase(Locale.ROOT).equals(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The set form used by the family step: persons named by families or conflicts, not necessarily seen. */
    void addNamed(Connection c, LedgerWork w, Set<String> ids) throws SQLException {
        addFromIds(c, w, ids, false);
    }
}
