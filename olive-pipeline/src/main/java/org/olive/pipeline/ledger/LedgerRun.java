package org.olive.pipeline.ledger;

import org.olive.family.CivilRecords;
import org.olive.family.Conflict;
import org.olive.family.Family;
import org.olive.family.FamilyBuilder;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.population.Crossing;
import org.olive.population.Presence;
import org.olive.population.PresenceReconstruction;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the population and family ledgers (人口一本账, 家庭一本账) of one period from the visible rows of the master
 * database: the person registry, record matching, presence and residence over the trailing window, the four lists,
 * the families with their conflicts, and the figures (pilot indicator 4 and, when the generator's truth is at hand,
 * accuracy against it). docs/population.md documents every choice.
 *
 * <p>The run is registered in ledger_run (committed at once), then everything is written in one transaction: a
 * failed run leaves the period's previous ledgers untouched and is marked FAILED with its error. Re-running a
 * period replaces its rows; person keys and family keys stay the same (see {@link #previousFamilies}).
 */
public final class LedgerRun {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final DataSource dataSource;
    private final LedgerSettings settings;
    private final Function<FamilyInput, FamilyLedger> familyBuilder;
    private final Consumer<String> progress;

    /** A run with the built-in settings and the real family builder. */
    public static LedgerRun withDefaults(DataSource dataSource, Consumer<String> progress) {
        LedgerSettings s = LedgerSettings.builtIn();
        return new LedgerRun(dataSource, s, new FamilyBuilder(s.family())::build, progress);
    }

    /**
     * @param familyBuilder builds the families of a period (normally {@link FamilyBuilder#build}); a parameter so that
     *                      the persistence can be tested with a simpler builder
     */
    public LedgerRun(DataSource dataSource, LedgerSettings settings, Function<FamilyInput, FamilyLedger> familyBuilder,
                     Consumer<String> progress) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.familyBuilder = familyBuilder;
        this.progress = progress;
    }

    // ------------------------------------------------------------------------------------------------ state

    /** A person as the registry sees them this period. rank: 0 hukou, 1 floating, 2 other source, 3 the ID itself. */
    private static final class Seen {
        final String id;
        String name;
        String sex;
        LocalDate birth;
        int rank = 4;

        Seen(String id) {
            this.id = id;
        }

        void offer(int r, String n, String s, LocalDate b) {
            if (r < rank && (n != null || r == 3)) {
                rank = r;
                name = n;
                if (s != null && !"U".equals(s)) {
                    sex = s;
                }
                if (b != null) {
                    birth = b;
                }
            } else {
                if (sex == null && s != null && !"U".equals(s)) {
                    sex = s;
                }
                if (birth == null && b != null) {
                    birth = b;
                }
            }
        }
    }

    private record FloatingRow(String personId, String villageCode, String originCode, LocalDate registered,
                               LocalDate ended) {
    }

    /** Everything the steps share. */
    private static final class Work {
        Period period;
        long runId;
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Map<String, Long> millis = new LinkedHashMap<>();
        final Map<String, String> skipped = new LinkedHashMap<>();
        final List<LedgerResult.Figure> figures = new ArrayList<>();
        final Map<String, Seen> seen = new HashMap<>();
        final Map<String, Long> keys = new HashMap<>();
        final List<HukouMember> hukou = new ArrayList<>();
        final Map<String, HukouMember> hukouOf = new HashMap<>();
        final Map<String, FloatingRow> floatingOf = new HashMap<>();
        final Map<String, LocalDate> deaths = new HashMap<>();
        final Set<String> registered = new HashSet<>();
        final Map<String, Presence> presence = new HashMap<>();
        final Set<String> resident = new HashSet<>();
        final Set<String> floatingList = new HashSet<>();
        boolean familiesBuilt;
    }

    // ------------------------------------------------------------------------------------------------ API

    /**
     * The earlier periods that were ingested but have no successful ledger run, back from the period before
     * {@code period} to the first gap in ingestion; oldest first. Run them before {@code period} for stable keys.
     */
    public List<Period> missingEarlier(Period period) {
        List<Period> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Period p = period.minusMonths(1);
            while (ingested(c, p) && !ledgered(c, p)) {
                out.add(0, p);
                p = p.minusMonths(1);
            }
        } catch (SQLException e) {
            throw new LedgerRunException("cannot read the runs: " + e.getMessage(), e);
        }
        return out;
    }

    /** Whether the period has a successful ledger run. */
    public boolean done(Period period) {
        try (Connection c = dataSource.getConnection()) {
            return ledgered(c, period);
        } catch (SQLException e) {
            throw new LedgerRunException("cannot read the ledger runs: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the ledgers of the period.
     *
     * @param truthDir the generator's truth for accuracy figures: a folder holding {@code P/residence.csv} or
     *                 {@code truth/P/residence.csv}; null to look next to the ingested data ({@code source_dir/../truth/P})
     */
    public LedgerResult run(Period period, Path truthDir) {
        Work w = new Work();
        w.period = period;
        long t0 = System.nanoTime();
        String sourceDir;
        try (Connection c = dataSource.getConnection()) {
            sourceDir = ingestSource(c, period);
            if (sourceDir == null) {
                throw new LedgerRunException("period " + period + " has no succeeded ingest run; ingest it first");
            }
            w.runId = register(c, period);
        } catch (SQLException e) {
            throw new LedgerRunException("cannot register the ledger run of " + period + ": " + e.getMessage(), e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                step(w, "registry", () -> registry(c, w));
                step(w, "matching", () -> matching(c, w));
                step(w, "presence", () -> presence(c, w));
                step(w, "lists", () -> lists(c, w));
                step(w, "families", () -> families(c, w));
                step(w, "figures", () -> figures(c, w, truthDir, sourceDir));
                w.millis.put("total", (System.nanoTime() - t0) / 1_000_000);
                LedgerResult result = new LedgerResult(w.runId, period.toString(), w.counts, w.millis, w.figures, w.skipped);
                try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'SUCCEEDED', finished_at = ?, "
                        + "report = ? WHERE id = ?")) {
                    ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.setString(2, result.toJson());
                    ps.setLong(3, w.runId);
                    ps.executeUpdate();
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            markFailed(w.runId, msg);
            throw e instanceof LedgerRunException lre ? lre
                    : new LedgerRunException("ledger run of " + period + " failed; the period keeps its previous ledgers: "
                    + msg, e);
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private void step(Work w, String name, SqlStep s) throws SQLException {
        long t = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
        progress.accept(w.period + " " + name);
        s.run();
        w.millis.put(name, (System.nanoTime() - t) / 1_000_000);
        if (cpu >= 0) {
            // CPU time of the step's thread (the embedded H2 works on it too): the fair figure on a shared machine
            w.millis.put(name + "_cpu", (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        }
    }

    // ------------------------------------------------------------------------------------------------ runs

    private static String ingestSource(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_dir FROM ingest_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED' ORDER BY id DESC")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean ingested(Connection c, Period p) throws SQLException {
        return ingestSource(c, p) != null;
    }

    private static boolean ledgered(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long register(Connection c, Period p) throws SQLException {
        c.setAutoCommit(true);
        // a run killed half-way stays RUNNING; its transaction was never committed, so only the row is left
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'FAILED', error = ? "
                + "WHERE data_period = ? AND status = 'RUNNING'")) {
            ps.setString(1, "interrupted: a later run of the period found it still running");
            ps.setString(2, p.toString());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_run (data_period, status, started_at) "
                + "VALUES (?, 'RUNNING', ?)", new String[]{"id"})) {
            ps.setString(1, p.toString());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void markFailed(long runId, String msg) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE ledger_run SET status = 'FAILED', finished_at = ?, error = ? "
                     + "WHERE id = ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(2, clip(msg, 2000));
            ps.setLong(3, runId);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // the run stays RUNNING; the next run of the period marks it failed
        }
    }

    // ------------------------------------------------------------------------------------------------ 2. registry

    private void registry(Connection c, Work w) throws SQLException {
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
                    addHukou(w, m);
                    see(w, id).offer(0, m.name(), m.sex(), m.birthDate());
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
                    addFloating(w, new FloatingRow(id, rs.getString(5), rs.getString(6), date(rs.getDate(7)),
                            date(rs.getDate(8))));
                    see(w, id).offer(1, rs.getString(2), rs.getString(3), date(rs.getDate(4)));
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
        for (String source : settings.otherSources()) {
            String table = source.substring(0, source.indexOf('.'));
            String column = source.substring(source.indexOf('.') + 1);
            boolean hasName = "person_id".equals(column) && hasColumn(c, table, "name");
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + (hasName ? ", name" : "") + " FROM " + table
                    + vis)) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        offerId(w, rs.getString(1), 2, hasName ? rs.getString(2) : null, null);
                    }
                }
            } catch (SQLException e) {
                throw new LedgerRunException("registry source " + source + " (ledger.yaml registry.other_sources) cannot be "
                        + "read: " + e.getMessage(), e);
            }
        }
        for (Seen s : w.seen.values()) {
            fillFromId(s);
        }
        upsertPersons(c, w, w.seen.values());
    }

    private static void addHukou(Work w, HukouMember m) {
        w.hukou.add(m);
        HukouMember prev = w.hukouOf.get(m.personId());
        if (prev == null || (!prev.normal() && m.normal())) {
            w.hukouOf.put(m.personId(), m);
        }
    }

    private static void addFloating(Work w, FloatingRow f) {
        FloatingRow prev = w.floatingOf.get(f.personId());
        if (prev == null || (f.registered() != null && (prev.registered() == null || f.registered().isAfter(prev.registered())))) {
            w.floatingOf.put(f.personId(), f);
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

    private static Seen see(Work w, String id) {
        return w.seen.computeIfAbsent(id, Seen::new);
    }

    private static void offerId(Work w, String raw, int rank, String name, String sex) {
        String id = validId(raw);
        if (id != null) {
            see(w, id).offer(rank, name, sex, null);
        }
    }

    private static void fillFromId(Seen s) {
        IdNumber id = IdNumber.parse(s.id).id();
        if (s.birth == null) {
            s.birth = id.birthDate();
        }
        if (s.sex == null) {
            s.sex = id.male() ? "M" : "F";
        }
    }

    static String validId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        IdNumber.ParseResult r = IdNumber.parse(raw);
        return r.valid() ? r.id().value() : null;
    }

    /** Inserts the new persons (keys from max + 1), refreshes the changed ones, and fills {@code w.keys}. */
    private void upsertPersons(Connection c, Work w, java.util.Collection<Seen> persons) throws SQLException {
        String p = w.period.toString();
        Map<String, Object[]> known = new HashMap<>();
        long max = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id_number, person_key, name, sex, birth_date, first_period, last_period FROM person")) {
            while (rs.next()) {
                long key = rs.getLong(2);
                max = Math.max(max, key);
                known.put(rs.getString(1), new Object[]{key, rs.getString(3), rs.getString(4), date(rs.getDate(5)),
                        rs.getString(6), rs.getString(7)});
            }
        }
        List<Seen> sorted = new ArrayList<>(persons);
        sorted.sort((a, b) -> a.id.compareTo(b.id));
        long created = 0;
        long updated = 0;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO person (person_key, id_number, name, sex, birth_date, "
                + "first_period, last_period) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upd = c.prepareStatement("UPDATE person SET name = ?, sex = ?, birth_date = ?, first_period = ?, "
                     + "last_period = ? WHERE person_key = ?")) {
            int batch = 0;
            for (Seen s : sorted) {
                Object[] k = known.get(s.id);
                String name = clip(s.name, 50);
                if (k == null) {
                    long key = ++max;
                    w.keys.put(s.id, key);
                    ins.setLong(1, key);
                    ins.setString(2, s.id);
                    ins.setString(3, name);
                    ins.setString(4, s.sex);
                    ins.setObject(5, s.birth);
                    ins.setString(6, p);
                    ins.setString(7, p);
                    ins.addBatch();
                    created++;
                } else {
                    long key = (Long) k[0];
                    w.keys.put(s.id, key);
                    String first = ((String) k[4]).compareTo(p) <= 0 ? (String) k[4] : p;
                    String last = ((String) k[5]).compareTo(p) >= 0 ? (String) k[5] : p;
                    String n = name != null ? name : (String) k[1];
                    if (!java.util.Objects.equals(n, k[1]) || !java.util.Objects.equals(s.sex, k[2])
                            || !java.util.Objects.equals(s.birth, k[3]) || !first.equals(k[4]) || !last.equals(k[5])) {
                        upd.setString(1, n);
                        upd.setString(2, s.sex);
                        upd.setObject(3, s.birth);
                        upd.setString(4, first);
                        upd.setString(5, last);
                        upd.setLong(6, key);
                        upd.addBatch();
                        updated++;
                    }
                }
                if (++batch % 2000 == 0) {
                    ins.executeBatch();
                    upd.executeBatch();
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        w.counts.merge("registry_new", created, Long::sum);
        w.counts.merge("registry_updated", updated, Long::sum);
        w.counts.put("registry_persons", (long) known.size() + created);
    }

    /** Registers the given ID numbers that the registry does not know yet (their values from the ID itself). */
    private void ensurePersons(Connection c, Work w, Set<String> ids) throws SQLException {
        List<Seen> missing = new ArrayList<>();
        for (String id : ids) {
            if (!w.keys.containsKey(id)) {
                Seen s = new Seen(id);
                s.offer(3, null, null, null);
                fillFromId(s);
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            upsertPersons(c, w, missing);
        }
    }

    // ------------------------------------------------------------------------------------------------ 3. matching

    private void matching(Connection c, Work w) throws SQLException {
        RecordMatching.Result r = new RecordMatching().match(c, w.period.toString());
        long hukou = 0;
        long floating = 0;
        for (RecordMatching.RecoveredRow row : r.recovered()) {
            Map<String, String> v = row.values();
            String id = validId(row.personId());
            if (id == null) {
                continue;
            }
            String source = row.fileName() + " 第" + row.sourceRow() + "行 (matched)";
            if ("hukou".equals(row.dataset())) {
                addHukou(w, new HukouMember(id, v.get("name"), v.get("hukou_no"), v.get("relation_to_head"), v.get("sex"),
                        parseDate(v.get("birth_date")), v.get("marital_status"), v.get("village_code"),
                        v.getOrDefault("status", "NORMAL"), parseDate(v.get("status_date")), source));
                hukou++;
            } else if ("floating".equals(row.dataset())) {
                addFloating(w, new FloatingRow(id, v.get("village_code"), v.get("origin_code"),
                        parseDate(v.get("registered_date")), parseDate(v.get("ended_date"))));
                floating++;
            }
        }
        r.countsByStatus().forEach((k, n) -> w.counts.put("matching_" + k.toLowerCase(Locale.ROOT), (long) n));
        w.counts.put("matching_recovered_hukou", hukou);
        w.counts.put("matching_recovered_floating", floating);
    }

    // ------------------------------------------------------------------------------------------------ 4. presence

    private void presence(Connection c, Work w) throws SQLException {
        LocalDate end = w.period.lastDay();
        LocalDate start = end.minusDays(settings.residence().windowDays() - 1L);
        LocalDateTime from = start.minusDays(settings.lookbackDays()).atStartOfDay();
        LocalDateTime to = end.plusDays(1).atStartOfDay();
        // registered: NORMAL in the period's hukou and no registered death
        loadDeaths(c, w);
        for (HukouMember m : w.hukouOf.values()) {
            if (m.normal() && !w.deaths.containsKey(m.personId())) {
                w.registered.add(m.personId());
            }
        }
        // Who is presumed present when they have no crossings at all: the registered, and the persons with an
        // active floating-population registration (they declared living here; the police record is a trace).
        Set<String> presumedHere = new HashSet<>(w.registered);
        for (FloatingRow f : w.floatingOf.values()) {
            if (activeFloating(f, end) && !w.deaths.containsKey(f.personId())) {
                presumedHere.add(f.personId());
            }
        }
        // The crossings are read once, unsorted, into compact arrays (person index, seconds since `from`, direction)
        // and sorted in memory as packed longs: much faster than an ORDER BY over millions of rows.
        long readStart = System.nanoTime();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        long[] packed = new long[1 << 16];
        int n = 0;
        long rows = 0;
        long invalid = 0;
        // H2 materialises a result set before returning its first row unless told to stream it (PostgreSQL streams
        // with a fetch size outside auto-commit, which is how the run's connection is)
        boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        if (h2) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, event_time, direction FROM basic_crossings WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ? AND event_time >= ? AND event_time < ?")) {
            ps.setFetchSize(10_000);
            ps.setString(1, w.period.toString());
            ps.setTimestamp(2, Timestamp.valueOf(from));
            ps.setTimestamp(3, Timestamp.valueOf(to));
            long fromSecond = from.toEpochSecond(ZoneOffset.UTC);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String id = rs.getString(1);
                    LocalDateTime t = rs.getObject(2, LocalDateTime.class);
                    String dir = rs.getString(3);
                    if (id == null || t == null || dir == null) {
                        invalid++;
                        continue;
                    }
                    Integer i = index.get(id);
                    if (i == null) {
                        i = ids.size();
                        index.put(id, i);
                        ids.add(id);
                    }
                    long sec = t.toEpochSecond(ZoneOffset.UTC) - fromSecond;
                    if (n == packed.length) {
                        packed = Arrays.copyOf(packed, n * 2);
                    }
                    // 24 bits person, 38 bits seconds, 1 bit direction (OUT sorts after IN at the same second)
                    packed[n++] = ((long) i << 39) | (sec << 1) | ("OUT".equals(dir) ? 1 : 0);
                }
            }
            if (ids.size() >= (1 << 24)) {
                throw new LedgerRunException("more than 16 million distinct persons in the crossings of the window");
            }
        } finally {
            if (h2) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        }
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        Arrays.sort(packed, 0, n);
        PresenceReconstruction reconstruction = new PresenceReconstruction(settings.residence());
        List<Crossing> seq = new ArrayList<>();
        int current = -1;
        for (int k = 0; k <= n; k++) {
            int person = k < n ? (int) (packed[k] >>> 39) : -2;
            if (person != current) {
                if (current >= 0) {
                    String id = ids.get(current);
                    Presence pr = reconstruction.reconstruct(seq, end, presumedHere.contains(id));
                    // visitors who are not resident and not in the registry are not kept (most crossing persons)
                    if (pr.resident() || w.seen.containsKey(id)) {
                        w.presence.put(id, pr);
                    }
                }
                seq.clear();
                current = person;
            }
            if (k < n) {
                long sec = (packed[k] >>> 1) & ((1L << 38) - 1);
                seq.add(new Crossing(from.plusSeconds(sec), (packed[k] & 1) == 1 ? Crossing.Direction.OUT
                        : Crossing.Direction.IN, ""));
            }
        }
        // persons of the registry with no crossings
        for (String id : w.seen.keySet()) {
            if (!w.presence.containsKey(id)) {
                w.presence.put(id, reconstruction.reconstruct(List.of(), end, presumedHere.contains(id)));
            }
        }
        for (Map.Entry<String, Presence> e : w.presence.entrySet()) {
            if (e.getValue().resident()) {
                w.resident.add(e.getKey());
            }
        }
        // crossing persons enter the registry only if resident
        Set<String> residentCrossers = new HashSet<>();
        for (String id : w.resident) {
            if (!w.seen.containsKey(id) && validId(id) != null) {
                residentCrossers.add(id);
            }
        }
        for (String id : residentCrossers) {
            Seen s = see(w, id);
            s.offer(3, null, null, null);
            fillFromId(s);
        }
        if (!residentCrossers.isEmpty()) {
            List<Seen> add = new ArrayList<>();
            residentCrossers.forEach(id -> add.add(w.seen.get(id)));
            upsertPersons(c, w, add);
        }
        w.millis.put("presence_read_crossings", readMillis);
        w.counts.put("crossings_read", rows);
        w.counts.put("crossings_incomplete", invalid);
        w.counts.put("crossing_persons", (long) ids.size());
        w.counts.put("registry_from_crossings", (long) residentCrossers.size());
    }

    private static boolean activeFloating(FloatingRow f, LocalDate end) {
        return (f.registered() == null || !f.registered().isAfter(end)) && (f.ended() == null || f.ended().isAfter(end));
    }

    private void loadDeaths(Connection c, Work w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, event_date FROM basic_vital WHERE " + MasterTables.VISIBLE
                + " AND data_period <= ? AND kind = 'DEATH' AND (event_date IS NULL OR event_date <= ?)")) {
            ps.setString(1, w.period.toString());
            ps.setDate(2, Date.valueOf(w.period.lastDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = validId(rs.getString(1));
                    if (id != null) {
                        w.deaths.put(id, date(rs.getDate(2)));
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 5. lists

    private void lists(Connection c, Work w) throws SQLException {
        String p = w.period.toString();
        String prev = w.period.minusMonths(1).toString();
        Map<Long, String[]> since = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, registered_since, resident_since, floating_since, "
                + "separated_since FROM person_period WHERE data_period = ?")) {
            ps.setString(1, prev);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    since.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        delete(c, "person_period", p);
        long reg = 0;
        long res = 0;
        long flo = 0;
        long sep = 0;
        LocalDate end = w.period.lastDay();
        List<String> persons = new ArrayList<>(w.seen.keySet());
        persons.sort(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_period (data_period, person_key, registered, resident, "
                + "floating, separated, hukou_no, hukou_village, live_village, township_code, sex, age, days_present, "
                + "presence_basis, presence_note, registered_since, resident_since, floating_since, separated_since) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (String id : persons) {
                Long key = w.keys.get(id);
                if (key == null) {
                    continue;
                }
                Seen s = w.seen.get(id);
                boolean registered = w.registered.contains(id);
                boolean resident = w.resident.contains(id);
                boolean floating = resident && !registered;
                boolean separated = registered && !resident;
                if (floating) {
                    w.floatingList.add(id);
                }
                HukouMember h = registered ? w.hukouOf.get(id) : null;
                FloatingRow f = w.floatingOf.get(id);
                String hukouVillage = h == null ? null : h.villageCode();
                String liveVillage = !resident ? null : registered ? hukouVillage : f == null ? null : f.villageCode();
                String relevant = liveVillage != null ? liveVillage : hukouVillage;
                Presence pr = w.presence.get(id);
                String[] was = since.get(key);
                ps.setString(1, p);
                ps.setLong(2, key);
                ps.setBoolean(3, registered);
                ps.setBoolean(4, resident);
                ps.setBoolean(5, floating);
                ps.setBoolean(6, separated);
                ps.setString(7, h == null ? null : h.hukouNo());
                ps.setString(8, hukouVillage);
                ps.setString(9, liveVillage);
                ps.setString(10, relevant == null || relevant.length() < 9 ? null : relevant.substring(0, 9));
                ps.setString(11, s.sex);
                if (s.birth == null) {
                    ps.setNull(12, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(12, java.time.Period.between(s.birth, end).getYears());
                }
                ps.setInt(13, pr.daysPresent());
                ps.setString(14, pr.basis().name());
                ps.setString(15, clip(note(pr, w.deaths.get(id), w.hukouOf.get(id)), 1000));
                ps.setString(16, since(registered, was, 0, p));
                ps.setString(17, since(resident, was, 1, p));
                ps.setString(18, since(floating, was, 2, p));
                ps.setString(19, since(separated, was, 3, p));
                ps.addBatch();
                reg += registered ? 1 : 0;
                res += resident ? 1 : 0;
                flo += floating ? 1 : 0;
                sep += separated ? 1 : 0;
                if (++batch % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        w.counts.put("registered", reg);
        w.counts.put("resident", res);
        w.counts.put("floating", flo);
        w.counts.put("separated", sep);
        w.counts.put("person_period_rows", (long) persons.size());
    }

    private static String since(boolean member, String[] was, int i, String p) {
        if (!member) {
            return null;
        }
        return was != null && was[i] != null ? was[i] : p;
    }

    private String note(Presence pr, LocalDate death, HukouMember h) {
        StringBuilder b = new StringBuilder();
        b.append(pr.daysPresent()).append(" of ").append(settings.residence().windowDays()).append(" days present (")
                .append(pr.resident() ? "≥ " : "< ").append(settings.residence().residentDays()).append(")");
        switch (pr.basis()) {
            case CROSSINGS -> b.append("; ").append(pr.crossingsUsed()).append(" crossings in the window");
            case NO_CROSSINGS_ASSUMED_PRESENT -> b.append("; no crossings: registered (hukou or active floating "
                    + "registration), assumed present all year");
            case NO_CROSSINGS_ASSUMED_ABSENT -> b.append("; no crossings and not registered here: assumed absent");
        }
        if (pr.duplicatesIgnored() > 0) {
            b.append("; ").append(pr.duplicatesIgnored()).append(" duplicate checks ignored");
        }
        if (!pr.imputed().isEmpty()) {
            b.append("; ").append(pr.imputed().size()).append(" missing crossings inferred, first: ")
                    .append(pr.imputed().get(0).reason());
        }
        if (death != null) {
            b.append("; death registered on ").append(death).append(": not in the hukou list");
        } else if (h != null && !h.normal()) {
            b.append("; hukou status ").append(h.status()).append(": not in the hukou list");
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ 6. families

    private void families(Connection c, Work w) throws SQLException {
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
            if (activeFloating(f, end) && !w.registered.contains(f.personId()) && !w.deaths.containsKey(f.personId())) {
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
        FamilyInput in = new FamilyInput(p, end, List.copyOf(w.hukou), List.copyOf(migrants), marriages, births, deaths,
                previous, resolutions, () -> String.format("F%07d", ++next[0]));
        FamilyLedger ledger = familyBuilder.apply(in);
        Set<String> ids = new HashSet<>();
        ledger.families().forEach(f -> f.members().forEach(m -> ids.add(m.personId())));
        ledger.conflicts().forEach(k -> ids.addAll(k.personIds()));
        ensurePersons(c, w, ids);
        persistFamilies(c, w, ledger);
        persistConflicts(c, w, ledger);
        w.familiesBuilt = true;
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

    private void persistFamilies(Connection c, Work w, FamilyLedger ledger) throws SQLException {
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

    private void persistConflicts(Connection c, Work w, FamilyLedger ledger) throws SQLException {
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

    // ------------------------------------------------------------------------------------------------ 7. figures

    private void figures(Connection c, Work w, Path truthDir, String sourceDir) throws SQLException {
        String p = w.period.toString();
        delete(c, "ledger_figure", p);
        if (w.familiesBuilt) {
            // residents placed in a family of the period and concerned by no open case, by township
            String sql = "SELECT pp.township_code, COUNT(*), SUM(CASE WHEN fm.person_key IS NOT NULL AND NOT EXISTS ("
                    + "SELECT 1 FROM family_conflict_person cp JOIN family_conflict fc ON fc.id = cp.conflict_id "
                    + "WHERE cp.person_key = pp.person_key AND fc.status = 'OPEN') THEN 1 ELSE 0 END) "
                    + "FROM person_period pp LEFT JOIN family_member fm ON fm.data_period = pp.data_period "
                    + "AND fm.person_key = pp.person_key WHERE pp.data_period = ? AND pp.resident = TRUE "
                    + "GROUP BY pp.township_code";
            long num = 0;
            long den = 0;
            String note = "residents placed in a family of the period and concerned by no open family conflict / "
                    + "residents (常住人口) of the area";
            List<LedgerResult.Figure> towns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long d = rs.getLong(2);
                        long n = rs.getLong(3);
                        num += n;
                        den += d;
                        if (rs.getString(1) != null) {
                            towns.add(LedgerResult.Figure.of("relationship_accuracy", rs.getString(1), n, d, note));
                        }
                    }
                }
            }
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

    // ------------------------------------------------------------------------------------------------ helpers

    private static void delete(Connection c, String table, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE data_period = ?")) {
            ps.setString(1, period);
            ps.executeUpdate();
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static boolean exists(Path p) {
        return p != null && Files.isRegularFile(p);
    }
}
