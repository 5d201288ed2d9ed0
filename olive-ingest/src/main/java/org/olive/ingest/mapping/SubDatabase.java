package org.olive.ingest.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three sub-databases of the master database (mission M1) that a dataset feeds. Every mapping names one with its
 * top-level {@code sub_database:} key.
 */
public enum SubDatabase {
    /** 基础信息库: who people are, where they are registered and live, family events (hukou, crossings, vital …). */
    BASIC("基础信息库"),
    /** 工作信息库: employment, businesses and livelihoods (social insurance, market entities, fishery, B&Bs …). */
    WORK("工作信息库"),
    /** 收支信息库: income and expenditure (tax, benefits, assistance, rents, medical costs, dividends, survey …). */
    INCOME("收支信息库");

    private final String chineseName;

    SubDatabase(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name, e.g. 基础信息库. */
    public String chineseName() {
        return chineseName;
    }

    /** The YAML name: lower case ({@code basic}, {@code work}, {@code income}). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sub-database of a YAML name (case-insensitive) or of its Chinese name. */
    public static Optional<SubDatabase> fromYaml(String name) {
        String n = name.strip();
        return Arrays.stream(values()).filter(s -> s.yamlName().equalsIgnoreCase(n) || s.chineseName.equals(n)).findFirst();
    }
}
