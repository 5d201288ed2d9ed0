package org.olive.geography;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The county a profile describes: its 6-digit code (the address code of its natives' ID numbers and of its credit
 * codes), its name, city and province (what its addresses begin with) and its division tree. Read from a county
 * profile's {@code county.yaml} and {@code divisions.csv} (docs/county-profile.md); the built-in profile is Shengsi.
 *
 * @param profile  the profile's name (e.g. shengsi)
 * @param code     the county's 6-digit code
 * @param name     the county's name (嵊泗县)
 * @param city     the prefecture-level city (舟山市), may be empty
 * @param province the province (浙江省)
 */
public record CountyArea(String profile, String code, String name, String city, String province, Divisions divisions) {

    public static final String COUNTY_FILE = "county.yaml";
    public static final String DIVISIONS_FILE = "divisions.csv";
    /** Optional: an older vintage of the codes carrying the urban-rural class that the current codes lack. */
    public static final String URBAN_RURAL_FILE = "divisions_urban_rural_2016.csv";

    public CountyArea {
        Objects.requireNonNull(divisions);
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("county code must be 6 digits, found " + code);
        }
        if (divisions.get(code + "000000") == null) {
            throw new IllegalArgumentException("the divisions have no county " + code + "000000");
        }
    }

    /** The built-in profile's county: Shengsi (330922), 2023 codes. */
    public static CountyArea shengsi() {
        try (InputStream in = Objects.requireNonNull(CountyArea.class.getResourceAsStream("shengsi-county.yaml"))) {
            return of(readYaml(in, "built-in county.yaml"), Divisions.shengsi(), "built-in county.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The county of a profile folder: county.yaml and divisions.csv (and, when present, the urban-rural vintage). */
    public static CountyArea load(Path dir) {
        Path yaml = dir.resolve(COUNTY_FILE);
        Path csv = dir.resolve(DIVISIONS_FILE);
        Path old = dir.resolve(URBAN_RURAL_FILE);
        try (InputStream y = Files.newInputStream(yaml); InputStream cur = Files.newInputStream(csv);
             InputStream ur = Files.isRegularFile(old) ? Files.newInputStream(old) : InputStream.nullInputStream()) {
            Divisions divisions;
            try {
                divisions = Divisions.load(cur, ur);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(DIVISIONS_FILE + ": " + e.getMessage(), e);
            }
            return of(readYaml(y, COUNTY_FILE), divisions, COUNTY_FILE);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(e.getFile() + ": missing (a county profile needs " + COUNTY_FILE + " and "
                    + DIVISIONS_FILE + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the county of " + dir, e);
        }
    }

    private static CountyArea of(Map<?, ?> m, Divisions divisions, String source) {
        String code = text(m, "code", source);
        try {
            return new CountyArea((m.get("profile") == null ? "" : String.valueOf(m.get("profile"))), code, text(m, "name", source),
                    m.get("city") == null ? "" : String.valueOf(m.get("city")), text(m, "province", source), divisions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": code: " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> m, String key, String source) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(source + ": " + key + ": missing");
        }
        return String.valueOf(v).strip();
    }

    private static Map<?, ?> readYaml(InputStream in, String source) {
        Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": not a YAML mapping");
        }
        return m;
    }

    /** What the county's addresses begin with: province, (city,) county. */
    public String addressPrefix() {
        return province + name;
    }
}
