package org.olive.ingest.reject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.olive.ingest.table.Row;

/**
 * What became of one data row: loaded (possibly with repairs) or rejected (with one reject per refused value).
 * Every row read ends as exactly one outcome.
 */
public sealed interface RowOutcome {

    /** The source row. */
    Row row();

    /** A row whose every value was accepted; {@link #repaired()} when some needed a repair. */
    record Loaded(Row row, MappedRecord record, List<Repair> repairs) implements RowOutcome {
        public Loaded {
            repairs = List.copyOf(repairs);
        }

        public boolean repaired() {
            return !repairs.isEmpty();
        }
    }

    /**
     * A row with at least one refused value, or a duplicate key; nothing of it is loaded into the master tables.
     *
     * @param parsed the values of the row that did parse, canonical field → typed value in field order (empty
     *               optional values and refused values are absent; empty when the row could not be split into
     *               fields). Kept so that a row refused only for its ID number can still be matched to a person.
     */
    record Rejected(Row row, List<Reject> rejects, Map<String, Object> parsed) implements RowOutcome {
        public Rejected {
            rejects = List.copyOf(rejects);
            if (rejects.isEmpty()) {
                throw new IllegalArgumentException("a rejected row needs at least one reason");
            }
            parsed = parsed == null || parsed.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parsed));
        }

        /** A rejected row with no parsed values kept. */
        public Rejected(Row row, List<Reject> rejects) {
            this(row, rejects, Map.of());
        }
    }
}
