package org.olive.ingest.reject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated row in the dataset's canonical schema: canonical field name → typed value ({@code null} for an empty
 * optional value). Types by field type: String, Long, BigDecimal, LocalDate, LocalDateTime, Period, IdNumber,
 * CreditCode. Values are held in an array in field order; the field names and their index are shared by all records
 * of a file.
 */
public final class MappedRecord {

    private final long row;
    private final Schema schema;
    private final Object[] values;

    /** The field names of a dataset and their positions, shared by its records. */
    public static final class Schema {
        private final List<String> fields;
        private final Map<String, Integer> index;

        public Schema(List<String> fields) {
            this.fields = List.copyOf(fields);
            Map<String, Integer> m = new java.util.HashMap<>();
            for (int i = 0; i < this.fields.size(); i++) {
                m.put(this.fields.get(i), i);
            }
            this.index = Collections.unmodifiableMap(m);
        }

        public List<String> fields() {
            return fields;
        }

        int indexOf(String field) {
            Integer i = index.get(field);
            if (i == null) {
                throw new IllegalArgumentException("no field '" + field + "' in this record; fields: " + fields);
            }
            return i;
        }
    }

    /**
     * @param row    the 1-based source row number
     * @param schema the field names
     * @param values the typed values in field order (copied)
     */
    public MappedRecord(long row, Schema schema, Object[] values) {
        if (values.length != schema.fields.size()) {
            throw new IllegalArgumentException(values.length + " values for " + schema.fields.size() + " fields");
        }
        this.row = row;
        this.schema = schema;
        this.values = values.clone();
    }

    /** A record from a map of field → value, in the map's order. */
    public static MappedRecord of(long row, Map<String, Object> values) {
        return new MappedRecord(row, new Schema(List.copyOf(values.keySet())), values.values().toArray());
    }

    public long row() {
        return row;
    }

    public Object get(String field) {
        return values[schema.indexOf(field)];
    }

    /** The field's value, or null when the record has no such field. */
    public Object getOrNull(String field) {
        Integer i = schema.index.get(field);
        return i == null ? null : values[i];
    }

    public <T> T get(String field, Class<T> type) {
        return type.cast(get(field));
    }

    /** The values as an ordered map (a copy). */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(schema.fields.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "row " + row + " " + values();
    }
}
