package org.olive.assistance;

import org.olive.period.Period;
import org.olive.rule.RuleFile;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dated parameters of the assistance cases: the {@code cases:} section of the county profile's warnings.yaml
 * (docs/cases.md). Every version gives every value; a problem names the file, the key and the reason.
 *
 * <pre>
 * cases:
 *   - valid_from: 2021-01
 *     values: {due_days_red: 15, due_days_yellow: 30, evaluation_months: [3, 6], reopen_months: 6}
 * </pre>
 */
public record CaseDefinitions(String source, List<CaseParameters> versions) {

    public static final String SECTION = "cases";

    public CaseDefinitions {
        versions = List.copyOf(versions);
    }

    /** The version in force at a period (the earliest one before the first valid_from). */
    public CaseParameters at(Period p) {
        CaseParameters in = versions.get(0);
        for (CaseParameters v : versions) {
            if (v.validFrom().compareTo(p) <= 0) {
                in = v;
            }
        }
        return in;
    }

    public static CaseDefinitions read(Path file) {
        return RuleFile.read(file, CaseDefinitions::read);
    }

    /** Reads the {@code cases:} section of a warnings file; every problem is reported at once with its key. */
    public static CaseDefinitions read(InputStream in, String source) {
        Object root = RuleFile.yaml(in);
        List<String> problems = new ArrayList<>();
        List<CaseParameters> out = new ArrayList<>();
        Object section = root instanceof Map<?, ?> m ? m.get(SECTION) : null;
        if (!(section instanceof List<?> list) || list.isEmpty()) {
            throw new RuleFile.ProblemsException(source, List.of(SECTION + ": missing; a list of dated versions "
                    + "{valid_from, values: {due_days_red, due_days_yellow, evaluation_months, reopen_months}} is required"));
        }
        Period last = null;
        for (int i = 0; i < list.size(); i++) {
            String key = SECTION + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> v)) {
                problems.add(key + ": must be a mapping with valid_from and values");
                continue;
            }
            Period from = RuleFile.period(v.get("valid_from"), key + ".valid_from", problems);
            if (from != null && last != null && from.compareTo(last) <= 0) {
                problems.add(key + ".valid_from: " + from + " is not after the previous version's " + last);
            }
            if (from != null) {
                last = from;
            }
            if (!(v.get("values") instanceof Map<?, ?> values)) {
                problems.add(key + ".values: a mapping is required");
                continue;
            }
            int before = problems.size();
            int red = days(values, "due_days_red", key, problems);
            int yellow = days(values, "due_days_yellow", key, problems);
            int reopen = days(values, "reopen_months", key, problems);
            List<Integer> months = new ArrayList<>();
            Object ms = values.get("evaluation_months");
            if (!(ms instanceof List<?> ml) || ml.isEmpty()) {
                problems.add(key + ".values.evaluation_months: a list of whole months after the first assistance, "
                        + "ascending (e.g. [3, 6]), is required");
            } else {
                for (Object o : ml) {
                    if (!(o instanceof Integer n) || n < 1 || n > 24 || (!months.isEmpty() && n <= months.get(months.size() - 1))) {
                        problems.add(key + ".values.evaluation_months: '" + o + "' must be a whole number of months "
                                + "1–24, ascending");
                        break;
                    }
                    months.add(n);
                }
            }
            for (Object k : values.keySet()) {
                if (!List.of("due_days_red", "due_days_yellow", "reopen_months", "evaluation_months").contains(k)) {
                    problems.add(key + ".values." + k + ": unknown parameter");
                }
            }
            if (problems.size() == before && from != null) {
                out.add(new CaseParameters(from, source + ":" + key, red, yellow, months, reopen));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFile.ProblemsException(source, problems);
        }
        return new CaseDefinitions(source, out);
    }

    private static int days(Map<?, ?> values, String name, String key, List<String> problems) {
        Object o = values.get(name);
        if (!(o instanceof Integer n) || n < 0 || n > 366) {
            problems.add(key + ".values." + name + ": " + (o == null ? "missing" : "'" + o + "' is not")
                    + " a whole number 0–366");
            return 0;
        }
        return n;
    }
}
