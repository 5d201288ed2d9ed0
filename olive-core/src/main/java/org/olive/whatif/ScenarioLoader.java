package org.olive.whatif;

import org.olive.income.Component;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a what-if scenario file (docs/whatif.md) and validates it against the profile's {@link Vocabulary}: unknown
 * keys, components, sources, groups, areas and lines, and bad factors, amounts and months are rejected with the file,
 * the line (from SnakeYAML's node marks) and the reason ({@link ScenarioException}).
 *
 * <pre>
 * name: moratorium
 * title: 伏季休渔期延长 / A longer fishing moratorium
 * shocks:
 *   - sources: [fishery_crew, vessel_owner]   # income_item sources; component: WAGE|BUSINESS|PROPERTY|TRANSFER_IN|TRANSFER_OUT
 *     change: -30%                            # or factor: 0.7, or amount: 100 (yuan per person per month)
 *     months: 2025-05..2025-09                # optional: the whole window
 *     groups: [fishery_worker]                # optional
 *     areas: [330922100]                      # optional: township or village codes
 *   - line: dibao                             # a policy line: change: +10% or amount: 1200 (yuan per person per year)
 *     change: +10%
 * </pre>
 */
public final class ScenarioLoader {

    private static final Set<String> TOP = Set.of("name", "title", "description", "shocks");
    private static final Set<String> SHOCK = Set.of("component", "source", "sources", "line", "groups", "areas",
            "months", "from", "to", "factor", "change", "amount", "note");

    private ScenarioLoader() {
    }

    public static Scenario read(Path file, Vocabulary vocabulary) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return read(text, file.toString(), name, vocabulary);
    }

    /**
     * @param file        the file's name, for messages
     * @param defaultName the scenario's name when the file gives none (its file name without .yaml)
     */
    public static Scenario read(String text, String file, String defaultName, Vocabulary vocabulary) {
        MappingNode top = org.olive.rule.FileLineException.mapping(text, file, "name, title and shocks",
                ScenarioException::new);
        String name = defaultName;
        String title = null;
        String description = null;
        List<Shock> shocks = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(file, t.getKeyNode());
            Node v = t.getValueNode();
            switch (key) {
                case "name" -> {
                    name = scalar(file, v);
                    if (!name.matches("[A-Za-z0-9_.-]{1,60}")) {
                        throw new ScenarioException(file, line(v), "name: '" + name
                                + "' is not a name (letters, digits, _ . -, at most 60)");
                    }
                }
                case "title" -> title = scalar(file, v);
                case "description" -> description = scalar(file, v);
                case "shocks" -> shocks = shocks(file, v, vocabulary);
                default -> throw new ScenarioException(file, line(t.getKeyNode()), "unknown key '" + key
                        + "' (expected one of " + new java.util.TreeSet<>(TOP) + ")");
            }
        }
        if (shocks == null || shocks.isEmpty()) {
            throw new ScenarioException(file, line(top), "shocks: a scenario needs at least one shock");
        }
        return new Scenario(name, title == null ? name : title, description == null ? "" : description, shocks, text);
    }

    private static List<Shock> shocks(String file, Node v, Vocabulary vocabulary) {
        if (!(v instanceof SequenceNode seq)) {
            throw new ScenarioException(file, line(v), "shocks: expected a list of shocks");
        }
        List<Shock> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            out.add(shock(file, n, vocabulary));
        }
        return out;
    }

    private static Shock shock(String file, Node n, Vocabulary vocabulary) {
        if (!(n instanceof MappingNode m)) {
            throw new ScenarioException(file, line(n), "a shock is a mapping (sources, change or factor or amount, …)");
        }
        Component component = null;
        List<String> sources = new ArrayList<>();
        String lineName = null;
        Set<String> groups = new LinkedHashSet<>();
        Set<String> areas = new LinkedHashSet<>();
        YearMonth from = null;
        YearMonth to = null;
        Double factor = null;
        Double amount = null;
        String note = "";
        int changes = 0;
        for (NodeTuple t : m.getValue()) {
            String key = scalar(file, t.getKeyNode());
            Node v = t.getValueNode();
            int at = line(v);
            switch (key) {
                case "component" -> {
                    String c = scalar(file, v).trim().toUpperCase(Locale.ROOT);
                    if (c.equals("TRANSFER")) {
                        c = "TRANSFER_IN";
                    }
                    try {
                        component = Component.valueOf(c);
                    } catch (IllegalArgumentException e) {
                        throw new ScenarioException(file, at, "component: unknown component '" + scalar(file, v)
                                + "' (expected wage, business, property, transfer_in or transfer_out)");
                    }
                }
                case "source", "sources" -> {
                    for (ScalarNode s : list(file, v)) {
                        if (!vocabulary.sources().contains(s.getValue())) {
                            throw new ScenarioException(file, line(s), key + ": unknown income source '" + s.getValue()
                                    + "' (known: " + String.join(", ", new java.util.TreeSet<>(vocabulary.sources())) + ")");
                        }
                        sources.add(s.getValue());
                    }
                }
                case "line" -> {
                    lineName = scalar(file, v);
                    if (!Vocabulary.LINES.contains(lineName)) {
                        throw new ScenarioException(file, at, "line: unknown line '" + lineName + "' (known: "
                                + String.join(", ", new java.util.TreeSet<>(Vocabulary.LINES)) + ")");
                    }
                }
                case "groups" -> {
                    for (ScalarNode s : list(file, v)) {
                        if (!vocabulary.groups().contains(s.getValue())) {
                            throw new ScenarioException(file, line(s), "groups: unknown group '" + s.getValue()
                                    + "' (not a group of groups.yaml)");
                        }
                        groups.add(s.getValue());
                    }
                }
                case "areas" -> {
                    for (ScalarNode s : list(file, v)) {
                        if (!vocabulary.areas().contains(s.getValue())) {
                            throw new ScenarioException(file, line(s), "areas: unknown area '" + s.getValue()
                                    + "' (not a township (9 digits) or village (12 digits) of divisions.csv)");
                        }
                        areas.add(s.getValue());
                    }
                }
                case "months" -> {
                    String s = scalar(file, v).trim();
                    String[] p = s.split("\\.\\.", -1);
                    if (p.length > 2) {
                        throw new ScenarioException(file, at, "months: expected YYYY-MM or YYYY-MM..YYYY-MM, found '" + s + "'");
                    }
                    from = month(file, at, "months", p[0]);
                    to = p.length == 2 ? month(file, at, "months", p[1]) : from;
                }
                case "from" -> from = month(file, at, "from", scalar(file, v));
                case "to" -> to = month(file, at, "to", scalar(file, v));
                case "factor" -> {
                    factor = number(file, v, "factor");
                    if (factor < 0) {
                        throw new ScenarioException(file, at, "factor: must not be negative, found " + Shock.plain(factor));
                    }
                    changes++;
                }
                case "change" -> {
                    String s = scalar(file, v).trim();
                    if (!s.matches("[+-]?[0-9]+(\\.[0-9]+)?%")) {
                        throw new ScenarioException(file, at, "change: expected a percentage such as -30% or +10%, found '" + s + "'");
                    }
                    factor = 1 + Double.parseDouble(s.substring(0, s.length() - 1).replace("+", "")) / 100;
                    if (factor < 0) {
                        throw new ScenarioException(file, at, "change: below -100%: '" + s + "'");
                    }
                    changes++;
                }
                case "amount" -> {
                    amount = number(file, v, "amount");
                    changes++;
                }
                case "note" -> note = scalar(file, v);
                default -> throw new ScenarioException(file, line(t.getKeyNode()), "unknown key '" + key
                        + "' in a shock (expected one of " + new java.util.TreeSet<>(SHOCK) + ")");
            }
        }
        int at = line(m);
        if (changes != 1) {
            throw new ScenarioException(file, at, "a shock needs exactly one of change, factor and amount, found " + changes);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ScenarioException(file, at, "months: " + from + " is after " + to);
        }
        if (lineName != null && (component != null || !sources.isEmpty() || !groups.isEmpty())) {
            throw new ScenarioException(file, at, "line: a line shock changes the line of every family (areas allowed); "
                    + "it takes no component, sources or groups");
        }
        if (lineName != null && (!areas.isEmpty() || from != null)) {
            throw new ScenarioException(file, at, "line: a line shock applies county-wide at the period; it takes no areas or months");
        }
        if (lineName == null && component == null && sources.isEmpty()) {
            throw new ScenarioException(file, at, "a shock names a component, sources or a line");
        }
        return new Shock(at, component, sources, lineName, groups, areas, from, to, factor, amount, note);
    }

    private static YearMonth month(String file, int line, String key, String s) {
        try {
            return YearMonth.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ScenarioException(file, line, key + ": expected a month YYYY-MM, found '" + s.trim() + "'");
        }
    }

    private static double number(String file, Node v, String key) {
        String s = scalar(file, v);
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ScenarioException(file, line(v), key + ": expected a number, found '" + s + "'");
        }
    }

    private static List<ScalarNode> list(String file, Node v) {
        if (v instanceof ScalarNode s) {
            return List.of(s);
        }
        if (v instanceof SequenceNode seq) {
            List<ScalarNode> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode s)) {
                    throw new ScenarioException(file, line(n), "expected a name, found a " + kind(n));
                }
                out.add(s);
            }
            return out;
        }
        throw new ScenarioException(file, line(v), "expected a name or a list of names, found a " + kind(v));
    }

    private static String scalar(String file, Node v) {
        if (v instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new ScenarioException(file, line(v), "expected a value, found a " + kind(v));
    }

    private static String kind(Node n) {
        return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "value";
    }

    private static int line(Node n) {
        return org.olive.rule.FileLineException.line(n);
    }
}
