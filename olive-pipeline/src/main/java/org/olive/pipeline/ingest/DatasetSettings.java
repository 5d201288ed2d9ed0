package org.olive.pipeline.ingest;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-dataset pipeline settings from {@code datasets.yaml}: the delivering department, the cadence and the key of a
 * data item (pilot indicator 8).
 */
public record DatasetSettings(String dataset, String department, Cadence cadence, List<String> itemKey) {

    /** The top-level entry of datasets.yaml that holds the period checks ({@link IngestChecks}), not a dataset. */
    public static final String CHECKS = "checks";

    public enum Cadence {
        MONTHLY, YEARLY;

        /** Whether a delivery is expected in a period's folder: monthly always, yearly in December. */
        public boolean expectedIn(org.olive.period.Period p) {
            return this == MONTHLY || p.monthValue() == 12;
        }
    }

    /** The settings shipped with Olive. */
    public static Map<String, DatasetSettings> builtIn() {
        InputStream in = Objects.requireNonNull(DatasetSettings.class.getResourceAsStream("datasets.yaml"), "datasets.yaml");
        return load(in, "built-in datasets.yaml");
    }

    public static Map<String, DatasetSettings> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, DatasetSettings> load(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected a map of dataset → settings");
        }
        Map<String, DatasetSettings> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String ds = String.valueOf(e.getKey());
            if (CHECKS.equals(ds)) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> s)) {
                throw new IllegalArgumentException(source + ": settings of " + ds + " must be a map");
            }
            Object dep = s.get("department");
            Object cad = s.get("cadence");
            Object key = s.get("item_key");
            if (dep == null || cad == null || !(key instanceof List<?>)) {
                throw new IllegalArgumentException(source + ": " + ds + " needs department, cadence and item_key (a list)");
            }
            Cadence cadence;
            try {
                cadence = Cadence.valueOf(String.valueOf(cad).strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": cadence of " + ds + " must be monthly or yearly, found " + cad);
            }
            List<String> k = new ArrayList<>();
            ((List<Object>) key).forEach(o -> k.add(String.valueOf(o)));
            out.put(ds, new DatasetSettings(ds, String.valueOf(dep), cadence, List.copyOf(k)));
        }
        return out;
    }
}
