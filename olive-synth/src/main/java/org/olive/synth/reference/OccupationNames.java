package org.olive.synth.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Names of the occupation (职业分类大典 2022) and industry (GB/T 4754-2017) codes, read from core's reference
 * tables, so that every code the generator writes is a real one.
 */
public final class OccupationNames {

    private static final Map<String, String> OCCUPATIONS = load("occupation_classification.csv");
    private static final Map<String, String> INDUSTRIES = load("industry_classification.csv");

    private OccupationNames() {
    }

    private static Map<String, String> load(String file) {
        Map<String, String> m = new HashMap<>();
        InputStream in = Objects.requireNonNull(OccupationNames.class.getResourceAsStream("/org/olive/reference/" + file),
                "missing reference file " + file);
        try (BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = br.readLine();
            while ((line = br.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length >= 2) {
                    m.put(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The occupation's name, or empty if the code is unknown. */
    public static String name(String occupationCode) {
        return OCCUPATIONS.getOrDefault(occupationCode, "");
    }

    public static boolean occupationExists(String code) {
        return OCCUPATIONS.containsKey(code);
    }

    public static boolean industryExists(String code) {
        return INDUSTRIES.containsKey(code);
    }

    public static String industryName(String code) {
        return INDUSTRIES.getOrDefault(code, "");
    }
}
