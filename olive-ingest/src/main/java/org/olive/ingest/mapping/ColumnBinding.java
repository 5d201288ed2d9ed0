package org.olive.ingest.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.olive.ingest.field.TextNormalizer;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.SourceDescription;

/**
 * A mapping bound to the header of one file: for each field, the column that holds it (or none for an absent
 * optional field), plus the columns no field uses. Header names are compared after full-width normalisation, so
 * {@code 出生日期（公历）} matches {@code 出生日期(公历)}.
 *
 * @param mapping   the dataset mapping
 * @param columns   field name → 0-based column index, -1 when absent
 * @param headers   field name → the header name found in the file ({@code null} when absent)
 * @param unused    header names of columns that no field reads (reported, not loaded)
 */
public record ColumnBinding(DatasetMapping mapping, Map<String, Integer> columns, Map<String, String> headers, List<String> unused) {

    public ColumnBinding {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        unused = List.copyOf(unused);
    }

    /**
     * Binds a mapping to a header.
     *
     * @throws IngestException {@link IngestError.Kind#UNKNOWN_COLUMNS} naming the missing required columns, their
     *                         accepted names and the headers found; {@link IngestError.Kind#BAD_HEADER} when a column
     *                         the mapping needs appears twice
     */
    public static ColumnBinding bind(DatasetMapping mapping, Header header, SourceDescription source) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.computeIfAbsent(TextNormalizer.normalize(header.names().get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[header.size()];
        for (FieldSpec f : mapping.fields()) {
            int col = -1;
            for (String alias : f.headers()) {
                List<Integer> at = positions.get(TextNormalizer.normalize(alias));
                if (at == null) {
                    continue;
                }
                if (at.size() > 1) {
                    throw new IngestException(new IngestError(source.file(), 1, IngestError.Kind.BAD_HEADER,
                            "column '" + header.names().get(at.get(0)) + "' (field " + f.name() + ") appears " + at.size()
                                    + " times, in columns " + at.stream().map(i -> i + 1).toList() + "; keep one"));
                }
                col = at.get(0);
                break;
            }
            columns.put(f.name(), col);
            found.put(f.name(), col >= 0 ? header.names().get(col) : null);
            if (col >= 0) {
                used[col] = true;
            } else if (f.required()) {
                missing.add(f.name() + " (one of " + String.join(", ", f.headers()) + ")");
            }
        }
        if (!missing.isEmpty()) {
            boolean none = columns.values().stream().allMatch(c -> c < 0);
            String reason = (none ? "the columns match no field of dataset " + mapping.dataset() + "; " : "")
                    + "missing required column" + (missing.size() > 1 ? "s " : " ") + String.join("; ", missing)
                    + ". Headers found: " + header
                    + (source.encoding() != null ? ". The file was read as " + source.encoding() + " (" + source.encodingReason()
                    + "); if the headers above look garbled, the encoding is wrong" : "")
                    + ". A county whose columns are named differently can add the names to its mapping file.";
            throw new IngestException(new IngestError(source.file(), 1, IngestError.Kind.UNKNOWN_COLUMNS, reason));
        }
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used[i] && !header.names().get(i).isEmpty()) {
                unused.add(header.names().get(i));
            }
        }
        return new ColumnBinding(mapping, columns, found, unused);
    }
}
