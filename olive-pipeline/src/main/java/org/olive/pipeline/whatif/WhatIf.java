package org.olive.pipeline.whatif;

import org.olive.fact.PersonFact;
import org.olive.income.Bracket;
import org.olive.income.Component;
import org.olive.income.DatedFigures;
import org.olive.income.FamilyArea;
import org.olive.income.FamilyFlag;
import org.olive.income.FamilyIncome;
import org.olive.income.FamilyIncomeRules;
import org.olive.income.IncomeLines;
import org.olive.income.IncomeRulesAt;
import org.olive.period.Period;
import org.olive.pipeline.fact.PersonFacts;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.warning.WarningStep;
import org.olive.warning.WarningClassifier;
import org.olive.warning.WarningDefinitions;
import org.olive.whatif.Household;
import org.olive.whatif.Measures;
import org.olive.whatif.Scenario;
import org.olive.whatif.Shock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The what-if (重大变量影响, docs/whatif.md): a scenario's shocks applied to the stored ledger of a period. Reads the
 * families (family_income), their resident members' DI (person_income) and income items (income_item), the key-group
 * memberships (group_member) and the person facts; recomputes every family's figures and flags with the same code as
 * the income step ({@link FamilyIncome#of}, the lines and brackets of income.yaml at the period) and its colour with the
 * same rules and facts as step warnings ({@link WarningStep#facts}, warnings.yaml), before and after the shocks. Before
 * is the stored ledger (WhatIfLedgerTest: the zero shock reproduces family_flag and family_warning). Writes nothing.
 */
public final class WhatIf {

    /** The income_item sources the income step writes (PreciseSources, the estimation and the declarations). */
    public static final Set<String> SOURCES = Set.of("iit_wages", "si_base", "housing_fund_base", "platform_work",
            "fishery_crew", "iit_business", "individual_business", "vessel_owner", "bnb", "aquaculture", "iit_property",
            "iit_rental", "rentals", "village_dividend", "benefits", "assistance", "subsidy_payment", "iit_tax", "si_personal",
            "housing_fund_personal", "model", "declared");

    /**
     * The person facts the warning rules use (a member's family and assistance spells, WarningStep.facts): the parts of
     * PersonFactsReader to read ({@link PersonFactsReader#only}).
     */
    public static final String[] FACTS = {"person_period", "family_member", "person_keys", "assistance"};

    private final FamilyIncomeRules incomeRules;
    private final WarningDefinitions warnings;
    private final PeriodFacts facts;

    /** The person facts of a period (the reader of step facts, PersonFactsReader). */
    @FunctionalInterface
    public interface PeriodFacts {
        PersonFacts read(Connection c, Period p) throws SQLException;
    }

    public WhatIf(FamilyIncomeRules incomeRules, WarningDefinitions warnings,
                  org.olive.vulnerability.VulnerabilitySettings vulnerabilitySettings, PeriodFacts facts) {
        this.incomeRules = incomeRules;
        this.warnings = warnings;
        this.vulnerabilitySettings = vulnerabilitySettings;
        this.facts = facts;
    }

    /** The county profile's vulnerability parameters: whether a cross-section model's figures fed the warnings. */
    private final org.olive.vulnerability.VulnerabilitySettings vulnerabilitySettings;

    /** The stored ledger of a period that a what-if reads; read once, used for any number of scenarios. */
    public record Ledger(Period period, List<WarningStep.FamilyRow> families, Map<String, Household> households,
                         Map<String, Double> yearAgo, Map<String, List<PersonFact>> members,
                         Map<String, Set<String>> storedFlags, Map<String, String> storedColours, long millis,
                         Map<String, Long> parts, Map<String, Double> vulnerability) {
    }

    /** Reads the stored ledger of the period with every income item; see {@link #read(Connection, Period, Scenario)}. */
    public Ledger read(Connection c, Period period) throws SQLException {
        return read(c, period, null);
    }

    /**
     * Reads the stored ledger of the period; empty families when the period has no income ledger. With a scenario, only
     * the income items its shocks can act on are read (by source, or by component for a shock without sources); the
     * ledger then serves that scenario (and any other acting on no other items).
     */
    public Ledger read(Connection c, Period period, Scenario scenario) throws SQLException {
        long t0 = System.nanoTime();
        Map<String, Long> parts = new LinkedHashMap<>();
        long[] last = {t0};
        String p = period.toString();
        List<WarningStep.FamilyRow> families = WarningStep.families(c, p);
        last[0] = lap(parts, "families", last[0]);
        Map<Long, List<Household.Item>> items = new HashMap<>();
        Set<String> sources = new TreeSet<>();
        Set<String> components = new TreeSet<>();
        boolean all = scenario == null;
        for (Shock s : scenario == null ? List.<Shock>of() : scenario.shocks()) {
            if (s.isLine()) {
                continue;
            }
            if (!s.sources().isEmpty()) {
                sources.addAll(s.sources());
            } else if (s.component() != null) {
                components.add(s.component().name());
            } else {
                all = true;
            }
        }
        // one condition where possible: the (data_period, source) index serves a source list (an OR would not)
        List<String> conditions = new ArrayList<>();
        if (!sources.isEmpty()) {
            conditions.add("i.source IN (" + marks(sources.size()) + ")");
        }
        if (!components.isEmpty()) {
            conditions.add("i.component IN (" + marks(components.size()) + ")");
        }
        String filter = all ? "" : conditions.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", conditions) + ")";
        // the residents' items (non-residents' items make no family figure; they are dropped when attached below)
        try (PreparedStatement ps = c.prepareStatement("SELECT i.person_key, i.component, i.source, i.amount FROM "
                + "income_item i WHERE i.data_period = ?" + filter)) {
            ps.setString(1, p);
            int n = 2;
            if (!all) {
                for (String x : sources) {
                    ps.setString(n++, x);
                }
                for (String x : components) {
                    ps.setString(n++, x);
                }
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(4)).add(new Household.Item(
                            Component.valueOf(rs.getString(2)), rs.getString(3), rs.getDouble(4)));
                }
            }
        }
        last[0] = lap(parts, "items", last[0]);
        Map<Long, Set<String>> groups = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, group_id FROM group_member WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.computeIfAbsent(rs.getLong(1), k -> new HashSet<>(2)).add(rs.getString(2));
                }
            }
        }
        last[0] = lap(parts, "groups", last[0]);
        // the members as FamilyIncomeTables reads them: residents of family_member with a person_income row
        Map<String, List<Household.Resident>> residents = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.family_key, pi.person_key, pi.disposable, pi.di_low, "
                + "pi.di_high FROM family_member m JOIN person_income pi ON pi.data_period = m.data_period AND "
                + "pi.person_key = m.person_key AND pi.resident = TRUE WHERE m.data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long k = rs.getLong(2);
                    residents.computeIfAbsent(rs.getString(1), x -> new ArrayList<>(4)).add(new Household.Resident(k,
                            rs.getBigDecimal(3).doubleValue(), rs.getBigDecimal(4).doubleValue(),
                            rs.getBigDecimal(5).doubleValue(), items.getOrDefault(k, List.of()),
                            groups.getOrDefault(k, Set.of())));
                }
            }
        }
        last[0] = lap(parts, "residents", last[0]);
        // in person-key order within a family, as FamilyIncomeTables sums them (sorted here, not by the database)
        residents.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(Household.Resident::personKey)));
        Map<String, Household> households = new LinkedHashMap<>();
        for (WarningStep.FamilyRow f : families) {
            households.put(f.key(), new Household(f.key(), f.township(), f.village(), f.urban(),
                    residents.getOrDefault(f.key(), List.of())));
        }
        Map<String, Double> yearAgo = WarningStep.perCapita(c, period.minusMonths(12).toString());
        last[0] = lap(parts, "year_ago", last[0]);
        // the families' stored vulnerability (step vulnerability): the shock moves a family's income now, not the
        // model's view of its future, so the rule `vulnerable` sees the stored figure before and after
        Map<String, Double> vulnerability = new HashMap<>();
        org.olive.pipeline.vulnerability.VulnerabilityOutputs.stored(c, period, vulnerabilitySettings)
                .forEach((k, v) -> vulnerability.put(k, v.probability()));
        Map<String, List<PersonFact>> members = new HashMap<>();
        PersonFacts read = facts.read(c, period);
        last[0] = lap(parts, "person_facts", last[0]);
        for (PersonFact f : read.all()) {
            if (f.familyKey() != null) {
                members.computeIfAbsent(f.familyKey(), k -> new ArrayList<>(4)).add(f);
            }
        }
        // the stored flags and colours: the before of the families no shock touches (equal to the recomputation,
        // WhatIfLedgerTest), so that only the families a shock touches are recomputed
        Map<String, Set<String>> storedFlags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, flag_id FROM family_flag WHERE data_period = ?")) {
            ps.setString(1, p);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    storedFlags.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>(2)).add(rs.getString(2));
                }
            }
        }
        Map<String, String> storedColours = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, colour FROM family_warning WHERE data_period = ?")) {
            ps.setString(1, p);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    storedColours.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        last[0] = lap(parts, "stored_flags_colours", last[0]);
        return new Ledger(period, families, households, yearAgo, members, storedFlags, storedColours,
                (System.nanoTime() - t0) / 1_000_000, parts, vulnerability);
    }

    /** {@code ?, ?, ?} for n values; a value no row has for none (SQL has no empty IN list). */
    private static String marks(int n) {
        return n == 0 ? "'-'" : String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static long lap(Map<String, Long> parts, String name, long since) {
        long now = System.nanoTime();
        parts.put(name, (now - since) / 1_000_000);
        return now;
    }

    /** One family's figures, flags and colour on one side of the scenario. */
    record Side(double perCapita, double dibao, Set<String> flags, WarningClassifier.Warning warning) {
        String colour() {
            return warning.colour().name();
        }
    }

    /** One family before and after. */
    private record Outcome(WarningStep.FamilyRow row, Household household, Side before, Side after,
                           Household.Shocked shocked) {
    }

    /** Runs the scenario over the period's stored ledger. */
    public WhatIfResult run(Ledger ledger, Scenario scenario, Map<String, String> townshipNames,
                            Map<String, String> groupNames) {
        long t0 = System.nanoTime();
        Period period = ledger.period();
        String p = period.toString();
        IncomeRulesAt before = incomeRules.at(period);
        IncomeRulesAt after = scenario.changesLines() ? withDibao(scenario).at(period) : before;
        List<String> bracketIds = before.brackets().stream().map(Bracket::id).toList();
        List<Outcome> outcomes = outcomes(ledger, scenario, before, after, false);

        // breakdowns: the county, each township, each group (weighted by the family's residents in the group)
        Map<String, List<Measures.Unit>[]> units = new LinkedHashMap<>();
        List<WhatIfResult.Change> changes = new ArrayList<>();
        Map<String, Long> colourChanges = new TreeMap<>();
        long affectedFamilies = 0;
        long affectedPersons = 0;
        Map<String, Double> byShock = new LinkedHashMap<>();
        scenario.shocks().forEach(s -> byShock.put(s.label(), 0.0));
        for (Outcome o : outcomes) {
            double residents = o.household().residents().size();
            add(units, "county|", o, residents);
            if (o.row().township() != null) {
                add(units, "township|" + o.row().township(), o, residents);
            }
            Map<String, Integer> inGroup = new TreeMap<>();
            for (Household.Resident r : o.household().residents()) {
                r.groups().forEach(g -> inGroup.merge(g, 1, Integer::sum));
            }
            inGroup.forEach((g, n) -> add(units, "group|" + g, o, n));
            if (!o.shocked().deltas().isEmpty()) {
                affectedFamilies++;
                affectedPersons += (long) residents;
                o.shocked().deltas().forEach((s, d) -> byShock.merge(s.label(), d, Double::sum));
            }
            boolean colour = !o.before().colour().equals(o.after().colour());
            boolean flags = !o.before().flags().equals(o.after().flags());
            if (colour || flags) {
                if (colour) {
                    colourChanges.merge(o.before().colour() + "→" + o.after().colour(), 1L, Long::sum);
                }
                List<String> reasons = new ArrayList<>();
                o.shocked().deltas().forEach((s, d) -> reasons.add(s.label() + ": DI " + money(d)
                        + (s.note().isBlank() ? "" : " (" + s.note() + ")")));
                if (after != before) {
                    reasons.add("低保 standard " + money(o.before().dibao()) + " → " + money(o.after().dibao()));
                }
                for (WarningClassifier.Fired f : o.after().warning().fired()) {
                    if (o.before().warning().fired().stream().noneMatch(x -> x.version().equals(f.version()))) {
                        reasons.add("fires " + f.version() + ": " + f.evidence());
                    }
                }
                for (WarningClassifier.Fired f : o.before().warning().fired()) {
                    if (o.after().warning().fired().stream().noneMatch(x -> x.version().equals(f.version()))) {
                        reasons.add("no longer fires " + f.version());
                    }
                }
                changes.add(new WhatIfResult.Change(o.row().key(), o.row().township(), (int) residents,
                        round(o.before().perCapita()), round(o.after().perCapita()),
                        o.before().colour(), o.after().colour(), sorted(o.before().flags()), sorted(o.after().flags()),
                        reasons));
            }
        }
        changes.sort(java.util.Comparator.comparing(WhatIfResult.Change::familyKey));
        List<WhatIfResult.Row> rows = new ArrayList<>();
        units.putIfAbsent("county|", newUnits());
        for (Map.Entry<String, List<Measures.Unit>[]> e : units.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            String name = switch (k[0]) {
                case "township" -> townshipNames.getOrDefault(k[1], k[1]);
                case "group" -> groupNames.getOrDefault(k[1], k[1]);
                default -> "";
            };
            rows.add(new WhatIfResult.Row(k[0], k[1], name, Measures.of(e.getValue()[0], bracketIds),
                    Measures.of(e.getValue()[1], bracketIds)));
        }
        rows.sort(java.util.Comparator.comparing((WhatIfResult.Row r) -> r.breakdown().equals("county") ? 0
                : r.breakdown().equals("township") ? 1 : 2).thenComparing(WhatIfResult.Row::code));
        List<String> notes = new ArrayList<>();
        for (Shock s : scenario.shocks()) {
            if (!s.isLine()) {
                notes.add(s.label() + ": " + s.monthsIn(period) + " of the 12 months of the window "
                        + period.minusMonths(11) + ".." + p + " (amounts pro-rated: income_item holds 12-month sums)");
            }
        }
        Map<String, Double> deltas = new LinkedHashMap<>();
        byShock.forEach((k, v) -> deltas.put(k, round(v)));
        return new WhatIfResult(scenario.name(), scenario.title(), p,
                scenario.shocks().stream().map(Shock::label).toList(), notes, affectedFamilies, affectedPersons, deltas,
                colourChanges, rows, changes, ledger.millis(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** A family's colour and flags (bracket ids, lines it is below) and per-capita DI on one side of a scenario. */
    public record State(String colour, Set<String> flags, double perCapita) {
    }

    /** Every family's state before (index 0) and after (index 1) the scenario, by family key. */
    public Map<String, State[]> states(Ledger ledger, Scenario scenario) {
        IncomeRulesAt before = incomeRules.at(ledger.period());
        IncomeRulesAt after = scenario.changesLines() ? withDibao(scenario).at(ledger.period()) : before;
        Map<String, State[]> out = new LinkedHashMap<>();
        for (Outcome o : outcomes(ledger, scenario, before, after, true)) {
            out.put(o.row().key(), new State[] {
                    new State(o.before().colour(), o.before().flags(), o.before().perCapita()),
                    new State(o.after().colour(), o.after().flags(), o.after().perCapita())});
        }
        return out;
    }

    /**
     * @param full recompute every family's before (else the families no shock touches keep their stored flags and
     *             colour: the same, and much faster)
     */
    private List<Outcome> outcomes(Ledger ledger, Scenario scenario, IncomeRulesAt before, IncomeRulesAt after,
                                   boolean full) {
        Period period = ledger.period();
        String p = period.toString();
        WarningClassifier rules = warnings.at(period);
        Map<String, Map<String, Object>> cacheBefore = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> cacheAfter = new ConcurrentHashMap<>();
        return ledger.families().parallelStream().map(f -> {
            Household h = ledger.households().get(f.key());
            if (h.residents().isEmpty()) {
                return null;
            }
            Household.Shocked shocked = h.apply(scenario, period);
            Side b = !full && shocked.deltas().isEmpty() ? stored(f, ledger, before, cacheBefore)
                    : side(f, h.members(), before, rules, ledger, p, period, cacheBefore);
            Side a = shocked.deltas().isEmpty() && after == before ? b
                    : side(f, shocked.members(), after, rules, ledger, p, period, cacheAfter);
            return new Outcome(f, h, b, a, shocked);
        }).filter(java.util.Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Measures.Unit>[] newUnits() {
        return new List[] {new ArrayList<Measures.Unit>(), new ArrayList<Measures.Unit>()};
    }

    private static void add(Map<String, List<Measures.Unit>[]> units, String key, Outcome o, double weight) {
        List<Measures.Unit>[] u = units.computeIfAbsent(key, k -> newUnits());
        u[0].add(new Measures.Unit(o.before().perCapita(), o.before().dibao(), weight, o.before().flags(),
                o.before().colour()));
        u[1].add(new Measures.Unit(o.after().perCapita(), o.after().dibao(), weight, o.after().flags(),
                o.after().colour()));
    }

    /** A family's side as stored: family_income's per-capita DI, family_flag, family_warning. */
    private static Side stored(WarningStep.FamilyRow f, Ledger ledger, IncomeRulesAt rules,
                               Map<String, Map<String, Object>> cache) {
        double dibao = (Double) cache.computeIfAbsent("dibao|" + f.township() + "|" + f.village() + "|" + f.urban(),
                k -> Map.of("dibao", rules.lines().dibao(new FamilyArea(f.township(), f.village(), f.urban())).amount()))
                .get("dibao");
        return new Side(f.perCapita(), dibao, ledger.storedFlags().getOrDefault(f.key(), Set.of()),
                new WarningClassifier.Warning(WarningDefinitions.Colour.valueOf(ledger.storedColours()
                        .getOrDefault(f.key(), "GREEN")), List.of()));
    }

    private Side side(WarningStep.FamilyRow stored, List<FamilyIncome.Member> members, IncomeRulesAt rules,
                      WarningClassifier classifier, Ledger ledger, String p, Period period,
                      Map<String, Map<String, Object>> cache) {
        FamilyArea area = new FamilyArea(stored.township(), stored.village(), stored.urban());
        FamilyIncome fi = FamilyIncome.of(members, stored.medicalOop(), stored.educationExpense(), area, rules);
        // the figures as family_income stores them (2 decimals): the rules see what step warnings saw
        WarningStep.FamilyRow row = new WarningStep.FamilyRow(stored.key(), stored.township(), stored.village(),
                stored.urban(), fi.residents(), round(fi.disposable()), round(fi.perCapita()), round(fi.medicalOop()),
                round(fi.afterRigidMonthly()), stored.educationExpense());
        Double v = ledger.vulnerability().get(stored.key());
        WarningClassifier.Warning w = classifier.classify(WarningStep.facts(row, p, period, rules.lines(), cache,
                ledger.yearAgo().get(stored.key()), ledger.members().getOrDefault(stored.key(), List.of()), List.of(),
                List.of(), v == null ? null : new org.olive.vulnerability.VulnerabilityModel.Prediction(v, 0, 0, 0,
                        List.of())));
        Set<String> flags = new LinkedHashSet<>();
        for (FamilyFlag f : fi.flags()) {
            flags.add(f.id());
        }
        return new Side(row.perCapita(), rules.lines().dibao(area).amount(), flags, w);
    }

    /** The profile's lines with the scenario's change of the 低保 standard (its multiples follow it). */
    FamilyIncomeRules withDibao(Scenario scenario) {
        IncomeLines l = incomeRules.lines();
        double factor = scenario.dibaoFactor();
        double amount = scenario.dibaoAmount();
        List<DatedFigures.Figure> figures = new ArrayList<>();
        for (DatedFigures.Figure f : l.dibao().figures()) {
            figures.add(new DatedFigures.Figure(f.from(), f.area(), f.value() * factor + amount, f.multiple(), f.key()));
        }
        DatedFigures dibao = new DatedFigures(l.dibao().key(), l.dibao().source() + " (scenario " + scenario.name() + ")",
                figures);
        return incomeRules.withLines(new IncomeLines(dibao, l.dibian(), l.tekun(), l.wageTiers(), l.wageTier(),
                l.assistShare(), l.safetyNetShare()));
    }

    private static List<String> sorted(Set<String> s) {
        return List.copyOf(new TreeSet<>(s));
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String money(double v) {
        return String.format(java.util.Locale.ROOT, "%+.2f", v);
    }
}
