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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.olive.pipeline.ledger.LedgerWork.date;
import static org.olive.pipeline.ledger.LedgerWork.validId;

/**
 * Step "presence": who is registered (户籍: NORMAL in the hukou, no registered death), and presence and residence of
 * everyone seen and every crossing person over the trailing window (core {@link PresenceReconstruction}). Crossing
 * persons who turn out resident enter the registry.
 */
final class PresenceStep {

    private final ResidenceRules rules;
    private final CrossingWindow crossings;
    private final PersonRegistry registry;

    PresenceStep(ResidenceRules rules, CrossingWindow crossings, PersonRegistry registry) {
        this.rules = rules;
        this.crossings = crossings;
        this.registry = registry;
    }

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
                seq.add(new Crossing(Crossings.time(packed[k]), Crossings.out(packed[k]) ? Crossing.Direction.OUT
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
        Set<String> residentCrossers = new TreeSet<>();
        for (String id : w.resident) {
            if (!w.seen.containsKey(id) && validId(id) != null) {
                residentCrossers.add(id);
            }
        }
        registry.addFromIds(c, w, residentCrossers, true);
        w.millis.put("presence_read_crossings", readMillis);
        w.counts.put("crossings_read", (long) n);
        w.counts.put("crossings_incomplete", incomplete);
        w.counts.put("crossing_persons", persons);
        w.counts.put("crossings_from_database", window.rowsFromDatabase());
        w.counts.put("crossings_window_cached", window.fromCache() ? 1L : 0L);
        w.counts.put("registry_from_crossings", (long) residentCrossers.size());
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
