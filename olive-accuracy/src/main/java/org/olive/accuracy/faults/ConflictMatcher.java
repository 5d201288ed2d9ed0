package org.olive.accuracy.faults;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fault flagged when the family step raised a conflict of a kind for the row's person by the fault's period. */
abstract class ConflictMatcher extends PersonRowMatcher {

    /** person_key → first period of a conflict of the kind. */
    private final Map<Long, String> first = new HashMap<>();

    abstract String kind();

    @Override
    void prepare(Evidence e, List<Subject> subjects) throws SQLException {
        e.query("SELECT p.person_key, MIN(c.first_period) FROM family_conflict c JOIN family_conflict_person p "
                + "ON p.conflict_id = c.id WHERE c.kind = '" + kind() + "' GROUP BY p.person_key",
                rs -> first.put(rs.getLong(1), rs.getString(2)));
    }

    @Override
    String judge(Evidence e, Subject s) {
        String f = s.personKey() == null ? null : first.get(s.personKey());
        return f != null && f.compareTo(s.fault().period()) <= 0 ? "flagged: " + kind() + " case since " + f : null;
    }

    @Override
    String note() {
        return "a " + kind() + " conflict case for the person raised by the fault's period (ledgers must have run)";
    }
}
