package org.olive.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The division tree of a county, loaded from the NBS statistical codes shipped as reference data.
 *
 * <p>The 2023 codes carry no urban-rural class. Olive takes the 2016 class of the village with the same
 * name in the same township where there is one; otherwise a name ending in 社区 or 居委会 is urban and one
 * ending in 村 or 村委会 is rural. {@link Division#urbanRuralBasis()} records which rule decided.
 */
public final class Divisions {

    private static final String REF = "/org/olive/reference/";

    private final Map<String, Division> byCode;

    private Divisions(Map<String, Division> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** Shengsi county (330922), 2023 codes, from the bundled reference data. */
    public static Divisions shengsi() {
        return load(resource("shengsi_divisions.csv"), resource("shengsi_divisions_2016_urban_rural.csv"));
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(Divisions.class.getResourceAsStream(REF + name), "missing reference file " + name);
    }

    /** Loads current codes, taking urban-rural classes from an older vintage by township and name. */
    public static Divisions load(InputStream current, InputStream withUrbanRural) {
        List<String[]> rows = readCsv(current);
        Map<String, String> oldClass = new HashMap<>();
        for (String[] r : readCsv(withUrbanRural)) {
            if ("village".equals(r[2]) && r.length > 4 && !r[4].isBlank()) {
                oldClass.put(r[3] + "|" + r[1], r[4]);
            }
        }
        Map<String, Division> map = new LinkedHashMap<>();
        int line = 1;
        for (String[] r : rows) {
            line++;
            if (r.length < 4) {
                throw new IllegalArgumentException("line " + line + ": " + r.length + " columns, expected code,name,level,"
                        + "parent_code[,urban_rural_code]");
            }
            if (!r[0].matches("\\d{12}")) {
                throw new IllegalArgumentException("line " + line + ": code: '" + r[0] + "' is not a 12-digit division code");
            }
            if (r[1].isBlank()) {
                throw new IllegalArgumentException("line " + line + ": name: missing for " + r[0]);
            }
            Division.Level level;
            try {
                level = Division.Level.valueOf(r[2].strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": level: '" + r[2] + "' is not one of "
                        + java.util.Arrays.toString(Division.Level.values()).toLowerCase(java.util.Locale.ROOT));
            }
            if (level != Division.Level.COUNTY && !map.containsKey(r[3])) {
                throw new IllegalArgumentException("line " + line + ": parent_code: " + r[3] + " of " + r[0]
                        + " is not a division listed above it");
            }
            if (map.containsKey(r[0])) {
                throw new IllegalArgumentException("line " + line + ": code: " + r[0] + " is listed twice");
            }
            if (level == Division.Level.VILLAGE && r.length > 4 && !r[4].isBlank() && !r[4].matches("\\d{3}")) {
                throw new IllegalArgumentException("line " + line + ": urban_rural_code: '" + r[4]
                        + "' is not a 3-digit urban-rural code (111–123 urban, 210–220 rural)");
            }
            UrbanRural ur = null;
            String basis = null;
            if (level == Division.Level.VILLAGE) {
                String own = r.length > 4 ? r[4] : "";
                if (!own.isBlank()) {
                    ur = UrbanRural.fromCode(own);
                    basis = "urban-rural code " + own;
                } else if (oldClass.containsKey(r[3] + "|" + r[1])) {
                    String code = oldClass.get(r[3] + "|" + r[1]);
                    ur = UrbanRural.fromCode(code);
                    basis = "2016 urban-rural code " + code + " of the same name";
                } else if (r[1].endsWith("社区") || r[1].endsWith("居委会")) {
                    ur = UrbanRural.URBAN;
                    basis = "name ends in 社区/居委会";
                } else {
                    ur = UrbanRural.RURAL;
                    basis = "name ends in 村/村委会";
                }
            }
            map.put(r[0], new Division(r[0], r[1], level, r[3], ur, basis));
        }
        return new Divisions(map);
    }

    private static List<String[]> readCsv(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = br.readLine(); // header
            while ((line = br.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public Division get(String code) {
        return byCode.get(code);
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Division county() {
        return byCode.values().stream().filter(d -> d.level() == Division.Level.COUNTY).findFirst().orElseThrow();
    }

    public List<Division> townships() {
        return byCode.values().stream().filter(d -> d.level() == Division.Level.TOWNSHIP).toList();
    }

    public List<Division> villages() {
        return byCode.values().stream().filter(d -> d.level() == Division.Level.VILLAGE).toList();
    }

    public List<Division> villagesOf(String townshipCode) {
        return byCode.values().stream()
                .filter(d -> d.level() == Division.Level.VILLAGE && d.parentCode().equals(townshipCode)).toList();
    }

    /** The township that a village (or township) code belongs to. */
    public Division townshipOf(String code) {
        Division d = byCode.get(code);
        if (d == null) {
            return null;
        }
        return d.level() == Division.Level.VILLAGE ? byCode.get(d.parentCode()) : d;
    }

    public List<Division> all() {
        return List.copyOf(byCode.values());
    }
}
