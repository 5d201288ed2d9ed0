package org.olive.ingest.table;

import org.olive.ingest.field.TextNormalizer;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of a table as found in its header row, cleaned of BOMs and surrounding (also full-width)
 * spaces. Names are looked up exactly after that cleaning.
 */
public final class Header {

    private final List<String> names;
    private final Map<String, Integer> index;

    private Header(List<String> names) {
        this.names = List.copyOf(names);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            m.putIfAbsent(this.names.get(i), i);
        }
        this.index = Collections.unmodifiableMap(m);
    }

    /** Builds a header from raw cell texts, cleaning each name. */
    public static Header of(List<String> rawNames) {
        return new Header(rawNames.stream().map(Header::clean).toList());
    }

    /** Strips a BOM, ASCII and full-width spaces, and line breaks inside a header cell. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\uFEFF' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return TextNormalizer.strip(sb.toString());
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** The 0-based index of the first column with this name, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
