package org.olive.accuracy.faults;

import org.olive.ingest.mapping.DatasetMapping;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ABSURD_AMOUNT (×100 or negative amounts): detected when the ingest rejected the cell (range check) or the row, or
 * the editing step corrected or excluded it (amount_edit; only deliveries of periods whose ledger ran are edited).
 */
final class AbsurdAmountMatcher implements FaultMatcher {

    @Override
    public String type() {
        return "ABSURD_AMOUNT";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) throws SQLException {
        Map<String, String> edits = new HashMap<>();
        e.query("SELECT data_period, source_file, source_row, field, action, rule_id, rule_version, edited_value "
                + "FROM amount_edit WHERE data_period BETWEEN ? AND ?", rs -> edits.put(rs.getString(1) + "|"
                + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4), rs.getString(5).toLowerCase()
                + " by " + rs.getString(6) + " v" + rs.getInt(7) + (rs.getBigDecimal(8) == null ? ""
                : " to " + rs.getBigDecimal(8).toPlainString())));
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            String row = Evidence.key(f);
            Optional<String> rejected = e.rejection(f);
            if (rejected.isPresent()) {
                detected.add(new Detected(f, rejected.get()));
                continue;
            }
            Optional<DatasetMapping> m = e.mapping(f);
            Optional<String> field = m.flatMap(x -> Evidence.canonical(x, f.field()));
            String edit = field.map(x -> edits.get(row + "|" + x)).orElse(null);
            if (edit != null) {
                detected.add(new Detected(f, "edited: " + edit));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "rejected at ingest, or corrected/excluded by the editing "
                + "step (amount_edit) of the ledger runs whose income window holds the delivery");
    }
}
