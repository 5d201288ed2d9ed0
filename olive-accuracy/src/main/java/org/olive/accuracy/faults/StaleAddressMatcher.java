package org.olive.accuracy.faults;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * STALE_ADDRESS: neutralised when the population ledger of the period places the person in the true village (the
 * household's village overrides a member row's stale code, person_period.hukou_village).
 */
final class StaleAddressMatcher extends PersonRowMatcher {

    private final Map<String, String> village = new HashMap<>();

    @Override
    public String type() {
        return "STALE_ADDRESS";
    }

    @Override
    void prepare(Evidence e, List<Subject> subjects) throws SQLException {
        e.query("SELECT data_period, person_key, hukou_village FROM person_period WHERE data_period BETWEEN ? AND ? "
                + "AND registered = TRUE", rs -> village.put(rs.getString(1) + "|" + rs.getLong(2), rs.getString(3)));
    }

    @Override
    String judge(Evidence e, Subject s) {
        if (s.personKey() == null) {
            return null;
        }
        String v = village.get(s.fault().period() + "|" + s.personKey());
        return v != null && v.equals(s.fault().original()) ? "ledger places the person in " + v + " (household's village)"
                : null;
    }

    @Override
    String note() {
        return "person_period.hukou_village of the period is the true village";
    }

    @Override
    java.util.Set<String> flagKinds() {
        return java.util.Set.of("STALE_ADDRESS");
    }
}
