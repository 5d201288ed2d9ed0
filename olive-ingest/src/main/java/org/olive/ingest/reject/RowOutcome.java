package org.olive.ingest.reject;

import java.util.List;

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

    /** A row with at least one refused value, or a duplicate key; nothing of it is loaded. */
    record Rejected(Row row, List<Reject> rejects) implements RowOutcome {
        public Rejected {
            rejects = List.copyOf(rejects);
            if (rejects.isEmpty()) {
                throw new IllegalArgumentException("a rejected row needs at least one reason");
            }
        }
    }
}
