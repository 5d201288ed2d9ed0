package org.olive.pipeline.ledger;

import org.olive.family.HukouMember;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ledger.CrossingWindow.Crossings;
import org.olive.pipeline.ledger.LedgerWork.FloatingRow;
import org.olive.population.Crossing;
import org.olive.population.Presence;
import org.olive.population.PresenceReconstruction;
import org.olive.population.ResidenceRules;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.olive.pipeline.ledger.LedgerWork.clip;
import static org.olive.pipeline.ledger.LedgerWork.date;
import static org.olive.pipeline.ledger.LedgerWork.delete;
import static org.olive.pipeline.ledger.LedgerWork.validId;

/**
 * Step "presence": who is registered (户籍: NORMAL in the hukou, no registered death), and presence and residence of
 * everyone seen and every crossing person over the trailing window (core {@link PresenceReconstruction}). Crossing
 * persons who turn out resident enter the registry.
 */
final class PresenceStep extends PopulationStep {

    private final ResidenceRules rules;
    private final CrossingWindow crossings;
    private final PersonRegistry registry;
    private final List<Integer> noCrossingsAwayAges;

    PresenceStep(ResidenceRules rules, CrossingWindow crossings, PersonRegistry registry, List<Integer> noCrossingsAwayAges) {
        super("presence", List.of("registry", "matching", "checks"));
        this.rules = rules;
        this.crossings = crossings;
        this.registry = registry;
        this.noCrossingsAwayAges = noCrossingsAwayAges;
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        LocalDate end = w.period.lastDay();
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
            if (f.activeOn(end) && !w.deaths.containsKey(f.personId())) {
                presumedHere.add(f.personId());
            }
        }
        long readStart = System.nanoTime();
        Crossings window = crossings.prepare(c, w.period);
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;

        PresenceReconstruction reconstruction = new PresenceReconstruction(rules);
        long[] packed = window.packed();
        int n = window.size();
        List<Crossing> seq = new ArrayList<>();
        Corrections corrections = new Corrections();
        long incomplete = 0;
        long persons = 0;
        int current = -1;
        for (int k = 0; k <= n; k++) {
            int person = k < n ? Crossings.person(packed[k]) : -2;
            if (person == CrossingWindow.INCOMPLETE) {
                incomplete++;
                continue;
            }
            if (person != current) {
                if (current >= 0) {
                    persons++;
                    String id = window.ids().get(current);
                    Presence pr = reconstruction.reconstruct(seq, end, presumedHere.contains(id), presumedFrom(w, id, end));
                    corrections.collect(id, pr);
                    // visitors who are not resident and not in the registry are not kept (most crossing persons)
                    if (pr.resident() || w.seen.containsKey(id)) {
                        w.presence.put(id, pr);
                    }
                }
                seq.clear();
                current = person;
            }
            if (k < n) {
                seq.add(new Crossing(Crossings.time(packed[k]), Crossings.out(packed[k]) ? Crossing.Direction.OUT
                        : Crossing.Direction.IN, ""));
            }
        }
        // persons of the registry with no crossings. A registered person of working age with no crossing at all while
        // the crossings read cover the whole window is presumed living away: islanders of that age cross often.
        LocalDate windowStart = end.minusDays(rules.windowDays() - 1L);
        LocalDateTime earliest = null;
        for (int k = 0; k < n; k++) {
            if (Crossings.person(packed[k]) != CrossingWindow.INCOMPLETE) {
                LocalDateTime t = Crossings.time(packed[k]);
                earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            }
        }
        boolean covered = earliest != null && !earliest.toLocalDate().isAfter(windowStart);
        long presumedAway = 0;
        for (String id : w.seen.keySet()) {
            if (!w.presence.containsKey(id) && covered && noCrossingsAwayAges.size() == 2 && w.registered.contains(id)) {
                LedgerWork.Seen s = w.seen.get(id);
                LocalDate birth = s != null && s.birth != null ? s.birth : birthOfId(id);
                int age = birth == null ? -1 : java.time.Period.between(birth, end).getYears();
                if (age >= noCrossingsAwayAges.get(0) && age <= noCrossingsAwayAges.get(1)) {
                    w.presence.put(id, new Presence(end, 0, false, Presence.Basis.NO_CROSSINGS_ASSUMED_ABSENT, 0, List.of(),
                            List.of(), List.of("registered, aged " + age + ", and no crossing at all since " + earliest.toLocalDate()
                            + ": presumed living away (residence.no_crossings_away_ages " + noCrossingsAwayAges + ")")));
                    presumedAway++;
                    continue;
                }
            }
            if (!w.presence.containsKey(id)) {
                w.presence.put(id, reconstruction.reconstruct(List.of(), end, presumedHere.contains(id), presumedFrom(w, id, end)));
            }
        }
        for (Map.Entry<String, Presence> e : w.presence.entrySet()) {
            LocalDate died = w.deaths.get(e.getKey());
            if (e.getValue().resident() && w.deaths.containsKey(e.getKey())) {
                // the dead are in no list of the period, whatever their days before
                e.setValue(e.getValue().notResident("death registered" + (died == null ? "" : " on " + died)
                        + ": not resident"));
            }
            if (e.getValue().resident()) {
                w.resident.add(e.getKey());
            }
        }
        // crossing persons enter the registry only if resident
        Set<String> residentCrossers = new TreeSet<>();
        for (String id : w.resident) {
            if (!w.seen.containsKey(id) && validId(id) != null) {
                residentCrossers.add(id);
            }
        }
        registry.addFromIds(c, w, residentCrossers, true);
        long writeStart = System.nanoTime();
        corrections.write(c, w, end.minusDays(rules.windowDays() - 1L).atStartOfDay());
        w.millis.put("presence_write_imputations", (System.nanoTime() - writeStart) / 1_000_000);
        w.millis.put("presence_read_crossings", readMillis);
        w.counts.put("crossings_read", (long) n);
        w.counts.put("crossings_incomplete", incomplete);
        w.counts.put("crossing_persons", persons);
        w.counts.put("crossings_from_database", window.rowsFromDatabase());
        w.counts.put("crossings_window_cached", window.fromCache() ? 1L : 0L);
        w.counts.put("registry_from_crossings", (long) residentCrossers.size());
        w.counts.put("no_crossings_presumed_away", presumedAway);
    }

    /**
     * The crossings the reconstruction inferred and the duplicate checks it ignored, over everything read (the window
     * and the lookback before it), written to presence_imputation once each: by the first period whose run finds them.
     * An inferred crossing is identified by the person, its direction and the recorded crossing it pairs with (so an
     * open stay that a later IN closes is the same missing OUT); a duplicate by the person, direction and its time.
     */
    static final class Corrections {
        private final List<String> ids = new ArrayList<>();
        private final List<Presence.Imputed> imputed = new ArrayList<>();
        private final List<String> dupIds = new ArrayList<>();
        private final List<Presence.Duplicate> duplicates = new ArrayList<>();

        void collect(String id, Presence pr) {
            for (Presence.Imputed i : pr.imputed()) {
                ids.add(id);
                imputed.add(i);
            }
            for (Presence.Duplicate d : pr.duplicates()) {
                dupIds.add(id);
                duplicates.add(d);
            }
        }

        private static String key(String id, String direction, LocalDateTime anchor, LocalDateTime at, boolean duplicate) {
            return id + '|' + direction + '|' + anchor + (duplicate ? "|" + at : "");
        }

        void write(Connection c, LedgerWork w, LocalDateTime windowStart) throws SQLException {
            String p = w.period.toString();
            delete(c, "presence_imputation", p);
            LocalDateTime from = null;
            for (Presence.Imputed i : imputed) {
                from = from == null || i.anchor().isBefore(from) ? i.anchor() : from;
            }
            for (Presence.Duplicate d : duplicates) {
                from = from == null || d.keptAt().isBefore(from) ? d.keptAt() : from;
            }
            Set<String> known = new HashSet<>();
            if (from != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT person_id, direction, anchor_at, crossing_at, pattern "
                        + "FROM presence_imputation WHERE anchor_at >= ? AND data_period <> ?")) {
                    ps.setTimestamp(1, Timestamp.valueOf(from));
                    ps.setString(2, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            known.add(key(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                                    rs.getTimestamp(4).toLocalDateTime(), "DUPLICATE".equals(rs.getString(5))));
                        }
                    }
                }
            }
            Map<String, Long> byPattern = new TreeMap<>();
            for (Presence.Pattern pt : Presence.Pattern.values()) {
                byPattern.put(pt.name(), 0L);
            }
            byPattern.put("DUPLICATE", 0L);
            long inWindow = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO presence_imputation (data_period, person_id, "
                    + "pattern, direction, anchor_at, crossing_at, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int batch = 0;
                for (int k = 0; k < imputed.size() + duplicates.size(); k++) {
                    boolean dup = k >= imputed.size();
                    String id;
                    String pattern;
                    String direction;
                    LocalDateTime anchor;
                    LocalDateTime at;
                    String why;
                    if (dup) {
                        Presence.Duplicate d = duplicates.get(k - imputed.size());
                        id = dupIds.get(k - imputed.size());
                        pattern = "DUPLICATE";
                        direction = d.direction().name();
                        anchor = d.keptAt();
                        at = d.time();
                        why = direction + " at " + at + " repeats the " + direction + " at " + anchor
                                + " (a duplicate check of the same crossing): ignored";
                    } else {
                        Presence.Imputed i = imputed.get(k);
                        id = ids.get(k);
                        pattern = i.pattern().name();
                        direction = i.direction().name();
                        anchor = i.anchor();
                        at = i.time();
                        why = i.reason();
                        if (!at.isBefore(windowStart)) {
                            inWindow++;
                        }
                    }
                    if (!known.add(key(id, direction, anchor, at, dup))) {
                        continue;
                    }
                    byPattern.merge(pattern, 1L, Long::sum);
                    ps.setString(1, p);
                    ps.setString(2, id);
                    ps.setString(3, pattern);
                    ps.setString(4, direction);
                    ps.setTimestamp(5, Timestamp.valueOf(anchor));
                    ps.setTimestamp(6, Timestamp.valueOf(at));
                    ps.setString(7, clip(why, 500));
                    ps.addBatch();
                    if (++batch % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            long total = 0;
            for (Map.Entry<String, Long> e : byPattern.entrySet()) {
                w.counts.put("crossings_" + (e.getKey().equals("DUPLICATE") ? "duplicates_dropped"
                        : "imputed_" + e.getKey().toLowerCase(java.util.Locale.ROOT)), e.getValue());
                if (!e.getKey().equals("DUPLICATE")) {
                    total += e.getValue();
                }
            }
            w.counts.put("crossings_imputed", total);
            w.counts.put("crossings_imputed_in_window", inWindow);
        }
    }

    /**
     * The first day the person can be presumed present without a crossing to show it: their birth (from the registry,
     * else the ID number), and for a migrant presumed present only through their floating registration (no NORMAL
     * hukou here) the start of that registration. Null when neither is known.
     */
    private static LocalDate presumedFrom(LedgerWork w, String id, LocalDate end) {
        LocalDate from = null;
        LedgerWork.Seen s = w.seen.get(id);
        if (s != null && s.birth != null) {
            from = s.birth;
        } else {
            from = birthOfId(id);
        }
        if (!w.registered.contains(id)) {
            FloatingRow f = w.floatingOf.get(id);
            if (f != null && f.activeOn(end) && f.registered() != null && (from == null || f.registered().isAfter(from))) {
                from = f.registered();
            }
        }
        return from;
    }

    /** The birth date encoded in an 18-character ID number (characters 7–14), or null. */
    static LocalDate birthOfId(String id) {
        if (id == null || id.length() != 18) {
            return null;
        }
        int y = digits(id, 6, 10);
        int m = digits(id, 10, 12);
        int d = digits(id, 12, 14);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d); // by hand: DateTimeFormatter parsing took a second a month over the crossings' IDs
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void loadDeaths(Connection c, LedgerWork w) throws SQLException {
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
}
