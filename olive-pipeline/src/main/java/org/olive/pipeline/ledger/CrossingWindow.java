package org.olive.pipeline.ledger;

import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ferry crossings a ledger run needs — visible rows of basic_crossings with {@code data_period <= P} and
 * {@code event_time} from the window start minus the lookback to the end of P — kept in memory between the runs of
 * one process so that consecutive months read only the newly ingested period.
 *
 * <p>Each crossing is one packed long: 24 bits person index, 38 bits seconds since 1970-01-01 (UTC wall clock), 1
 * bit direction (OUT = 1, so OUT sorts after IN at the same second). Rows without a person or direction keep the
 * reserved person index {@link #INCOMPLETE} so that they are counted as the cold read counts them.
 *
 * <p>What is held after preparing period P: every visible crossing with {@code data_period <= P} and
 * {@code event_time >= from(P)}, with no upper bound on the time (the next month's window needs the crossings
 * delivered early that fall after P). Preparing P+1 then drops what is older than from(P+1) and adds the visible
 * rows of data period P+1 — exactly the set a cold read of P+1 gives, provided the visible ingest runs of the
 * periods up to P did not change. That is checked each time against ingest_run; any difference (a re-ingested or
 * purged period), a period that does not follow the held one, or an empty holder means a cold read of the whole
 * window. A re-run of the held period reuses it as it is.
 */
final class CrossingWindow {

    /** Person index of a row without a person or a direction. */
    static final int INCOMPLETE = (1 << 24) - 1;
    private static final long SECONDS_MASK = (1L << 38) - 1;

    private final int windowDays;
    private final int lookbackDays;

    /** Held state; period null = nothing held. */
    private Period heldPeriod;
    private TreeMap<String, List<Long>> heldRuns;
    private long[] packed = new long[0];
    private int size;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    CrossingWindow(int windowDays, int lookbackDays) {
        this.windowDays = windowDays;
        this.lookbackDays = lookbackDays;
    }

    /** The crossings of a period's window, sorted by person, time and direction. */
    record Crossings(long[] packed, int size, List<String> ids, LocalDateTime from, LocalDateTime to,
                     long rowsFromDatabase, boolean fromCache) {

        static int person(long v) {
            return (int) (v >>> 39);
        }

        static LocalDateTime time(long v) {
            return LocalDateTime.ofEpochSecond((v >>> 1) & SECONDS_MASK, 0, ZoneOffset.UTC);
        }

        static boolean out(long v) {
            return (v & 1) == 1;
        }
    }

    LocalDateTime from(Period p) {
        LocalDate start = p.lastDay().minusDays(windowDays - 1L);
        return start.minusDays(lookbackDays).atStartOfDay();
    }

    /** Brings the held crossings to period {@code p} (from memory where it can) and returns those of its window. */
    Crossings prepare(Connection c, Period p) throws SQLException {
        LocalDateTime from = from(p);
        LocalDateTime to = p.lastDay().plusDays(1).atStartOfDay();
        if (from.toEpochSecond(ZoneOffset.UTC) < 0) {
            throw new LedgerRunException("period " + p + " is too early: its crossing window starts before 1970");
        }
        TreeMap<String, List<Long>> runs = visibleRuns(c);
        long read;
        boolean cached;
        if (heldPeriod != null && heldRuns != null
                && (heldPeriod.equals(p) || heldPeriod.equals(p.minusMonths(1)))
                && upTo(runs, heldPeriod).equals(upTo(heldRuns, heldPeriod))) {
            cached = true;
            if (heldPeriod.equals(p)) {
                read = 0;
            } else {
                evictBefore(from);
                read = read(c, "data_period = ?", p, from);
            }
        } else {
            cached = false;
            clear();
            read = read(c, "data_period <= ?", p, from);
        }
        heldPeriod = p;
        heldRuns = runs;
        if (ids.size() >= INCOMPLETE) {
            clear();
            throw new LedgerRunException("more than 16 million distinct persons in the crossings of the window");
        }
        // the window: the held crossings before the end of P, sorted
        long toSecond = to.toEpochSecond(ZoneOffset.UTC);
        long[] window = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            long v = packed[i];
            if (((v >>> 1) & SECONDS_MASK) < toSecond) {
                window[n++] = v;
            }
        }
        Arrays.sort(window, 0, n);
        return new Crossings(window, n, List.copyOf(ids), from, to, read, cached);
    }

    /** Forgets everything held (the next run reads its whole window). */
    void clear() {
        heldPeriod = null;
        heldRuns = null;
        packed = new long[1 << 16];
        size = 0;
        ids.clear();
        index.clear();
    }

    private long read(Connection c, String periods, Period p, LocalDateTime from) throws SQLException {
        if (!LedgerWork.isH2(c)) {
            // PostgreSQL streams with a fetch size outside auto-commit, which is how the run's connection is
            return read(c, periods, p.toString(), from);
        }
        // H2: one materialised query per delivered period instead of one lazy cursor over the whole window. A lazy
        // cursor held across the run's own writes failed under load with MVStore "Chunk … not found" (the chunks it
        // still pointed to were freed); a month of crossings is small enough to materialise.
        List<String> delivered = new ArrayList<>();
        if (periods.startsWith("data_period = ")) {
            delivered.add(p.toString());
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT data_period FROM basic_crossings WHERE "
                    + "data_period <= ? ORDER BY data_period")) {
                ps.setString(1, p.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        delivered.add(rs.getString(1));
                    }
                }
            }
        }
        long rows = 0;
        for (String q : delivered) {
            rows += read(c, "data_period = ?", q, from);
        }
        return rows;
    }

    private long read(Connection c, String periods, String p, LocalDateTime from) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, event_time, direction FROM basic_crossings WHERE "
                + MasterTables.VISIBLE + " AND " + periods + " AND event_time >= ?")) {
            ps.setFetchSize(10_000);
            ps.setString(1, p);
            ps.setTimestamp(2, Timestamp.valueOf(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String id = rs.getString(1);
                    LocalDateTime t = rs.getObject(2, LocalDateTime.class);
                    String dir = rs.getString(3);
                    if (t == null) {
                        continue; // cannot happen: event_time >= ? excludes NULL
                    }
                    int person;
                    if (id == null || dir == null) {
                        person = INCOMPLETE;
                    } else {
                        Integer i = index.get(id);
                        if (i == null) {
                            i = ids.size();
                            index.put(id, i);
                            ids.add(id);
                        }
                        person = i;
                    }
                    if (size == packed.length) {
                        packed = Arrays.copyOf(packed, Math.max(1 << 16, size * 2));
                    }
                    packed[size++] = ((long) person << 39) | (t.toEpochSecond(ZoneOffset.UTC) << 1)
                            | ("OUT".equals(dir) ? 1 : 0);
                }
            }
        }
        return rows;
    }

    /** Drops the crossings before {@code from} and renumbers the persons still held. */
    private void evictBefore(LocalDateTime from) {
        long fromSecond = from.toEpochSecond(ZoneOffset.UTC);
        int[] renumber = new int[ids.size()];
        Arrays.fill(renumber, -1);
        List<String> kept = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < size; i++) {
            long v = packed[i];
            if (((v >>> 1) & SECONDS_MASK) < fromSecond) {
                continue;
            }
            int person = (int) (v >>> 39);
            if (person != INCOMPLETE) {
                if (renumber[person] < 0) {
                    renumber[person] = kept.size();
                    kept.add(ids.get(person));
                }
                v = ((long) renumber[person] << 39) | (v & ((1L << 39) - 1));
            }
            packed[n++] = v;
        }
        size = n;
        ids.clear();
        ids.addAll(kept);
        index.clear();
        for (int i = 0; i < kept.size(); i++) {
            index.put(kept.get(i), i);
        }
    }

    /** Data period → ids of its SUCCEEDED ingest runs (the runs whose rows are visible). */
    static TreeMap<String, List<Long>> visibleRuns(Connection c) throws SQLException {
        TreeMap<String, List<Long>> out = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data_period, id FROM ingest_run WHERE status = 'SUCCEEDED' "
                     + "ORDER BY data_period, id")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    private static Map<String, List<Long>> upTo(TreeMap<String, List<Long>> runs, Period p) {
        return runs.headMap(p.toString(), true);
    }
}
