package org.olive.accuracy.faults;

import org.olive.ingest.mapping.DatasetMapping;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Base of the matchers that judge a fault through the person of its source row: finds each fault's row in the master
 * table, its ID number and the person of the registry, and asks {@link #judge} with them.
 */
abstract class PersonRowMatcher implements FaultMatcher {

    /** A fault with its row's ID number and registry person (null when not found). */
    record Subject(TruthFault fault, String idNumber, Long personKey, String registryName) {
    }

    /** Loads what {@link #judge} needs for all subjects at once (e.g. the conflicts). */
    void prepare(Evidence e, List<Subject> subjects) throws SQLException {
    }

    /** How the fault was detected or neutralised, or null when it was not. */
    abstract String judge(Evidence e, Subject s) throws SQLException;

    abstract String note();

    /** Kinds of the ledgers' row findings (ledger_row_flag) that flag this fault's row; none by default. */
    Set<String> flagKinds() {
        return Set.of();
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) throws SQLException {
        Map<DatasetMapping, List<TruthFault>> byMapping = new HashMap<>();
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            if (e.rejectedRows.containsKey(Evidence.key(f))) {
                detected.add(new Detected(f, "row rejected (" + e.rejectedRows.get(Evidence.key(f)) + ")"));
                continue;
            }
            Set<String> flags = e.rowFlags.getOrDefault(Evidence.key(f), Set.of());
            String flag = flagKinds().stream().filter(flags::contains).findFirst().orElse(null);
            if (flag != null) {
                detected.add(new Detected(f, "row flagged " + flag + " by the ledgers"));
                continue;
            }
            Optional<DatasetMapping> m = e.mapping(f);
            if (m.isEmpty() || Evidence.idColumn(m.get()).isEmpty()) {
                undetected.add(f);
            } else {
                byMapping.computeIfAbsent(m.get(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Subject> subjects = new ArrayList<>();
        for (Map.Entry<DatasetMapping, List<TruthFault>> g : byMapping.entrySet()) {
            String idCol = Evidence.idColumn(g.getKey()).orElseThrow();
            Map<String, String[]> rows = e.masterRows(g.getValue(), g.getKey(), List.of(idCol));
            List<String> ids = new ArrayList<>();
            rows.values().forEach(v -> ids.add(v[0]));
            Map<String, Object[]> persons = e.persons(ids);
            for (TruthFault f : g.getValue()) {
                String[] row = rows.get(Evidence.key(f));
                String id = row == null ? null : row[0];
                Object[] p = id == null ? null : persons.get(id);
                subjects.add(new Subject(f, id, p == null ? null : (Long) p[0], p == null ? null : (String) p[1]));
            }
        }
        prepare(e, subjects);
        for (Subject s : subjects) {
            String how = judge(e, s);
            if (how != null) {
                detected.add(new Detected(s.fault(), how));
            } else {
                undetected.add(s.fault());
            }
        }
        return new Outcome(detected, undetected, List.of(), note());
    }
}
