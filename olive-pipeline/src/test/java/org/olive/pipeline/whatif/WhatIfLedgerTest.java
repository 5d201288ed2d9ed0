package org.olive.pipeline.whatif;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.geography.Divisions;
import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;
import org.olive.period.Period;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.group.GroupSettings;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;
import org.olive.pipeline.occupation.OccupationSettings;
import org.olive.pipeline.warning.WarningSettings;
import org.olive.whatif.Scenario;
import org.olive.whatif.ScenarioLoader;
import org.olive.whatif.Vocabulary;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The what-if on the module's generated county (LedgerCounty: about 8,000 persons, 2025-01..03): the zero shock
 * reproduces the stored colours (family_warning), flags (family_flag) and counts; a −30 % fishery shock lowers only the
 * income of families with fishery items, by the expected amount, and moves exactly the families whose recomputed
 * per-capita DI crosses their 低保 line; a 低保 raise moves families below the line without touching incomes; saved runs
 * read back and compare.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfLedgerTest {

    static final Period MARCH = LedgerCounty.MARCH;
    static final Set<String> FISHERY = Set.of("fishery_crew", "vessel_owner");
    DataSource ds;
    WhatIf engine;
    WhatIf.Ledger ledger;
    Vocabulary vocabulary;

    @BeforeAll
    void ingestAndRun() throws SQLException {
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerRun run = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
            run.run(p);
        }
        engine = new WhatIf(IncomeSettings.builtIn().family(), WarningSettings.builtIn(),
                org.olive.pipeline.vulnerability.VulnerabilitySettingsFile.builtIn(),
                PersonFactsReader.of(OccupationSettings.builtIn(), Divisions.shengsi()).only(WhatIf.FACTS)::read);
        try (Connection c = ds.getConnection()) {
            ledger = engine.read(c, MARCH);
        }
        vocabulary = Scenarios.vocabulary(Divisions.shengsi(), GroupSettings.builtIn());
    }

    Scenario scenario(String yaml) {
        return ScenarioLoader.read(yaml, "test.yaml", "test", vocabulary);
    }

    @Test
    void theZeroShockReproducesTheStoredColoursFlagsAndCounts() throws SQLException {
        Map<String, WhatIf.State[]> states = engine.states(ledger, scenario("shocks:\n  - component: wage\n    factor: 1\n"));
        Map<String, String> colours = new HashMap<>();
        for (Object[] r : rows("SELECT family_key, colour FROM family_warning WHERE data_period = ?", MARCH)) {
            colours.put((String) r[0], (String) r[1]);
        }
        Map<String, Set<String>> flags = new HashMap<>();
        for (Object[] r : rows("SELECT family_key, flag_id FROM family_flag WHERE data_period = ?", MARCH)) {
            flags.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((String) r[1]);
        }
        assertThat(states).hasSize((int) count("SELECT COUNT(*) FROM family_income WHERE data_period = ?", MARCH));
        assertThat(colours.values()).contains("RED", "YELLOW");
        int coloured = 0;
        for (Map.Entry<String, WhatIf.State[]> e : states.entrySet()) {
            WhatIf.State before = e.getValue()[0];
            assertThat(before.colour()).as(e.getKey()).isEqualTo(colours.getOrDefault(e.getKey(), "GREEN"));
            assertThat(new TreeSet<>(before.flags())).as(e.getKey()).isEqualTo(flags.getOrDefault(e.getKey(), new TreeSet<>()));
            assertThat(e.getValue()[1]).isEqualTo(before); // nothing changed
            coloured += before.colour().equals("GREEN") ? 0 : 1;
        }
        assertThat(coloured).isEqualTo(colours.size());
        WhatIfResult r = engine.run(ledger, scenario("shocks:\n  - component: wage\n    factor: 1\n"), Map.of(), Map.of());
        assertThat(r.changes()).isEmpty();
        assertThat(r.county().after()).isEqualTo(r.county().before());
        assertThat(r.county().before().red()).isEqualTo(count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? "
                + "AND colour = 'RED'", MARCH));
        assertThat(r.county().before().belowDibao()).isPositive().isEqualTo(count("SELECT COUNT(*) FROM family_flag WHERE "
                + "data_period = ? AND flag_id = 'dibao'", MARCH));
        assertThat(r.county().before().persons()).isEqualTo((double) count("SELECT SUM(residents) FROM family_income "
                + "WHERE data_period = ?", MARCH));
    }

    @Test
    void aFisheryShockLowersOnlyFisheryFamiliesAndMovesTheExpectedOnes() throws SQLException {
        // the fishery items of each family's residents, from the tables
        Map<String, Double> fishery = new HashMap<>();
        for (Object[] r : rows("SELECT m.family_key, SUM(i.amount) FROM income_item i JOIN person_income pi ON "
                + "pi.data_period = i.data_period AND pi.person_key = i.person_key AND pi.resident = TRUE JOIN family_member m "
                + "ON m.data_period = i.data_period AND m.person_key = i.person_key WHERE i.data_period = ? AND i.source IN "
                + "('fishery_crew', 'vessel_owner') GROUP BY m.family_key", MARCH)) {
            fishery.put((String) r[0], ((Number) r[1]).doubleValue());
        }
        assertThat(fishery).hasSizeGreaterThan(50);
        Scenario s = scenario("""
                shocks:
                  - sources: [fishery_crew, vessel_owner]
                    change: -30%
                """);
        Map<String, WhatIf.State[]> states = engine.states(ledger, s);
        LinesAt lines = IncomeSettings.builtIn().family().at(MARCH).lines();
        Set<String> expectedBelow = new HashSet<>();
        Set<String> newlyBelow = new HashSet<>();
        for (Object[] r : rows("SELECT family_key, township_code, village_code, urban, residents, disposable, per_capita "
                + "FROM family_income WHERE data_period = ?", MARCH)) {
            String key = (String) r[0];
            WhatIf.State[] st = states.get(key);
            double residents = ((Number) r[4]).doubleValue();
            Double f = fishery.get(key);
            if (f == null || f == 0) {
                assertThat(st[1].perCapita()).as(key).isEqualTo(st[0].perCapita());
                assertThat(st[1].colour()).isEqualTo(st[0].colour());
                continue;
            }
            // lowered by 30 % of its fishery income (vessel owners' net catch may be negative: then raised)
            double expected = (((Number) r[5]).doubleValue() - 0.3 * f) / residents;
            assertThat(st[1].perCapita()).as(key).isCloseTo(expected, offset(0.01));
            double dibao = lines.dibao(new FamilyArea((String) r[1], (String) r[2], (Boolean) r[3])).amount();
            if (expected < dibao && ((Number) r[6]).doubleValue() >= dibao) {
                expectedBelow.add(key);
            }
            if (st[1].flags().contains("dibao") && !st[0].flags().contains("dibao")) {
                newlyBelow.add(key);
            }
        }
        assertThat(newlyBelow).isEqualTo(expectedBelow);
        WhatIfResult r = engine.run(ledger, s, Map.of(), Map.of());
        assertThat(r.affectedFamilies()).isEqualTo(fishery.values().stream().filter(v -> v != 0).count());
        assertThat(r.county().after().meanPerCapita()).isLessThan(r.county().before().meanPerCapita());
        assertThat(r.county().after().belowDibao()).isEqualTo(r.county().before().belowDibao() + expectedBelow.size());
        assertThat(r.changes()).allSatisfy(c -> {
            assertThat(fishery).containsKey(c.familyKey());
            assertThat(c.reasons()).anySatisfy(x -> assertThat(x).startsWith("fishery_crew,vessel_owner ×0.7"));
        });
        assertThat(r.gapCostChange()).isGreaterThanOrEqualTo(0);
        assertThat(r.rows()).extracting(WhatIfResult.Row::breakdown).contains("county", "township", "group");
        System.out.println(WhatIfFormat.text(r).lines().limit(40).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void aDibaoRaiseMovesFamiliesWithoutTouchingIncomes() {
        Scenario s = scenario("shocks:\n  - line: dibao\n    change: +20%\n");
        WhatIfResult r = engine.run(ledger, s, Map.of(), Map.of());
        assertThat(r.affectedFamilies()).isZero();
        assertThat(r.county().after().meanPerCapita()).isEqualTo(r.county().before().meanPerCapita());
        assertThat(r.county().after().belowDibao()).isGreaterThan(r.county().before().belowDibao());
        assertThat(r.county().after().fgt0()).isGreaterThan(r.county().before().fgt0());
        assertThat(r.gapCostChange()).isPositive();
        assertThat(r.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.perCapitaAfter()).isEqualTo(c.perCapitaBefore()));
    }

    @Test
    void savedRunsReadBackAndCompare() throws SQLException {
        Scenario a = scenario("shocks:\n  - sources: [fishery_crew, vessel_owner]\n    change: -30%\n");
        Scenario b = scenario("shocks:\n  - line: dibao\n    change: +10%\n");
        try (Connection c = ds.getConnection()) {
            WhatIfResult ra = engine.run(ledger, a, Map.of(), Map.of());
            long ia = WhatIfRuns.save(c, a.text(), ra, "tester", Instant.parse("2026-12-02T09:00:00Z"));
            long ib = WhatIfRuns.save(c, b.text(), engine.run(ledger, b, Map.of(), Map.of()), "cli", Instant.now());
            assertThat(WhatIfRuns.list(c, 10)).extracting(WhatIfRuns.Saved::id).containsSubsequence(ib, ia);
            WhatIfRuns.Saved sa = WhatIfRuns.get(c, ia).orElseThrow();
            assertThat(sa.scenarioText()).isEqualTo(a.text());
            assertThat(sa.username()).isEqualTo("tester");
            assertThat(sa.changedFamilies()).isEqualTo(ra.changes().size());
            assertThat(sa.result().county()).isEqualTo(ra.county());
            WhatIfRuns.Comparison cmp = WhatIfRuns.compare(sa, WhatIfRuns.get(c, ib).orElseThrow());
            assertThat(cmp.county()).extracting(x -> x[0]).contains("gini", "fgt0", "gap_cost_dibao");
        }
    }

    @Test
    void theBuiltInExamplesLoadAndEverySourceOfTheLedgerIsKnown() throws SQLException {
        assertThat(Scenarios.of(null, vocabulary)).containsOnlyKeys(Scenarios.BUILT_IN);
        for (Object[] r : rows("SELECT DISTINCT source FROM income_item WHERE data_period = ?", MARCH)) {
            assertThat(WhatIf.SOURCES).contains((String) r[0]);
        }
    }

    private long count(String sql, Object... args) throws SQLException {
        return ((Number) rows(sql, args).get(0)[0]).longValue();
    }

    private List<Object[]> rows(String sql, Object... args) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof Period p ? p.toString() : args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] r = new Object[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = rs.getObject(i + 1);
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }
}
