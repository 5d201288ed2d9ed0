package org.olive.ingest.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The value types a mapping file can give a field, by their YAML names ({@code id_number}, {@code amount} …). */
public enum FieldType {
    /** Free text, stripped. */
    TEXT,
    /** A whole number in a plausible range. */
    INTEGER,
    /** A decimal quantity (area, kWh) in a plausible range. */
    DECIMAL,
    /** Money in yuan, 2 decimals, currency signs and 万 accepted. */
    AMOUNT,
    /** A calendar date, not in the future. */
    DATE,
    /** A date with a time of day, not in the future. */
    DATETIME,
    /** A month YYYY-MM, not in the future. */
    MONTH,
    /** A GB 11643 resident ID number; 15-digit ones are upgraded. */
    ID_NUMBER,
    /** A GB 32100 unified social credit code. */
    CREDIT_CODE,
    /** A GB/T 4761 family-relation code (or its name). */
    RELATION,
    /** A village or township code of the county. */
    DIVISION,
    /** A GB/T 6565 occupation code at any level. */
    OCCUPATION,
    /** A GB/T 4754 industry code at any level. */
    INDUSTRY,
    /** A value that must be one of the field's {@code values} map, converted to the canonical value. */
    CODE;

    /** The YAML name: lower case. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
