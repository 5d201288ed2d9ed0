package org.olive.pipeline.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Matches the source rows of a period that were rejected at ingestion only for their ID number (invalid or
 * missing) to persons of the registry, on name, sex, birth date and village, with an explainable score; writes the
 * outcome to person_match and gives back the rows it could attribute (MATCHED or CONFIRMED).
 */
public final class RecordMatching {

    /** A rejected row attributed to a person: its dataset, source, the person's ID number and its parsed values. */
    public record RecoveredRow(String dataset, String fileName, long sourceRow, String personId,
                               Map<String, String> values) {
    }

    /** The rows attributed in a period, and counts per status. */
    public record Result(List<RecoveredRow> recovered, Map<String, Integer> countsByStatus) {
    }

    public Result match(Connection connection, String period) throws SQLException {
        throw new UnsupportedOperationException("not built yet");
    }
}
