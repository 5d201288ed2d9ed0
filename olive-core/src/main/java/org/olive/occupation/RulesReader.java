package org.olive.occupation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks a parsed occupation.yaml, collecting every problem as "key: reason". */
final class RulesReader {

    private final List<String> problems;
    private final OccupationClassification occupations = OccupationClassification.gbt6565();
    private final IndustryClassification industries = IndustryClassification.gbt4754();

    RulesReader(List<String> problems) {
        this.problems = problems;
    }

    OccupationRules read(Map<?, ?> root) {
        for (Object k : root.keySet()) {
            if (!OccupationRules.TOP_KEYS.contains(String.valueOf(k))) {
                problems.add(k + ": unknown key (expected one of " + new TreeSet<>(OccupationRules.TOP_KEYS) + ")");
            }
        }
        String version = text(root.get("version"), "version");
        Map<?, ?> facts = map(root.get("facts"), "facts", Set.of("employment_months", "employment_insurance_types",
                "graduation_months"));
        int employmentMonths = integer(facts.get("employment_months"), "facts.employment_months", 1, 12);
        int graduationMonths = integer(facts.get("graduation_months"), "facts.graduation_months", 1, 120);
        Set<String> insurance = new LinkedHashSet<>(strings(facts.get("employment_insurance_types"),
                "facts.employment_insurance_types"));
        Map<?, ?> age = map(root.get("working_age"), "working_age", Set.of("from", "to"));
        int from = integer(age.get("from"), "working_age.from", 0, 120);
        Map<String, Integer> to = new LinkedHashMap<>();
        Map<?, ?> toMap = map(age.get("to"), "working_age.to", Set.of("M", "F"));
        for (String sex : List.of("M", "F")) {
            int t = integer(toMap.get(sex), "working_age.to." + sex, 0, 120);
            if (t >= 0 && t < from) {
                problems.add("working_age.to." + sex + ": " + t + " is below working_age.from " + from);
            }
            to.put(sex, t);
        }

        List<OccupationSource> precedence = new ArrayList<>();
        for (String s : strings(root.get("precedence"), "precedence")) {
            OccupationSource src = source(s, "precedence");
            if (src == OccupationSource.NONE) {
                problems.add("precedence: NONE is what is left when no source has evidence, not a source");
            } else if (src != null && precedence.contains(src)) {
                problems.add("precedence: " + s + " is listed twice");
            } else if (src != null) {
                precedence.add(src);
            }
        }
        for (OccupationSource s : OccupationSource.values()) {
            if (s != OccupationSource.NONE && !precedence.contains(s) && root.get("precedence") != null) {
                problems.add("precedence: " + s + " is missing (list every source in the order it decides)");
            }
        }

        Set<String> confidenceKeys = new LinkedHashSet<>();
        for (OccupationSource s : OccupationSource.values()) {
            if (s != OccupationSource.NONE) {
                confidenceKeys.add(s.name());
            }
        }
        confidenceKeys.add(OccupationRules.CERTIFICATE_WITHOUT_WORK);
        confidenceKeys.add(OccupationRules.EMPLOYER_UNCLASSIFIED);
        Map<?, ?> conf = map(root.get("confidence"), "confidence", confidenceKeys);
        Map<String, Double> confidence = new LinkedHashMap<>();
        for (String k : confidenceKeys) {
            Object v = conf.get(k);
            if (v == null) {
                problems.add("confidence." + k + ": missing");
            } else if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                problems.add("confidence." + k + ": '" + v + "' is not a number from 0 to 1");
            } else {
                confidence.put(k, n.doubleValue());
            }
        }

        Set<String> monthlyKeys = new LinkedHashSet<>();
        OccupationRules.MONTHLY.forEach(s -> monthlyKeys.add(s.name()));
        Map<?, ?> months = map(root.get("activity_months"), "activity_months", monthlyKeys);
        Map<OccupationSource, Integer> activity = new EnumMap<>(OccupationSource.class);
        for (OccupationSource s : OccupationRules.MONTHLY) {
            activity.put(s, integer(months.get(s.name()), "activity_months." + s.name(), 1, 12));
        }

        Map<?, ?> business = map(root.get("business"), "business", Set.of("manager_kinds", "manager_occupation"));
        Set<String> managerKinds = new LinkedHashSet<>(strings(business.get("manager_kinds"), "business.manager_kinds"));
        String managerOccupation = level2(business.get("manager_occupation"), "business.manager_occupation");
        Map<?, ?> pension = map(root.get("pension"), "pension", Set.of("benefit_types"));
        Set<String> pensionTypes = new LinkedHashSet<>(strings(pension.get("benefit_types"), "pension.benefit_types"));

        Map<String, OccupationRules.Target> targets = new LinkedHashMap<>();
        Map<?, ?> t = map(root.get("targets"), "targets", null);
        for (Map.Entry<?, ?> e : t.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!OccupationRules.FIXED_TARGETS.contains(key) && !key.matches("PLATFORM:[A-Z_]+")) {
                problems.add("targets." + key + ": unknown (expected " + OccupationRules.FIXED_TARGETS
                        + " or PLATFORM:KIND with a platform kind as mapped, e.g. PLATFORM:DELIVERY)");
                continue;
            }
            targets.put(key, target(e.getValue(), "targets." + key));
        }
        for (String k : OccupationRules.FIXED_TARGETS) {
            if (root.get("targets") != null && !t.containsKey(k)) {
                problems.add("targets." + k + ": missing");
            }
        }

        Map<String, String> industryOccupations = new LinkedHashMap<>();
        Map<?, ?> io = map(root.get("industry_occupations"), "industry_occupations", null);
        for (Map.Entry<?, ?> e : io.entrySet()) {
            if (!(e.getKey() instanceof String prefix) || !prefix.matches("\\d{2,4}") || !industries.isValid(prefix)) {
                problems.add("industry_occupations." + e.getKey() + ": not a quoted GB/T 4754 code of 2 to 4 digits "
                        + "(quote it: '04', not 04)");
                continue;
            }
            String code = level2(e.getValue(), "industry_occupations." + prefix);
            if (code != null) {
                industryOccupations.put(prefix, code);
            }
        }
        String fallback = level2(root.get("industry_fallback"), "industry_fallback");
        return new OccupationRules(version, employmentMonths, graduationMonths, insurance, new OccupationRules.WorkingAge(Math.max(from, 0), to),
                precedence, confidence, activity, managerKinds, managerOccupation, pensionTypes, targets,
                industryOccupations, fallback);
    }

    private OccupationRules.Target target(Object o, String key) {
        Map<?, ?> m = map(o, key, Set.of("occupation", "detail", "industry"));
        String occupation = level2(m.get("occupation"), key + ".occupation");
        String detail = null;
        if (m.get("detail") != null) {
            detail = String.valueOf(m.get("detail"));
            if (!occupations.isValid(detail)) {
                problems.add(key + ".detail: '" + detail + "' is not a GB/T 6565 code");
            } else if (occupation != null && !occupations.level2(detail).map(occupation::equals).orElse(false)) {
                problems.add(key + ".detail: '" + detail + "' is not under " + occupation);
            }
        }
        String industry = null;
        if (m.get("industry") != null) {
            industry = m.get("industry") instanceof String s ? s : null;
            if (industry == null || !industries.isClass(industry)) {
                problems.add(key + ".industry: '" + m.get("industry") + "' is not a quoted 4-digit GB/T 4754 class");
            }
        }
        return new OccupationRules.Target(occupation, detail, industry);
    }

    private String level2(Object o, String key) {
        if (o == null) {
            problems.add(key + ": missing");
            return null;
        }
        String code = String.valueOf(o);
        if (!occupations.isLevel2(code)) {
            problems.add(key + ": '" + code + "' is not a GB/T 6565 中类 (level-2 code such as 4-03)");
            return null;
        }
        return code;
    }

    private OccupationSource source(String s, String key) {
        try {
            return OccupationSource.valueOf(s);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": '" + s + "' is not a source (" + List.of(OccupationSource.values()) + ")");
            return null;
        }
    }

    private String text(Object o, String key) {
        if (o == null || String.valueOf(o).isBlank()) {
            problems.add(key + ": missing");
            return "";
        }
        String s = String.valueOf(o).strip();
        if (s.length() > 40) {
            problems.add(key + ": longer than 40 characters (person_occupation.rule_version)");
        }
        return s;
    }

    private int integer(Object o, String key, int min, int max) {
        if (o == null) {
            problems.add(key + ": missing");
            return -1;
        }
        if (!(o instanceof Integer i) || i < min || i > max) {
            problems.add(key + ": '" + o + "' is not a whole number from " + min + " to " + max);
            return -1;
        }
        return i;
    }

    private List<String> strings(Object o, String key) {
        if (o == null) {
            problems.add(key + ": missing");
            return List.of();
        }
        if (!(o instanceof List<?> l) || l.isEmpty()) {
            problems.add(key + ": must be a non-empty list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            if (!(x instanceof String s) || s.isBlank()) {
                problems.add(key + ": '" + x + "' is not a quoted text");
            } else {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A map, with its keys checked against {@code allowed} (null: any key); an empty map when missing. */
    private Map<?, ?> map(Object o, String key, Set<String> allowed) {
        if (o == null) {
            problems.add(key + ": missing");
            return Map.of();
        }
        if (!(o instanceof Map<?, ?> m)) {
            problems.add(key + ": must be a map");
            return Map.of();
        }
        if (allowed != null) {
            for (Object k : m.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    problems.add(key + "." + k + ": unknown key (expected one of " + new TreeSet<>(allowed) + ")");
                }
            }
        }
        return m;
    }
}
