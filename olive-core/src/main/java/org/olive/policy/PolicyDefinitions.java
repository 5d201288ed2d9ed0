package org.olive.policy;

import org.olive.period.Period;
import org.olive.rule.DatedParameters;
import org.olive.rule.FactVariable;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleException;
import org.olive.rule.RuleFile;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy library of a county profile ({@code policies.yaml}; 政策一本账, domain.md §9, docs/policies.md). Each policy
 * has a code, names, the responsible department, a kind (发展型 developmental or 兜底型 safety-net), its unit (a person or
 * a family), a frequency, the key groups it targets, the townships it is limited to, where its payments are read from,
 * and dated, versioned rules: an eligibility rule (CEL, boolean) and an amount formula (CEL, a number: yuan a payment)
 * over the facts of {@link PolicyVariables} and the file's dated parameters. One loader; {@link #at(Period)} compiles
 * the versions in force.
 *
 * @param version    the file's version
 * @param source     the file's name for messages
 * @param parameters the parameters' versions, oldest first
 * @param policies   the policies, in file order
 */
public record PolicyDefinitions(String version, String source, List<DatedParameters.Version> parameters,
                                List<Policy> policies) {

    /** 发展型 (developmental: raises earning capacity) or 兜底型 (safety net). */
    public enum Kind { DEVELOPMENTAL, SAFETY_NET }

    /** Who a policy pays: a person or a family. */
    public enum Unit { PERSON, FAMILY }

    /** How often a policy pays; the default window in which a payment counts as receiving it. */
    public enum Frequency {
        MONTHLY(1), QUARTERLY(3), YEARLY(12), ONCE(24);

        private final int window;

        Frequency(int window) {
            this.window = window;
        }

        /** Months back from the period (the period included) in which a payment counts as receiving. */
        public int defaultWindow() {
            return window;
        }
    }

    /**
     * Where a policy's payments are read from: the 一卡通 disbursements ({@code subsidy_payment}, rows with the policy's
     * code) or an open spell of the civil-affairs assistance register ({@code assistance:TYPE}, e.g. 低保 DIBAO, whose
     * money the income step counts from that register, never twice).
     */
    public record Receipts(String dataset, String assistanceType) {
        public static final String SUBSIDY = "subsidy_payment";
        public static final String ASSISTANCE = "assistance";

        public boolean fromAssistance() {
            return ASSISTANCE.equals(dataset);
        }

        @Override
        public String toString() {
            return assistanceType == null ? dataset : dataset + ":" + assistanceType;
        }
    }

    /** One version of a policy's rules: {@code version} is {@code CODE@n}; valid from a month, to a month or open. */
    public record PolicyVersion(String version, Period validFrom, Period validTo, String eligible, String amount) {
        public boolean inForce(Period p) {
            return validFrom.compareTo(p) <= 0 && (validTo == null || validTo.compareTo(p) >= 0);
        }
    }

    /** A policy. */
    public record Policy(String code, String nameZh, String nameEn, String department, Kind kind, Unit unit,
                         Frequency frequency, int receiptMonths, Receipts receipts, List<String> targetGroups,
                         List<String> areas, String basis, List<PolicyVersion> versions) {
        /** The version in force at {@code p}: the latest that began by then and has not ended. */
        public Optional<PolicyVersion> at(Period p) {
            PolicyVersion in = null;
            for (PolicyVersion v : versions) {
                if (v.validFrom().compareTo(p) <= 0) {
                    in = v;
                }
            }
            return in != null && in.inForce(p) ? Optional.of(in) : Optional.empty();
        }

        /** Whether the policy applies in a township (an empty list: the whole county). */
        public boolean appliesIn(String township) {
            return areas.isEmpty() || (township != null && areas.contains(township));
        }
    }

    public static PolicyDefinitions read(Path file) {
        return RuleFile.read(file, PolicyDefinitions::read);
    }

    /** Reads and checks a policies file: every rule is compiled, every problem reported at once with its key. */
    public static PolicyDefinitions read(InputStream in, String source) {
        Object root = RuleFile.yaml(in);
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> map)) {
            throw new RuleFile.ProblemsException(source, List.of("the file must be a mapping with version, parameters and policies"));
        }
        String version = RuleFile.text(map.get("version"));
        if (version.isEmpty()) {
            problems.add("version: missing");
        }
        // parameters are optional: a library whose amounts are all written in its formulas has none
        List<DatedParameters.Version> parameters = map.get("parameters") == null ? List.of()
                : DatedParameters.parse(map.get("parameters"), problems);
        Map<String, FactVariable.Type> types = DatedParameters.types(parameters, problems);
        RuleCompiler personRules = compiler(PolicyVariables.PERSON, types, problems);
        RuleCompiler familyRules = compiler(PolicyVariables.FAMILY, types, problems);
        List<Policy> policies = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Object ps = map.get("policies");
        if (!(ps instanceof List<?> list) || list.isEmpty()) {
            problems.add("policies: a list of policies is required");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String key = "policies[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> r)) {
                    problems.add(key + ": must be a mapping");
                    continue;
                }
                String code = RuleFile.text(r.get("code"));
                key += code.isEmpty() ? "" : " (" + code + ")";
                if (!code.matches("[A-Z][A-Z0-9_]{1,32}")) {
                    problems.add(key + ".code: '" + code + "' must be 2–33 upper-case letters, digits or _ (it names ledger figures)");
                } else if (!codes.add(code)) {
                    problems.add(key + ".code: duplicate code " + code);
                }
                String nameZh = RuleFile.text(r.get("name_zh"));
                if (nameZh.isEmpty()) {
                    problems.add(key + ".name_zh: missing");
                }
                String department = RuleFile.text(r.get("department"));
                if (department.isEmpty()) {
                    problems.add(key + ".department: missing (the department the push list goes to)");
                }
                Kind kind = choice(Kind.class, r.get("kind"), key + ".kind", problems);
                Unit unit = choice(Unit.class, r.get("unit"), key + ".unit", problems);
                Frequency frequency = choice(Frequency.class, r.get("frequency"), key + ".frequency", problems);
                int receiptMonths = frequency == null ? 1 : frequency.defaultWindow();
                if (r.get("receipt_months") != null) {
                    try {
                        receiptMonths = Integer.parseInt(RuleFile.text(r.get("receipt_months")));
                        if (receiptMonths < 1 || receiptMonths > 60) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        problems.add(key + ".receipt_months: '" + RuleFile.text(r.get("receipt_months"))
                                + "' must be a whole number of months, 1–60");
                    }
                }
                Receipts receipts = receipts(RuleFile.text(r.get("receipts")), key + ".receipts", problems);
                List<String> groups = strings(r.get("target_groups"), key + ".target_groups", problems);
                List<String> areas = strings(r.get("areas"), key + ".areas", problems);
                for (String a : areas) {
                    if (!a.matches("\\d{9}")) {
                        problems.add(key + ".areas: '" + a + "' is not a 9-digit township code");
                    }
                }
                RuleCompiler rules = unit == Unit.FAMILY ? familyRules : personRules;
                List<PolicyVersion> versions = new ArrayList<>();
                Object vs = r.get("versions");
                if (!(vs instanceof List<?> vl) || vl.isEmpty()) {
                    problems.add(key + ".versions: at least one version is required");
                } else {
                    Set<String> seen = new HashSet<>();
                    for (int j = 0; j < vl.size(); j++) {
                        String vk = key + ".versions[" + j + "]";
                        if (!(vl.get(j) instanceof Map<?, ?> v)) {
                            problems.add(vk + ": must be a mapping with version, valid_from, eligible and amount");
                            continue;
                        }
                        String n = RuleFile.text(v.get("version"));
                        if (n.isEmpty() || !seen.add(n)) {
                            problems.add(vk + ".version: missing or duplicate");
                        }
                        Period from = RuleFile.period(v.get("valid_from"), vk + ".valid_from", problems);
                        Period to = v.get("valid_to") == null ? null
                                : RuleFile.period(v.get("valid_to"), vk + ".valid_to", problems);
                        if (from != null && to != null && to.compareTo(from) < 0) {
                            problems.add(vk + ".valid_to: " + to + " is before valid_from " + from);
                        }
                        String eligible = RuleFile.text(v.get("eligible"));
                        String amount = RuleFile.text(v.get("amount"));
                        if (rules != null && unit != null) {
                            RuleFile.check(rules, vk + ".eligible", eligible, false, problems);
                            try {
                                rules.compileAmount(vk + ".amount", amount);
                            } catch (RuleException e) {
                                e.problems().forEach(p -> problems.add(vk + ".amount: " + p));
                            }
                        }
                        if (from != null) {
                            versions.add(new PolicyVersion(code + "@" + n, from, to, eligible, amount));
                        }
                    }
                    versions.sort(Comparator.comparing(PolicyVersion::validFrom));
                }
                if (kind != null && unit != null && frequency != null && receipts != null) {
                    policies.add(new Policy(code, nameZh, RuleFile.text(r.get("name_en")), department, kind, unit,
                            frequency, receiptMonths, receipts, groups, areas, RuleFile.text(r.get("basis")),
                            List.copyOf(versions)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFile.ProblemsException(source, problems);
        }
        return new PolicyDefinitions(version, source, List.copyOf(parameters), List.copyOf(policies));
    }

    private static RuleCompiler compiler(List<FactVariable> facts, Map<String, FactVariable.Type> parameters,
                                         List<String> problems) {
        List<FactVariable> vars = new ArrayList<>(facts);
        parameters.forEach((k, t) -> vars.add(new FactVariable(k, t, "parameter of policies.yaml")));
        try {
            return new RuleCompiler(vars);
        } catch (IllegalArgumentException e) {
            if (problems.stream().noneMatch(p -> p.startsWith("parameters: "))) {
                problems.add("parameters: " + e.getMessage() + " (a parameter may not have the name of a fact)");
            }
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Object o, String key, List<String> problems) {
        String s = RuleFile.text(o);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        problems.add(key + ": '" + s + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static Receipts receipts(String s, String key, List<String> problems) {
        if (s.isEmpty() || s.equals(Receipts.SUBSIDY)) {
            return new Receipts(Receipts.SUBSIDY, null);
        }
        if (s.startsWith(Receipts.ASSISTANCE + ":") && s.length() > Receipts.ASSISTANCE.length() + 1) {
            String type = s.substring(Receipts.ASSISTANCE.length() + 1);
            if (List.of("DIBAO", "DIBIAN", "TEKUN", "TEMPORARY", "EXPENDITURE").contains(type)) {
                return new Receipts(Receipts.ASSISTANCE, type);
            }
        }
        problems.add(key + ": '" + s + "' must be subsidy_payment or assistance:TYPE (DIBAO, DIBIAN, TEKUN, TEMPORARY, "
                + "EXPENDITURE)");
        return null;
    }

    private static List<String> strings(Object o, String key, List<String> problems) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            problems.add(key + ": must be a list");
            return List.of();
        }
        return l.stream().map(RuleFile::text).filter(s -> !s.isEmpty()).toList();
    }

    /** The codes of the policies, in file order (the disbursements' codes are checked against them). */
    public List<String> codes() {
        return policies.stream().map(Policy::code).toList();
    }

    /** A policy by code. */
    public Optional<Policy> policy(String code) {
        return policies.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * The problems of a new version of a policy (the web editor's check), empty when it may be saved: the eligibility
     * rule compiles as a boolean and the amount as a number over the policy's unit's facts and the parameters, the
     * number is the policy's next ({@code n}), valid_from is not before the latest version's, valid_to not before
     * valid_from. Each problem names the field.
     */
    public List<String> check(String code, int n, Period validFrom, Period validTo, String eligible, String amount) {
        List<String> problems = new ArrayList<>();
        Optional<Policy> p = policy(code);
        if (p.isEmpty()) {
            return List.of("code: '" + code + "' is not a policy of " + source);
        }
        Policy x = p.get();
        int next = nextVersion(code);
        if (n != next) {
            problems.add("version: " + n + " is not the next version of " + code + " (" + next + ")");
        }
        PolicyVersion latest = x.versions().isEmpty() ? null : x.versions().get(x.versions().size() - 1);
        if (validFrom == null) {
            problems.add("valid_from: missing");
        } else if (latest != null && validFrom.compareTo(latest.validFrom()) < 0) {
            problems.add("valid_from: " + validFrom + " is before the latest version's " + latest.validFrom()
                    + " (a version never rewrites the past that runs have used)");
        }
        if (validFrom != null && validTo != null && validTo.compareTo(validFrom) < 0) {
            problems.add("valid_to: " + validTo + " is before valid_from " + validFrom);
        }
        RuleCompiler rules = new RuleCompiler(variables(x.unit()));
        String name = code + "@" + n;
        RuleFile.check(rules, "eligible", eligible, false, problems);
        try {
            rules.compileAmount(name + " amount", amount);
        } catch (RuleException e) {
            e.problems().forEach(m -> problems.add("amount: " + m));
        }
        return problems;
    }

    /** The number the next version of a policy takes (1 for an unknown code). */
    public int nextVersion(String code) {
        return policy(code).map(x -> x.versions().stream().mapToInt(v -> number(v.version())).max().orElse(0) + 1)
                .orElse(1);
    }

    /** The number of a version {@code CODE@n}. */
    static int number(String version) {
        try {
            return Integer.parseInt(version.substring(version.indexOf('@') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * These definitions with versions added to their policies (the web editor's saved versions laid over the
     * profile's); a version is {@code CODE@n} and is placed by its valid_from.
     */
    public PolicyDefinitions withVersions(Map<String, List<PolicyVersion>> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Policy> out = new ArrayList<>();
        for (Policy x : policies) {
            List<PolicyVersion> more = added.getOrDefault(x.code(), List.of());
            if (more.isEmpty()) {
                out.add(x);
                continue;
            }
            List<PolicyVersion> vs = new ArrayList<>(x.versions());
            vs.addAll(more);
            vs.sort(Comparator.comparing(PolicyVersion::validFrom).thenComparing(v -> number(v.version())));
            out.add(new Policy(x.code(), x.nameZh(), x.nameEn(), x.department(), x.kind(), x.unit(), x.frequency(),
                    x.receiptMonths(), x.receipts(), x.targetGroups(), x.areas(), x.basis(), List.copyOf(vs)));
        }
        return new PolicyDefinitions(version, source, parameters, List.copyOf(out));
    }

    /** The parameters in force at {@code p}. */
    public Optional<DatedParameters.Version> parametersAt(Period p) {
        return DatedParameters.at(parameters, p);
    }

    /** The policies and parameters in force at {@code p}, compiled (once per run and period). */
    public PolicyClassifier at(Period p) {
        return new PolicyClassifier(this, p);
    }

    /**
     * The variables a unit's rules are compiled over: the unit's facts and the parameters (public so that a reform,
     * org.olive.policy.reform, compiles its rules over exactly what {@link #at} compiles them over).
     */
    public List<FactVariable> variables(Unit unit) {
        List<FactVariable> vars = new ArrayList<>(unit == Unit.FAMILY ? PolicyVariables.FAMILY : PolicyVariables.PERSON);
        if (!parameters.isEmpty()) {
            parameters.get(0).values().forEach((k, v) -> vars.add(new FactVariable(k,
                    v instanceof Long ? FactVariable.Type.INT : FactVariable.Type.DOUBLE, "parameter of policies.yaml")));
        }
        return vars;
    }
}
