package org.olive.ingest.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.olive.identity.IdNumber;
import org.olive.ingest.field.FieldParser;
import org.olive.ingest.field.ParseResult;
import org.olive.ingest.field.TextNormalizer;
import org.olive.ingest.mapping.ColumnBinding;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.ParserFactory;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.MappedRecord;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.Repair;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.Row;

/**
 * Turns each row of one file into exactly one {@link RowOutcome}: checks the number of values against the header,
 * parses every mapped field (collecting every refused value, not just the first), and rejects a row whose primary
 * key was already seen in the file, naming the key and the row that had it first. A rejected row keeps the values
 * that did parse ({@link RowOutcome.Rejected#parsed()}), so that a row refused only for its ID number can still be
 * matched to a person.
 *
 * <p>Duplicate detection keeps one entry per distinct key of the file in memory. A dataset without a primary key
 * (events such as crossings) is checked for exact duplicate rows instead, all parsed values equal, by a 64-bit
 * fingerprint per row ({@link RowFingerprints}): the second and later copies are rejected as duplicates, naming the
 * row that had the values first.
 */
public final class RowValidator {

    private final String file;
    private final ColumnBinding binding;
    private final int headerWidth;
    private final List<FieldSpec> fields;
    private final List<FieldParser<Object>> parsers;
    private final int[] columns;
    private final Map<String, Long> firstRowOfKey = new HashMap<>();
    private final MappedRecord.Schema schema;
    private final int[] keyIndexes;
    private final RowFingerprints wholeRows;

    public RowValidator(String file, ColumnBinding binding, int headerWidth, ValidationContext ctx) {
        this.file = file;
        this.binding = binding;
        this.headerWidth = headerWidth;
        this.fields = binding.mapping().fields();
        this.parsers = fields.stream().map(f -> ParserFactory.parser(binding.mapping().dataset(), f, ctx)).toList();
        this.columns = fields.stream().mapToInt(f -> binding.columns().get(f.name())).toArray();
        this.schema = new MappedRecord.Schema(fields.stream().map(FieldSpec::name).toList());
        List<String> names = schema.fields();
        this.keyIndexes = binding.mapping().primaryKey().stream().mapToInt(names::indexOf).toArray();
        this.wholeRows = keyIndexes.length == 0 ? new RowFingerprints() : null;
    }

    public RowOutcome validate(Row row) {
        if (row.isMalformed()) {
            return new RowOutcome.Rejected(row, List.of(new Reject(file, row.number(), Reject.WHOLE_ROW, row.raw(),
                    row.malformed(), row.raw())));
        }
        if (row.width() != headerWidth && !onlyBlankBeyondHeader(row)) {
            String raw = row.raw();
            String reason = row.width() > headerWidth
                    ? "the row has " + row.width() + " values but the header has " + headerWidth
                    + " columns (a delimiter inside an unquoted value?)"
                    : "the row has " + row.width() + " values but the header has " + headerWidth
                    + " columns (a line break inside an unquoted value?)";
            return new RowOutcome.Rejected(row, List.of(new Reject(file, row.number(), Reject.WHOLE_ROW, raw, reason, raw)));
        }
        Object[] values = new Object[fields.size()];
        List<Reject> rejects = null;
        List<Repair> repairs = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            String header = binding.headers().get(f.name());
            String value = columns[i] < 0 ? "" : row.get(columns[i]);
            if (TextNormalizer.isBlank(value)) {
                if (f.required()) {
                    rejects = add(rejects, new Reject(file, row.number(), header, value, "required value is empty", row.raw()));
                }
                continue;
            }
            ParseResult<Object> r = parsers.get(i).parse(value);
            if (!r.ok()) {
                rejects = add(rejects, new Reject(file, row.number(), header, value, r.error(), row.raw()));
                continue;
            }
            values[i] = r.value();
            for (String note : r.repairs()) {
                repairs = add(repairs, new Repair(row.number(), header, value, note));
            }
        }
        if (rejects != null) {
            return new RowOutcome.Rejected(row, rejects, parsed(values));
        }
        List<String> keyFields = binding.mapping().primaryKey();
        if (keyIndexes.length > 0) {
            String key = key(keyFields, values);
            Long first = firstRowOfKey.putIfAbsent(key, row.number());
            if (first != null) {
                String where = keyFields.size() == 1 ? binding.headers().get(keyFields.get(0)) : Reject.WHOLE_ROW;
                return new RowOutcome.Rejected(row, List.of(new Reject(file, row.number(), where, key,
                        "duplicate key " + key + " (first seen at row " + first + ")", row.raw())), parsed(values));
            }
        }
        if (wholeRows != null) {
            long first = wholeRows.putIfAbsent(values, row.number());
            if (first >= 0) {
                return new RowOutcome.Rejected(row, List.of(new Reject(file, row.number(), Reject.WHOLE_ROW, row.raw(),
                        "duplicate row: the same values as row " + first, row.raw())), parsed(values));
            }
        }
        return new RowOutcome.Loaded(row, new MappedRecord(row.number(), schema, values), repairs == null ? List.of() : repairs);
    }

    /** The values that parsed, canonical field → value in field order (nulls left out). */
    private Map<String, Object> parsed(Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put(fields.get(i).name(), values[i]);
            }
        }
        return m;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>(2) : list;
        l.add(item);
        return l;
    }

    private boolean onlyBlankBeyondHeader(Row row) {
        if (row.width() < headerWidth) {
            return false;
        }
        for (int i = headerWidth; i < row.width(); i++) {
            if (!row.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String key(List<String> keyFields, Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            String k = keyFields.get(i);
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            Object v = values[keyIndexes[i]];
            sb.append(k).append('=').append(v instanceof IdNumber id ? id.value() : v == null ? "" : v.toString());
        }
        return sb.toString();
    }
}
