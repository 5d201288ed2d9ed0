package org.olive.ingest.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a dataset mapping from YAML. Every scalar is read as text (so a code {@code 01} stays {@code 01}, never
 * the number 1). The format:
 *
 * <pre>
 * dataset: hukou
 * title: 户籍人口 (公安)
 * sub_database: basic          # required: basic (基础信息库), work (工作信息库) or income (收支信息库)
 * primary_key: [id_number]
 * fields:
 *   id_number:
 *     type: id_number
 *     required: true
 *     headers: [公民身份号码, 身份证号, 证件号码]
 *   sex:
 *     type: code
 *     headers: [性别]
 *     values: {男: M, 女: F, 1: M, 2: F}
 *   contribution_base: {type: amount, headers: [缴费基数], min: 0, max: 100000}
 *   end_date: {type: date, headers: [止租日期], future: true}   # may lie in the future
 *   name: [姓名, 名字]          # short form: optional text with these header names
 * reader:                      # optional, when detection is not enough
 *   encoding: GB18030
 *   delimiter: ";"             # or "tab"
 *   header_row: 3              # titles above
 *   sheet: 户籍人口
 * </pre>
 */
public final class MappingLoader {

    private static final Set<String> TOP_KEYS = Set.of("dataset", "title", "sub_database", "primary_key", "reader", "fields");
    private static final Set<String> READER_KEYS = Set.of("encoding", "delimiter", "header_row", "sheet");
    private static final Set<String> FIELD_KEYS = Set.of("type", "required", "headers", "values", "min", "max", "max_length",
            "future");

    private MappingLoader() {
    }

    public static DatasetMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new MappingException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    public static DatasetMapping load(InputStream in, String source) {
        Object doc;
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            doc = yaml().load(r);
        } catch (YAMLException e) {
            throw new MappingException(source, "", "is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MappingException(source, "", "cannot be read: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(doc, source, "");
        unknownKeys(top, TOP_KEYS, source, "");
        String dataset = text(top.get("dataset"), source, "dataset", true);
        String title = text(top.get("title"), source, "title", false);
        SubDatabase subDatabase = subDatabase(top.get("sub_database"), source);
        List<String> key = top.containsKey("primary_key") ? list(top.get("primary_key"), source, "primary_key") : List.of();
        Map<String, Object> fieldsNode = map(top.get("fields"), source, "fields");
        if (fieldsNode.isEmpty()) {
            throw new MappingException(source, "fields", "no fields");
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : fieldsNode.entrySet()) {
            fields.add(field(e.getKey(), e.getValue(), source, "fields." + e.getKey()));
        }
        ReaderHints hints = top.containsKey("reader") ? hints(map(top.get("reader"), source, "reader"), source) : ReaderHints.NONE;
        try {
            return new DatasetMapping(dataset, title == null ? dataset : title, subDatabase, key, fields, hints);
        } catch (IllegalArgumentException e) {
            throw new MappingException(source, "primary_key", e.getMessage(), e);
        }
    }

    private static final String SUB_DATABASES = "basic (基础信息库), work (工作信息库) or income (收支信息库)";

    private static SubDatabase subDatabase(Object node, String source) {
        String name = text(node, source, "sub_database", false);
        if (name == null) {
            throw new MappingException(source, "sub_database", "is missing; name the master database's sub-database that the "
                    + "dataset feeds: " + SUB_DATABASES);
        }
        return SubDatabase.fromYaml(name).orElseThrow(() -> new MappingException(source, "sub_database",
                "unknown sub-database '" + name + "'; use " + SUB_DATABASES));
    }

    private static FieldSpec field(String name, Object node, String source, String path) {
        if (node instanceof List<?>) {
            return new FieldSpec(name, FieldType.TEXT, false, list(node, source, path), Map.of(), null, null, 0);
        }
        Map<String, Object> m = map(node, source, path);
        unknownKeys(m, FIELD_KEYS, source, path);
        String typeName = text(m.getOrDefault("type", "text"), source, path + ".type", true);
        FieldType type = FieldType.fromYaml(typeName).orElseThrow(() -> new MappingException(source, path + ".type",
                "unknown type '" + typeName + "'; known types: " + java.util.Arrays.stream(FieldType.values()).map(FieldType::yamlName).toList()));
        boolean required = bool(m.get("required"), source, path + ".required");
        List<String> headers = list(m.get("headers"), source, path + ".headers");
        Map<String, String> values = new LinkedHashMap<>();
        if (m.containsKey("values")) {
            map(m.get("values"), source, path + ".values").forEach((k, v) -> values.put(k, text(v, source, path + ".values." + k, true)));
        }
        try {
            return new FieldSpec(name, type, required, headers, values, number(m.get("min"), source, path + ".min"),
                    number(m.get("max"), source, path + ".max"), maxLength(m.get("max_length"), source, path + ".max_length"),
                    bool(m.get("future"), source, path + ".future"));
        } catch (IllegalArgumentException e) {
            throw new MappingException(source, path, e.getMessage(), e);
        }
    }

    private static ReaderHints hints(Map<String, Object> m, String source) {
        unknownKeys(m, READER_KEYS, source, "reader");
        java.nio.charset.Charset cs = null;
        String enc = text(m.get("encoding"), source, "reader.encoding", false);
        if (enc != null) {
            try {
                cs = java.nio.charset.Charset.forName(enc);
            } catch (IllegalArgumentException e) {
                throw new MappingException(source, "reader.encoding", "unknown encoding '" + enc + "' (use UTF-8 or GB18030)", e);
            }
        }
        Character delimiter = null;
        String d = text(m.get("delimiter"), source, "reader.delimiter", false);
        if (d != null) {
            if ("tab".equalsIgnoreCase(d) || "\\t".equals(d)) {
                delimiter = '\t';
            } else if (d.length() == 1) {
                delimiter = d.charAt(0);
            } else {
                throw new MappingException(source, "reader.delimiter", "must be one character or 'tab', found '" + d + "'");
            }
        }
        BigDecimal row = number(m.get("header_row"), source, "reader.header_row");
        if (row != null && (row.signum() <= 0 || row.scale() > 0)) {
            throw new MappingException(source, "reader.header_row", "must be a positive whole number");
        }
        return new ReaderHints(cs, delimiter, row == null ? null : row.intValueExact(), text(m.get("sheet"), source, "reader.sheet", false));
    }

    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        lo.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // no implicit types: every plain scalar is a string
            }
        };
        return new Yaml(new SafeConstructor(lo), new Representer(dumper), dumper, lo, textOnly);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String source, String path) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new MappingException(source, path, node == null ? "is missing" : "must be a mapping (key: value)");
        }
        return (Map<String, Object>) m;
    }

    private static List<String> list(Object node, String source, String path) {
        if (node instanceof String s && !s.isBlank()) {
            return List.of(s.strip());
        }
        if (!(node instanceof List<?> l) || l.isEmpty()) {
            throw new MappingException(source, path, node == null ? "is missing" : "must be a non-empty list, e.g. [a, b]");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            out.add(text(o, source, path, true));
        }
        return out;
    }

    private static String text(Object node, String source, String path, boolean required) {
        if (node == null || node instanceof String s && s.isBlank()) {
            if (required) {
                throw new MappingException(source, path, "is missing");
            }
            return null;
        }
        if (!(node instanceof String s)) {
            throw new MappingException(source, path, "must be a single value");
        }
        return s.strip();
    }

    private static boolean bool(Object node, String source, String path) {
        String s = text(node, source, path, false);
        if (s == null) {
            return false;
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "y", "是" -> true;
            case "false", "no", "n", "否" -> false;
            default -> throw new MappingException(source, path, "must be true or false, found '" + s + "'");
        };
    }

    private static BigDecimal number(Object node, String source, String path) {
        String s = text(node, source, path, false);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new MappingException(source, path, "must be a number, found '" + s + "'");
        }
    }

    private static int maxLength(Object node, String source, String path) {
        BigDecimal n = number(node, source, path);
        if (n == null) {
            return 0;
        }
        if (n.signum() <= 0 || n.scale() > 0) {
            throw new MappingException(source, path, "must be a positive whole number");
        }
        return n.intValueExact();
    }

    private static void unknownKeys(Map<String, Object> m, Set<String> known, String source, String path) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new MappingException(source, path.isEmpty() ? k : path + "." + k, "unknown key; known keys: " + known.stream().sorted().toList());
            }
        }
    }
}
