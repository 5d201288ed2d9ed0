package org.olive.occupation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A hierarchical national code table read from a core reference CSV {@code code,name,level,parent_code} (no quoted
 * fields: the reference files hold none). Shared by {@link OccupationClassification} and {@link IndustryClassification}.
 */
final class CodeTree {

    record Entry(String code, String name, int level, String parent) {
    }

    private final Map<String, Entry> entries;

    private CodeTree(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    static CodeTree resource(String resource) {
        InputStream in = Objects.requireNonNull(CodeTree.class.getResourceAsStream(resource), "missing resource " + resource);
        Map<String, Entry> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals("code,name,level,parent_code")) {
                throw new IllegalStateException(resource + ": expected the header code,name,level,parent_code");
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException(resource + ": malformed line " + line);
                }
                String code = f[0].strip();
                m.put(code, new Entry(code, f[1].strip(), Integer.parseInt(f[2].strip()),
                        f[3].isBlank() ? null : f[3].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeTree(m);
    }

    Entry get(String code) {
        return code == null ? null : entries.get(code.strip());
    }

    /** The ancestor of a code at a level (the code itself at its own level), or null. */
    Entry at(String code, int level) {
        Entry e = get(code);
        while (e != null && e.level() > level) {
            e = get(e.parent());
        }
        return e != null && e.level() == level ? e : null;
    }

    int size() {
        return entries.size();
    }
}
