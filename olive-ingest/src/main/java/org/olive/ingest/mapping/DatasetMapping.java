package org.olive.ingest.mapping;

import java.util.List;
import java.util.Optional;

/**
 * How the files of one dataset (e.g. {@code hukou}) map onto its canonical schema: fields with their accepted header
 * names, types and code maps, and the primary key whose duplicates within a file are rejected.
 *
 * @param dataset    the dataset key of the data catalogue
 * @param title      a human title (e.g. 户籍人口 (公安))
 * @param subDatabase the sub-database of the master database that the dataset feeds
 * @param primaryKey the fields forming the key, empty when rows have no key (events)
 * @param fields     the fields in canonical order
 * @param reader     how the county's files are laid out where detection is not enough
 */
public record DatasetMapping(String dataset, String title, SubDatabase subDatabase, List<String> primaryKey, List<FieldSpec> fields,
                             ReaderHints reader) {

    public DatasetMapping {
        java.util.Objects.requireNonNull(subDatabase, "subDatabase");
        primaryKey = List.copyOf(primaryKey);
        fields = List.copyOf(fields);
        reader = reader == null ? ReaderHints.NONE : reader;
        for (String k : primaryKey) {
            if (fields.stream().noneMatch(f -> f.name().equals(k))) {
                throw new IllegalArgumentException("primary key field " + k + " is not a field of dataset " + dataset);
            }
        }
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<FieldSpec> requiredFields() {
        return fields.stream().filter(FieldSpec::required).toList();
    }
}
