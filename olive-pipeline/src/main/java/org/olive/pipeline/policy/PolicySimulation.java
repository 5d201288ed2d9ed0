package org.olive.pipeline.policy;

import org.olive.income.Bracket;
import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;
import org.olive.income.FamilyIncomeRules;
import org.olive.income.IncomeRulesAt;
import org.olive.period.Period;
import org.olive.pipeline.warning.WarningStep;
import org.olive.policy.PolicyClassifier;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Frequency;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyVariables;
import org.olive.policy.reform.Reform;
import org.olive.whatif.Measures;
import org.olive.whatif.Poverty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ex-ante simulation of a policy reform (政策施行可预测, docs/policy-simulation.md). The baseline is the policy
 * library in force at the period over the period's subjects ({@link PolicySubjects}: the facts step policies saw); the
 * reform is the same library with the reform laid over it ({@link Reform#apply}). Both are evaluated by the step's own
 * matching ({@link PolicyMatching#eligible}). Per policy: beneficiaries and annual cost (the amount of a payment × the
 * payments a year of its frequency), in the county, by decile of per-capita DI, by key group and by township; the
 * families whose annual policy income rises or falls; and the county's distribution (Gini, FGT at the 低保 and 低边
 * lines, the brackets of income.yaml) with each family's DI moved by the change of its annual policy income. Static: no
 * behavioural response, no take-up below 100 %, the baseline's policy income is taken as already in the stored DI.
 */
public final class PolicySimulation {

    /** The breakdown key of the whole county, and the policy code of all policies together. */
    public static final String ALL = "ALL";
    /** The decile of subjects whose family has no income figure at the period. */
    public static final String NO_DECILE = "none";

    private final FamilyIncomeRules income;

    public PolicySimulation(FamilyIncomeRules income) {
        this.income = income;
    }

    /** Beneficiaries and annual cost of one policy (or all) in one cell of a breakdown, before and after. */
    public record Cell(String policy, String breakdown, String key, long beneficiariesBefore, long beneficiariesAfter,
                       double costBefore, double costAfter) {
        public double costChange() {
            return costAfter - costBefore;
        }
    }

    /** A policy's county figures, before and after; {@code inForceBefore} false for a policy the reform adds. */
    public record PolicyRow(String code, String name, String unit, String frequency, int paymentsAYear,
                            boolean inForceBefore, boolean inForceAfter, long beneficiariesBefore,
                            long beneficiariesAfter, double costBefore, double costAfter, String versionBefore,
                            String versionAfter) {
        public double costChange() {
            return costAfter - costBefore;
        }
    }

    /** A family whose annual policy income changes: before, after (yuan a year) and its per-capita DI before and after. */
    public record FamilyChange(String familyKey, String township, int residents, double policyIncomeBefore,
                               double policyIncomeAfter, double perCapitaBefore, double perCapitaAfter) {
        public double change() {
            return policyIncomeAfter - policyIncomeBefore;
        }
    }

    /**
     * The county's distribution before and after: {@link Measures} at the 低保 standard (Gini, FGT 0/1/2, brackets,
     * families below 低保 and 低边) and FGT 0/1/2 at each family's 低边 line.
     */
    public record Distribution(Measures before, Measures after, double[] fgtDibianBefore, double[] fgtDibianAfter) {
    }

    /**
     * The outcome of a simulation.
     *
     * @param personsWithoutFamily persons receiving a policy who belong to no family
     * @param outsideChange        the change of the annual cost for subjects outside the families with an income figure
     *                             (persons without a family, members of families without residents): not in any
     *                             family's DI
     */
    public record Result(String reform, String title, String period, List<String> changes, List<PolicyRow> policies,
                         List<Cell> cells, long winners, long losers, double gains, double losses,
                         List<FamilyChange> largestGains, List<FamilyChange> largestLosses,
                         long personsWithoutFamily, double outsideChange, Distribution distribution,
                         List<String> notes, long readMillis, long simulateMillis, Map<String, Long> parts) {

        /** The cells of one breakdown for one policy (or {@link #ALL}), in key order. */
        public List<Cell> cells(String policy, String breakdown) {
            return cells.stream().filter(c -> c.policy().equals(policy) && c.breakdown().equals(breakdown)).toList();
        }

        /** All policies together in the county. */
        public Cell total() {
            return cells(ALL, "county").stream().findFirst()
                    .orElse(new Cell(ALL, "county", ALL, 0, 0, 0, 0));
        }
    }

    /**
     * The subjects of a period, built once and evaluated under both libraries: the persons and families with their
     * policy facts, and the families' rows of family_income (area, residents, DI, rigid expenditure).
     */
    public record Input(Period period, List<PolicySubjects.Subject> persons, List<PolicySubjects.Subject> families,
                        List<WarningStep.FamilyRow> rows, Map<String, List<PolicySubjectsReader.Stored>> stored,
                        long readMillis) {

        /** The subjects a reader read from the tables a run left. */
        public static Input of(PolicySubjectsReader.Read read) {
            long t0 = System.nanoTime();
            List<PolicySubjects.Subject> persons = read.subjects().persons(s -> s);
            List<PolicySubjects.Subject> families = read.subjects().families(s -> s);
            return new Input(read.subjects().period(), persons, families, read.families(), read.stored(),
                    read.millis() + (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Payments a year of a policy's frequency: a one-off payment counts once in the year it is paid. */
    public static int paymentsAYear(Frequency f) {
        return switch (f) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY, ONCE -> 1;
        };
    }

    /**
     * Simulates the reform over the subjects read for the period.
     *
     * @param library the profile's policies.yaml (the baseline)
     * @param largest how many of the largest gains and losses to list
     */
    public Result run(PolicyDefinitions library, Reform reform, Input read, int largest) {
        long t0 = System.nanoTime();
        Period period = read.period();
        PolicyClassifier before = library.at(period);
        PolicyDefinitions reformed = reform.apply(library);
        PolicyClassifier after = reformed.at(period);
        Map<String, Long> parts = new LinkedHashMap<>();
        long lap = System.nanoTime();
        // only the policies the reform touches are evaluated again: the others give the baseline's subjects
        Set<String> changed = changed(library, reformed, reform, period);
        // the baseline of the others is what step policies stored, when it stored it with the versions in force now
        Set<String> reused = reusable(before, changed, read.stored());
        Map<String, List<PolicyMatching.Hit>> hitsBefore = new HashMap<>(PolicyMatching.eligible(
                restricted(library, code -> !reused.contains(code)).at(period), read.persons(), read.families()).byPolicy());
        hitsBefore.putAll(storedHits(before, reused, read));
        PolicyMatching.Eligible eligibleBefore = new PolicyMatching.Eligible(hitsBefore);
        lap = lap(parts, "baseline", lap);
        PolicyClassifier afterChanged = restricted(reformed, changed::contains).at(period);
        Map<String, List<PolicyMatching.Hit>> hitsAfter = new HashMap<>(eligibleBefore.byPolicy());
        hitsAfter.keySet().removeAll(changed);
        hitsAfter.putAll(PolicyMatching.eligible(afterChanged, read.persons(), read.families()).byPolicy());
        PolicyMatching.Eligible eligibleAfter = new PolicyMatching.Eligible(hitsAfter);
        lap = lap(parts, "reform", lap);

        // deciles of per-capita DI, persons weighted, over the families with an income figure
        Map<String, String> decile = deciles(read.rows());
        Map<String, Policy> policies = new LinkedHashMap<>();
        before.inForce().forEach(p -> policies.put(p.code(), p));
        after.inForce().forEach(p -> policies.putIfAbsent(p.code(), p));
        Map<String, Policy> afterPolicies = new HashMap<>();
        after.inForce().forEach(p -> afterPolicies.put(p.code(), p));

        Tally tally = new Tally();
        Map<String, double[]> familyIncome = new HashMap<>(); // family → policy income a year before, after
        Set<String> noFamilyPersons = new HashSet<>();
        for (int side = 0; side < 2; side++) {
            PolicyMatching.Eligible e = side == 0 ? eligibleBefore : eligibleAfter;
            for (Policy p : policies.values()) {
                Policy own = side == 0 ? p : afterPolicies.getOrDefault(p.code(), p);
                int n = paymentsAYear(own.frequency());
                for (PolicyMatching.Hit h : e.of(p.code())) {
                    PolicySubjects.Subject s = h.subject();
                    // a payment is money, to the fen, as policy_match stores it
                    double amount = Double.isNaN(h.eligibility().amount()) ? 0 : round(h.eligibility().amount()) * n;
                    String subject = s.kind() + "|" + s.key();
                    String d = s.family() == null ? NO_DECILE : decile.getOrDefault(s.family(), NO_DECILE);
                    tally.add(side, p.code(), subject, amount, "county", ALL);
                    tally.add(side, p.code(), subject, amount, "decile", d);
                    tally.add(side, p.code(), subject, amount, "township", s.township() == null ? "" : s.township());
                    for (String g : groups(s)) {
                        tally.add(side, p.code(), subject, amount, "group", g);
                    }
                    if (s.family() != null) {
                        familyIncome.computeIfAbsent(s.family(), k -> new double[2])[side] += amount;
                    } else {
                        noFamilyPersons.add(s.key());
                    }
                }
            }
        }

        List<PolicyRow> rows = new ArrayList<>();
        Map<String, String> versionsBefore = before.versions();
        Map<String, String> versionsAfter = after.versions();
        for (Policy p : policies.values()) {
            Cell c = tally.cell(p.code(), "county", ALL);
            Policy own = afterPolicies.getOrDefault(p.code(), p);
            rows.add(new PolicyRow(p.code(), p.nameZh(), p.unit().name(), own.frequency().name(),
                    paymentsAYear(own.frequency()), versionsBefore.containsKey(p.code()),
                    versionsAfter.containsKey(p.code()), c.beneficiariesBefore(), c.beneficiariesAfter(), c.costBefore(),
                    c.costAfter(), versionsBefore.getOrDefault(p.code(), ""), versionsAfter.getOrDefault(p.code(), "")));
        }

        lap = lap(parts, "costs", lap);
        // families: winners and losers, and the distribution with each family's DI moved by its change
        IncomeRulesAt rules = income.at(period);
        List<String> bracketIds = rules.brackets().stream().map(Bracket::id).toList();
        // each family on its own, on all cores; gathered in the families' order
        record Side(Measures.Unit before, Measures.Unit after, double[] dibian, FamilyChange change) {
        }
        List<Side> sides = read.rows().parallelStream().filter(f -> f.residents() > 0).map(f -> {
            double[] pi = familyIncome.getOrDefault(f.key(), new double[2]);
            double delta = pi[1] - pi[0];
            FamilyArea area = new FamilyArea(f.township(), f.village(), f.urban());
            double dibao = rules.lines().dibao(area).amount();
            double dibianLine = rules.lines().dibian(area).amount();
            double perCapitaBefore = f.di() / f.residents();
            double perCapitaAfter = (f.di() + delta) / f.residents();
            return new Side(new Measures.Unit(perCapitaBefore, dibao, f.residents(), flags(perCapitaBefore, f.di(), dibao, dibianLine, rules), ""),
                    new Measures.Unit(perCapitaAfter, dibao, f.residents(), delta == 0 ? flags(perCapitaBefore, f.di(), dibao, dibianLine,
                            rules) : flags(perCapitaAfter, f.di() + delta, dibao, dibianLine, rules), ""),
                    new double[] {perCapitaBefore, perCapitaAfter, dibianLine, f.residents()},
                    Math.abs(delta) < 0.005 ? null : new FamilyChange(f.key(), f.township(), f.residents(), round(pi[0]),
                            round(pi[1]), round(perCapitaBefore), round(perCapitaAfter)));
        }).toList();
        List<Measures.Unit> unitsBefore = sides.stream().map(Side::before).toList();
        List<Measures.Unit> unitsAfter = sides.stream().map(Side::after).toList();
        List<double[]> dibian = sides.stream().map(Side::dibian).toList();
        List<FamilyChange> changes = sides.stream().map(Side::change).filter(java.util.Objects::nonNull).toList();
        long winners = changes.stream().filter(c -> c.change() > 0).count();
        long losers = changes.stream().filter(c -> c.change() < 0).count();
        double gains = changes.stream().filter(c -> c.change() > 0).mapToDouble(FamilyChange::change).sum();
        double losses = changes.stream().filter(c -> c.change() < 0).mapToDouble(FamilyChange::change).sum();
        List<FamilyChange> up = changes.stream().filter(c -> c.change() > 0)
                .sorted(Comparator.comparingDouble(FamilyChange::change).reversed().thenComparing(FamilyChange::familyKey))
                .limit(largest).toList();
        List<FamilyChange> down = changes.stream().filter(c -> c.change() < 0)
                .sorted(Comparator.comparingDouble(FamilyChange::change).thenComparing(FamilyChange::familyKey))
                .limit(largest).toList();
        Distribution distribution = new Distribution(Measures.of(unitsBefore, bracketIds),
                Measures.of(unitsAfter, bracketIds), fgt(dibian, 0), fgt(dibian, 1));

        lap(parts, "distribution", lap);
        List<String> notes = new ArrayList<>();
        notes.add("static: every eligible subject takes the policy up, no one changes behaviour; a family's DI moves by "
                + "the change of its annual policy amounts (the baseline's policy income is taken as in its stored DI)");
        notes.add("annual cost = amount of a payment × payments a year (MONTHLY 12, QUARTERLY 4, YEARLY 1, ONCE 1)");
        notes.add("deciles of per-capita DI weighted by residents over the " + read.rows().size()
                + " families with an income figure; '" + NO_DECILE + "': subjects whose family has none");
        before.failures().forEach((r, n) -> notes.add("baseline rule " + r + " failed for " + n + " subject(s), "
                + "counted as not eligible or with no amount"));
        if (!reused.isEmpty()) {
            notes.add("baseline read from policy_match, as step policies stored it: " + String.join(", ",
                    new java.util.TreeSet<>(reused)));
        }
        notes.add("evaluated again under the reform: " + (changed.isEmpty() ? "no policy" : String.join(", ",
                new java.util.TreeSet<>(changed))) + " (the others' rules and parameters are unchanged)");
        afterChanged.failures().forEach((r, n) -> notes.add("reform rule " + r + " failed for " + n + " subject(s), "
                + "counted as not eligible or with no amount"));
        return new Result(reform.name(), reform.title(), period.toString(), reform.changes(), rows, tally.cells(),
                winners, losers, round(gains), round(losses), up, down, noFamilyPersons.size(),
                round(tally.cell(ALL, "county", ALL).costChange() - gains - losses), distribution, notes, read.readMillis(),
                (System.nanoTime() - t0) / 1_000_000, parts);
    }

    private static long lap(Map<String, Long> parts, String name, long since) {
        long now = System.nanoTime();
        parts.put(name, (now - since) / 1_000_000);
        return now;
    }

    /**
     * The codes of the policies whose outcome the reform can change at the period: added, no longer or newly in force,
     * another rule in force, or a rule naming a parameter the reform sets (a word match on the rule's text: a name in
     * a string literal only makes a policy be evaluated again for nothing).
     */
    static Set<String> changed(PolicyDefinitions library, PolicyDefinitions reformed, Reform reform, Period period) {
        Set<String> out = new HashSet<>();
        List<java.util.regex.Pattern> parameters = reform.parameters().keySet().stream()
                .map(k -> java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(k) + "\\b")).toList();
        for (Policy p : reformed.policies()) {
            PolicyDefinitions.PolicyVersion now = p.at(period).orElse(null);
            PolicyDefinitions.PolicyVersion was = library.policy(p.code()).flatMap(x -> x.at(period)).orElse(null);
            if (now == null && was == null) {
                continue;
            }
            if (now == null || was == null || !now.eligible().equals(was.eligible()) || !now.amount().equals(was.amount())
                    || parameters.stream().anyMatch(x -> x.matcher(now.eligible()).find() || x.matcher(now.amount()).find())) {
                out.add(p.code());
            }
        }
        return out;
    }

    /** The library with only the policies whose code passes. */
    private static PolicyDefinitions restricted(PolicyDefinitions d, java.util.function.Predicate<String> code) {
        return new PolicyDefinitions(d.version(), d.source(), d.parameters(),
                d.policies().stream().filter(p -> code.test(p.code())).toList());
    }

    /**
     * The policies in force whose baseline can be taken from policy_match: not changed by the reform, and stored with
     * the rule version in force now (a library edited since the run is evaluated again). None when the run stored
     * nothing for the period.
     */
    static Set<String> reusable(PolicyClassifier before, Set<String> changed,
                                Map<String, List<PolicySubjectsReader.Stored>> stored) {
        Set<String> out = new HashSet<>();
        if (stored.isEmpty()) {
            return out;
        }
        Map<String, String> versions = before.versions();
        for (Policy p : before.inForce()) {
            String v = versions.get(p.code());
            if (!changed.contains(p.code())
                    && stored.getOrDefault(p.code(), List.of()).stream().allMatch(x -> x.version().equals(v))) {
                out.add(p.code());
            }
        }
        return out;
    }

    /** The stored eligible subjects of the reused policies as hits, with the subjects' facts where the input has them. */
    private static Map<String, List<PolicyMatching.Hit>> storedHits(PolicyClassifier before, Set<String> reused,
                                                                   Input read) {
        Map<String, List<PolicyMatching.Hit>> out = new HashMap<>();
        if (reused.isEmpty()) {
            return out;
        }
        Map<String, PolicySubjects.Subject> subjects = new HashMap<>();
        read.persons().forEach(s -> subjects.put(s.kind() + "|" + s.key(), s));
        read.families().forEach(s -> subjects.put(s.kind() + "|" + s.key(), s));
        for (Policy p : before.inForce()) {
            if (!reused.contains(p.code())) {
                continue;
            }
            List<PolicyMatching.Hit> hits = new ArrayList<>();
            for (PolicySubjectsReader.Stored x : read.stored().getOrDefault(p.code(), List.of())) {
                PolicySubjects.Subject s = subjects.getOrDefault(x.kind() + "|" + x.key(), new PolicySubjects.Subject(
                        x.kind(), x.key(), x.family(), x.township(), new PolicyVariables.Facts(Map.of(), Map.of())));
                hits.add(new PolicyMatching.Hit(s, new PolicyClassifier.Eligibility(p, x.version(), x.amount(), "")));
            }
            out.put(p.code(), hits);
        }
        return out;
    }

    /**
     * The flags the measures count, as the income step sets them ({@code FamilyIncome.of}, whose reasons' text is not
     * needed here and costs most of its time): the brackets of income.yaml holding the family (Bracket.figure and
     * contains) and the 低保 and 低边 lines its per-capita DI is below.
     */
    private static Set<String> flags(double perCapita, double di, double dibao, double dibian, IncomeRulesAt rules) {
        Set<String> out = new HashSet<>(4);
        for (Bracket b : rules.brackets()) {
            if (b.contains(b.figure(perCapita, di, rules.typicalSize()))) {
                out.add(b.id());
            }
        }
        if (perCapita < dibao) {
            out.add(LinesAt.DIBAO);
        }
        if (perCapita < dibian) {
            out.add(LinesAt.DIBIAN);
        }
        return out;
    }

    /** FGT 0, 1, 2 at each family's 低边 line, before (side 0) or after (side 1). */
    private static double[] fgt(List<double[]> families, int side) {
        double[] y = new double[families.size()];
        double[] z = new double[families.size()];
        double[] w = new double[families.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = families.get(i)[side];
            z[i] = families.get(i)[2];
            w[i] = families.get(i)[3];
        }
        return new double[] {Poverty.fgt(y, z, w, 0), Poverty.fgt(y, z, w, 1), Poverty.fgt(y, z, w, 2)};
    }

    /** Decile 1..10 of each family by per-capita DI, persons weighted (the poorest tenth of residents is decile 1). */
    static Map<String, String> deciles(List<WarningStep.FamilyRow> families) {
        List<WarningStep.FamilyRow> sorted = new ArrayList<>(families.stream().filter(f -> f.residents() > 0).toList());
        sorted.sort(Comparator.comparingDouble(WarningStep.FamilyRow::perCapita).thenComparing(WarningStep.FamilyRow::key));
        double total = sorted.stream().mapToDouble(WarningStep.FamilyRow::residents).sum();
        Map<String, String> out = new HashMap<>();
        double cumulative = 0;
        for (WarningStep.FamilyRow f : sorted) {
            // the decile of the family's middle resident
            double middle = cumulative + f.residents() / 2.0;
            int d = Math.min(10, (int) Math.floor(middle / total * 10) + 1);
            out.put(f.key(), String.format(java.util.Locale.ROOT, "D%02d", d));
            cumulative += f.residents();
        }
        return out;
    }

    /** The key groups of a subject: a person's groups, a family's members' groups (the facts' {@code groups}). */
    @SuppressWarnings("unchecked")
    private static List<String> groups(PolicySubjects.Subject s) {
        Object g = s.facts().values().get("groups");
        return g instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Beneficiaries (distinct subjects) and cost per policy, breakdown and key, before and after. */
    private static final class Tally {
        private final Map<String, Set<String>[]> subjects = new TreeMap<>();
        private final Map<String, double[]> cost = new HashMap<>();

        @SuppressWarnings("unchecked")
        void add(int side, String policy, String subject, double amount, String breakdown, String key) {
            for (String p : new String[] {policy, ALL}) {
                String k = p + "\u0000" + breakdown + "\u0000" + key;
                subjects.computeIfAbsent(k, x -> new Set[] {new HashSet<String>(), new HashSet<String>()})[side].add(subject);
                cost.computeIfAbsent(k, x -> new double[2])[side] += amount;
            }
        }

        Cell cell(String policy, String breakdown, String key) {
            String k = policy + "\u0000" + breakdown + "\u0000" + key;
            Set<String>[] s = subjects.get(k);
            double[] c = cost.getOrDefault(k, new double[2]);
            return new Cell(policy, breakdown, key, s == null ? 0 : s[0].size(), s == null ? 0 : s[1].size(),
                    round(c[0]), round(c[1]));
        }

        List<Cell> cells() {
            List<Cell> out = new ArrayList<>();
            for (String k : subjects.keySet()) {
                String[] p = k.split("\u0000", -1);
                out.add(cell(p[0], p[1], p[2]));
            }
            return out;
        }
    }
}
