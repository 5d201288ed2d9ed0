package org.olive.pipeline.faults;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MISSING_CROSSING (an OUT dropped): detected when the presence reconstruction imputed an OUT crossing for the person
 * (table presence_imputation, when this database has it). Without that table there is no evidence: "not yet matched".
 */
final class MissingCrossingMatcher implements FaultMatcher {

    @Override
    public String type() {
        return "MISSING_CROSSING";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) throws SQLException {
        if (!e.hasTable("presence_imputation")) {
            return new Outcome(List.of(), List.of(), faults, "not yet matched: no presence_imputation table in this "
                    + "database (missing crossings are not recorded where they are imputed)");
        }
        Set<Long> imputedOut = new HashSet<>();
        e.query("SELECT DISTINCT person_key FROM presence_imputation WHERE UPPER(direction) = 'OUT'",
                rs -> imputedOut.add(rs.getLong(1)));
        List<String> ids = new ArrayList<>();
        for (TruthFault f : faults) {
            ids.add(id(f));
        }
        Map<String, Object[]> persons = e.persons(ids);
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            Object[] p = persons.get(id(f));
            if (p != null && imputedOut.contains((Long) p[0])) {
                detected.add(new Detected(f, "an OUT crossing imputed for the person"));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "an OUT imputed for the person (presence_imputation)");
    }

    /** The ID number of the dropped row (the first field of the crossing as written). */
    private static String id(TruthFault f) {
        String o = f.original() == null ? "" : f.original();
        int comma = o.indexOf(',');
        return (comma < 0 ? o : o.substring(0, comma)).strip();
    }
}
