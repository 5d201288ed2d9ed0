package org.olive.ingest.field;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A county's code-value map for one field (e.g. 性别: 男→M, 女→F, 1→M, 2→F). Keys are matched after full-width
 * normalisation, then case-insensitively; a value outside the map is refused, listing the accepted values.
 *
 * @param values accepted source values and the canonical value each stands for
 */
public record ValueMapParser(Map<String, String> values) implements FieldParser<String> {

    public ValueMapParser {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(TextNormalizer.normalize(k), v));
        values = java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public ParseResult<String> parse(String raw) {
        String s = TextNormalizer.normalize(raw);
        String v = values.get(s);
        if (v == null) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getKey().equalsIgnoreCase(s)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        if (v == null) {
            return ParseResult.error("'" + s + "' is not one of the accepted values " + values.keySet());
        }
        return ParseResult.ok(v);
    }
}
