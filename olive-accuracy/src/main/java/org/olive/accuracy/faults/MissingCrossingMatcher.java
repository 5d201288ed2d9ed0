package org.olive.accuracy.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MISSING_CROSSING (an OUT dropped, logged with the dropped row as its original value): detected when the presence
 * reconstruction inferred an OUT for the person after the IN that preceded the dropped crossing (table
 * presence_imputation: direction OUT, anchored on a recorded IN at or before the dropped time and at most
 * {@link #HORIZON} before it).
 */
final class MissingCrossingMatcher implements FaultMatcher {

    /** An imputation anchored more than this before the dropped crossing belongs to another trip. */
    static final Duration HORIZON = Duration.ofDays(400);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public String type() {
        return "MISSING_CROSSING";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (TruthFault f : faults) {
            ids.add(field(f, 0));
        }
        Map<String, List<LocalDateTime>> anchors = new HashMap<>();
        e.query("SELECT person_id, anchor_at FROM presence_imputation WHERE direction = 'OUT'", rs -> {
            String id = rs.getString(1);
            if (ids.contains(id)) {
                anchors.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getTimestamp(2).toLocalDateTime());
            }
        });
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            LocalDateTime dropped = time(f);
            LocalDateTime hit = null;  // the recorded IN the inferred OUT is anchored on
            for (LocalDateTime a : anchors.getOrDefault(field(f, 0), List.of())) {
                if (dropped != null && !a.isAfter(dropped) && Duration.between(a, dropped).compareTo(HORIZON) <= 0) {
                    hit = a;
                    break;
                }
            }
            if (hit != null) {
                detected.add(new Detected(f, "an OUT inferred after the preceding IN"));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "an OUT inferred after the IN that preceded the dropped "
                + "crossing (presence_imputation)");
    }

    /** Field i of the dropped row as written (ID number, name, direction, time, place). */
    private static String field(TruthFault f, int i) {
        String[] parts = (f.original() == null ? "" : f.original()).split(",", -1);
        return i < parts.length ? parts[i].strip() : "";
    }

    private static LocalDateTime time(TruthFault f) {
        try {
            return LocalDateTime.parse(field(f, 3), TIME);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }
}
