package org.olive.ingest.field;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A national code table (code → name), loaded from a UTF-8 CSV with {@code code} and {@code name} columns: the
 * GB/T 4761 family-relation codes, the GB/T 6565 occupations and the GB/T 4754 industries.
 */
public final class CodeTable {

    private final String title;
    private final Map<String, String> names;
    private final Map<String, String> codesByName;

    private CodeTable(String title, Map<String, String> names) {
        this.title = title;
        this.names = Collections.unmodifiableMap(names);
        Map<String, String> byName = new LinkedHashMap<>();
        names.forEach((code, name) -> byName.putIfAbsent(name, code));
        this.codesByName = Collections.unmodifiableMap(byName);
    }

    /** GB/T 4761-2008 family-relation codes (家庭关系代码), two-digit. */
    public static CodeTable familyRelations() {
        return Holder.RELATIONS;
    }

    /** GB/T 6565 occupation codes at every level (e.g. {@code 4}, {@code 4-03}, {@code 4-03-02}, {@code 4-03-02-01}). */
    public static CodeTable occupations() {
        return Holder.OCCUPATIONS;
    }

    /** GB/T 4754 industry codes at every level (section letter, 2-, 3- and 4-digit codes). */
    public static CodeTable industries() {
        return Holder.INDUSTRIES;
    }

    /** Loads a table from a classpath resource. */
    public static CodeTable fromResource(String title, String resource) {
        InputStream in = Objects.requireNonNull(CodeTable.class.getResourceAsStream(resource), "missing resource " + resource);
        return load(title, in);
    }

    /** Loads a table from a CSV stream with a header naming {@code code} and {@code name} columns. */
    public static CodeTable load(String title, InputStream in) {
        Map<String, String> names = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : p) {
                names.put(r.get("code").strip(), r.get("name").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeTable(title, names);
    }

    public String title() {
        return title;
    }

    public boolean contains(String code) {
        return names.containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /** The code whose name is exactly this one (the first, if several share it). */
    public Optional<String> codeOfName(String name) {
        return Optional.ofNullable(codesByName.get(name));
    }

    public int size() {
        return names.size();
    }

    private static final class Holder {
        static final CodeTable RELATIONS = fromResource("GB/T 4761-2008 family relation", "/org/olive/ingest/field/family_relation_codes.csv");
        static final CodeTable OCCUPATIONS = fromResource("GB/T 6565 occupation", "/org/olive/reference/occupation_classification.csv");
        static final CodeTable INDUSTRIES = fromResource("GB/T 4754 industry", "/org/olive/reference/industry_classification.csv");
    }
}
