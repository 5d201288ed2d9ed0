package org.olive.income;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one loader of the dated lines and the named brackets (domain.md §5): the {@code lines:}, {@code brackets:} and
 * {@code typical_family_size} of {@code income.yaml} (olive-pipeline's built-in file, or a county's own). The family
 * flags (FamilyIncome), the indicators (org.olive.indicator.IndicatorSettings#of) and the headline accuracy all take
 * their figures from the {@link FamilyIncomeRules} read here; there is no copy in Java. Errors name the key and the
 * reason; {@link #read} adds the file.
 *
 * <p>Lines: {@code lines.dibao}, {@code lines.dibian}, {@code lines.tekun} are lists of figures
 * {@code {from, area, amount | multiple}} ({@link DatedFigures}); {@code lines.minimum_wage} holds the dated tier
 * tables ({@code tiers: [{from, monthly: [...]}]}) and which tier applies where ({@code tier: [{from, area, tier}]}).
 * Brackets: a list of {@code {id, name_zh, name_en, basis, lower, upper, valid_from, valid_to}}.
 *
 * <p>The format before issue 12 is still read: {@code lines.dibao_by_year} (year → amount, from 1 January),
 * {@code lines.marginal_multiple}, {@code lines.minimum_wage_monthly} and {@code brackets: {basis,
 * typical_family_size, middle_10_50: [lower, upper], …}}.
 */
public final class IncomeParameters {

    /** The key of the dated 低保 standards. */
    public static final String DIBAO_KEY = "lines.dibao";

    private static final Set<String> BRACKET_KEYS = Set.of("id", "name_zh", "name_en", "basis", "lower", "upper",
            "valid_from", "valid_to");

    private IncomeParameters() {
    }

    /** The lines and brackets of a YAML file. */
    public static FamilyIncomeRules read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines and brackets of a YAML stream; {@code source} (the file) prefixes every error. */
    public static FamilyIncomeRules read(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": expected the sections lines and brackets");
        }
        try {
            return fromYaml(map, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lines and brackets of an already parsed YAML document (errors name the key, not the file: the caller adds
     * it); the lines remember {@code source} to name it when asked for a period before their first figure.
     */
    public static FamilyIncomeRules fromYaml(Map<?, ?> root, String source) {
        IncomeLines lines = lines(section(root, "lines"), source);
        Object b = root.get("brackets");
        if (b instanceof Map<?, ?> old) {
            return oldBrackets(lines, old);
        }
        if (!(b instanceof List<?> list)) {
            throw new IllegalArgumentException("missing section 'brackets' (a list of {id, name_zh, name_en, basis, lower, "
                    + "upper})");
        }
        List<Bracket> brackets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            brackets.add(bracket(list.get(i), "brackets[" + i + "]"));
        }
        int size = (int) number(root.get("typical_family_size"), "typical_family_size");
        try {
            return new FamilyIncomeRules(lines, brackets, size);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("brackets: " + e.getMessage(), e);
        }
    }

    private static IncomeLines lines(Map<?, ?> l, String source) {
        DatedFigures dibao;
        DatedFigures dibian;
        List<IncomeLines.WageTiers> tiers = new ArrayList<>();
        DatedFigures tier;
        if (l.containsKey("dibao_by_year")) {
            // the format before issue 12: 低保 by year, one 低边 multiple, one minimum wage
            if (l.containsKey("dibao")) {
                throw new IllegalArgumentException("lines: give lines.dibao or the older lines.dibao_by_year, not both");
            }
            String key = "lines.dibao_by_year";
            if (!(l.get("dibao_by_year") instanceof Map<?, ?> years) || years.isEmpty()) {
                throw new IllegalArgumentException(key + " must map years to amounts");
            }
            List<DatedFigures.Figure> figures = new ArrayList<>();
            years.forEach((y, v) -> {
                int year;
                try {
                    year = Integer.parseInt(String.valueOf(y).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + ": '" + y + "' is not a year");
                }
                figures.add(new DatedFigures.Figure(LocalDate.of(year, 1, 1), LineArea.COUNTY,
                        number(v, key + "." + y), false, key + "." + y));
            });
            dibao = new DatedFigures(key, source, figures);
            dibian = new DatedFigures("lines.marginal_multiple", source, List.of(new DatedFigures.Figure(null,
                    LineArea.COUNTY, number(l.get("marginal_multiple"), "lines.marginal_multiple"), true,
                    "lines.marginal_multiple")));
            double wage = number(l.get("minimum_wage_monthly"), "lines.minimum_wage_monthly");
            tiers.add(new IncomeLines.WageTiers(null, List.of(wage), "lines.minimum_wage_monthly"));
            tier = new DatedFigures("lines.minimum_wage_monthly", source, List.of(new DatedFigures.Figure(null,
                    LineArea.COUNTY, 1, false, "lines.minimum_wage_monthly")));
        } else {
            dibao = dated(l, "dibao", source, false);
            dibian = dated(l, "dibian", source, true);
            if (!(l.get("minimum_wage") instanceof Map<?, ?> mw)) {
                throw new IllegalArgumentException("missing section 'lines.minimum_wage' (tiers and tier)");
            }
            if (!(mw.get("tiers") instanceof List<?> tables) || tables.isEmpty()) {
                throw new IllegalArgumentException("lines.minimum_wage.tiers must list {from, monthly: [tier 1, tier 2, …]}");
            }
            for (int i = 0; i < tables.size(); i++) {
                String key = "lines.minimum_wage.tiers[" + i + "]";
                Map<?, ?> t = entry(tables.get(i), key, Set.of("from", "monthly"));
                if (!(t.get("monthly") instanceof List<?> m) || m.isEmpty()) {
                    throw new IllegalArgumentException(key + ".monthly must list the monthly minimum wage of each tier");
                }
                List<Double> monthly = new ArrayList<>();
                for (Object o : m) {
                    monthly.add(number(o, key + ".monthly"));
                }
                tiers.add(new IncomeLines.WageTiers(t.get("from") == null ? null
                        : Validity.parse(t.get("from"), false, key + ".from"), monthly, key));
            }
            tier = dated(mw, "tier", source, false, "lines.minimum_wage.tier", "tier");
        }
        DatedFigures tekun = l.containsKey("tekun") ? dated(l, "tekun", source, true) : null;
        return new IncomeLines(dibao, dibian, tekun, tiers, tier, number(l.get("assist_share"), "lines.assist_share"),
                number(l.get("safety_net_share"), "lines.safety_net_share"));
    }

    private static DatedFigures dated(Map<?, ?> l, String name, String source, boolean multipleAllowed) {
        return dated(l, name, source, multipleAllowed, "lines." + name, "amount");
    }

    /** A list of {from, area, amount | multiple} (or {from, area, tier}). */
    private static DatedFigures dated(Map<?, ?> l, String name, String source, boolean multipleAllowed, String key,
                                      String valueKey) {
        if (!(l.get(name) instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(key + " must list figures {from, area, " + valueKey
                    + (multipleAllowed ? " or multiple" : "") + "}");
        }
        List<DatedFigures.Figure> figures = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String k = key + "[" + i + "]";
            Map<?, ?> e = entry(list.get(i), k, multipleAllowed ? Set.of("from", "area", valueKey, "multiple")
                    : Set.of("from", "area", valueKey));
            boolean multiple = e.containsKey("multiple");
            if (multiple == e.containsKey(valueKey)) {
                throw new IllegalArgumentException(k + ": give " + valueKey + (multipleAllowed ? " or multiple, not both"
                        : ""));
            }
            LineArea area;
            try {
                area = e.get("area") == null ? LineArea.COUNTY : new LineArea(String.valueOf(e.get("area")));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(k + ".area: " + x.getMessage(), x);
            }
            figures.add(new DatedFigures.Figure(e.get("from") == null ? null : Validity.parse(e.get("from"), false, k + ".from"),
                    area, number(e.get(multiple ? "multiple" : valueKey), k + "." + (multiple ? "multiple" : valueKey)),
                    multiple, k));
        }
        return new DatedFigures(key, source, figures);
    }

    private static Map<?, ?> entry(Object o, String key, Set<String> allowed) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(key + " must be a map of " + allowed);
        }
        for (Object k : m.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(key + ": unknown key '" + k + "' (expected " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
        return m;
    }

    private static Bracket bracket(Object o, String key) {
        Map<?, ?> m = entry(o, key, BRACKET_KEYS);
        Object id = m.get("id");
        String named = key + (id == null ? "" : " (" + id + ")");
        Object basis = m.get("basis");
        BracketBasis bb;
        try {
            bb = BracketBasis.valueOf(String.valueOf(basis));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named + ".basis: '" + basis + "' is not PER_CAPITA_TIMES_3 or FAMILY_DI");
        }
        try {
            Validity v = new Validity(m.get("valid_from") == null ? null : Validity.parse(m.get("valid_from"), false, "valid_from"),
                    m.get("valid_to") == null ? null : Validity.parse(m.get("valid_to"), true, "valid_to"));
            return new Bracket(id == null ? null : String.valueOf(id), string(m.get("name_zh")), string(m.get("name_en")),
                    bb, number(m.get("lower"), "lower"), number(m.get("upper"), "upper"), v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(named + ": " + e.getMessage(), e);
        }
    }

    /** brackets: {basis, typical_family_size, ID: [lower, upper], …}, the format before issue 12. */
    private static FamilyIncomeRules oldBrackets(IncomeLines lines, Map<?, ?> b) {
        Object basis = b.get("basis");
        if (basis == null) {
            throw new IllegalArgumentException("missing setting 'brackets.basis'");
        }
        BracketBasis bb;
        try {
            bb = BracketBasis.valueOf(String.valueOf(basis));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("brackets.basis is PER_CAPITA_TIMES_3 or FAMILY_DI, not '" + basis + "'");
        }
        List<Bracket> brackets = new ArrayList<>();
        for (Map.Entry<?, ?> e : b.entrySet()) {
            String id = String.valueOf(e.getKey());
            if (id.equals("basis") || id.equals("typical_family_size")) {
                continue;
            }
            String key = "brackets." + id;
            if (!(e.getValue() instanceof List<?> l) || l.size() != 2) {
                throw new IllegalArgumentException(key + " must be [lower, upper]");
            }
            double lower = number(l.get(0), key);
            double upper = number(l.get(1), key);
            try {
                brackets.add(new Bracket(id, wan(lower) + "-" + wan(upper) + "万",
                        Bracket.plain(lower / 1000) + "-" + Bracket.plain(upper / 1000) + " thousand", bb, lower, upper,
                        Validity.ALWAYS));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(key + ": " + x.getMessage(), x);
            }
        }
        return new FamilyIncomeRules(lines, brackets, (int) number(b.get("typical_family_size"), "brackets.typical_family_size"));
    }

    private static String wan(double yuan) {
        return Bracket.plain(yuan / 10_000);
    }

    private static Map<?, ?> section(Map<?, ?> map, String name) {
        if (!(map.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("missing section '" + name + "'");
        }
        return m;
    }

    private static String string(Object v) {
        return v == null ? null : String.valueOf(v).strip();
    }

    private static double number(Object v, String name) {
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + name + "'");
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + name + "' must be a number, found '" + v + "'");
        }
    }
}
