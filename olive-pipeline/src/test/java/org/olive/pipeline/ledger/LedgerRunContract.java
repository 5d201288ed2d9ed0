package org.olive.pipeline.ledger;

import org.olive.pipeline.figure.RunFigure;
import org.olive.pipeline.figure.RunFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeDistribution;
import org.olive.pipeline.ingest.PeriodIngest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger run over a generated county of three months; the same contract on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerRunContract {

    abstract DataSource database();

    DataSource ds;
    LedgerRun ledger;
    final Map<Period, LedgerResult> results = new HashMap<>();

    @BeforeAll
    void ingestAndRun() {
        ds = database();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
        }
        ledger = new LedgerRun(ds, LedgerSettings.builtIn(), new SimpleFamilies(), m -> { });
        assertThat(ledger.missingEarlier(LedgerCounty.MARCH)).containsExactly(LedgerCounty.JANUARY, LedgerCounty.FEBRUARY);
        for (Period p : LedgerCounty.MONTHS) {
            LedgerResult r = ledger.run(p);
            System.out.print(r.summary());
            results.put(p, r);
        }
        assertThat(ledger.missingEarlier(LedgerCounty.MARCH)).isEmpty();
    }

    @Test
    void listsAreConsistent() throws SQLException {
        for (Period p : LedgerCounty.MONTHS) {
            Map<String, Long> c = results.get(p).counts();
            long regRes = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND registered AND resident", p);
            assertThat(c.get("registered")).isEqualTo(regRes + c.get("separated"));
            assertThat(c.get("resident")).isEqualTo(regRes + c.get("floating"));
            assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND registered", p))
                    .isEqualTo(c.get("registered"));
            assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND floating AND registered", p)).isZero();
            assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND resident AND township_code IS NULL "
                    + "AND registered", p)).isZero();
            assertThat(c.get("registered")).isGreaterThan(6000);
            assertThat(c.get("floating")).isPositive();
            assertThat(c.get("separated")).isPositive();
        }
        // membership dates: January starts every list, February carries it over
        assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND registered AND registered_since <> '2025-01'",
                LedgerCounty.JANUARY)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person_period f JOIN person_period j ON j.person_key = f.person_key "
                + "AND j.data_period = '2025-01' AND j.resident WHERE f.data_period = ? AND f.resident "
                + "AND f.resident_since <> '2025-01'", LedgerCounty.FEBRUARY)).isZero();
        assertThat(count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND NOT resident AND resident_since IS NOT NULL",
                LedgerCounty.FEBRUARY)).isZero();
    }

    /** The figures the population pages and the cockpit read (V15) are the run's own rows, counted another way. */
    @Test
    void pageFiguresAreThoseOfTheRows() throws SQLException {
        for (Period p : LedgerCounty.MONTHS) {
            for (PopulationListFigures.ListColumns l : PopulationListFigures.ListColumns.values()) {
                String list = "'" + l.column() + "'";
                List<String> cube = rows("SELECT township_code, sex, age_band, SUM(persons) FROM population_count "
                        + "WHERE data_period = ? AND population_list = " + list + " GROUP BY township_code, sex, age_band", p);
                List<String> scan = rows("SELECT township_code, sex, age / " + PopulationListFigures.AGE_BAND
                        + ", COUNT(*) FROM person_period WHERE data_period = ? AND " + l.column()
                        + " GROUP BY township_code, sex, age / " + PopulationListFigures.AGE_BAND, p);
                assertThat(cube).as("%s %s", p, l).isNotEmpty().containsExactlyInAnyOrderElementsOf(scan);
                long members = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND " + l.column(), p);
                assertThat(count("SELECT COUNT(*) FROM population_member WHERE data_period = ? AND population_list = "
                        + list, p)).isEqualTo(members);
                assertThat(count("SELECT COALESCE(MAX(list_order), 0) FROM population_member WHERE data_period = ? "
                        + "AND population_list = " + list, p)).isEqualTo(members);
                assertThat(count("SELECT COUNT(*) FROM population_exit WHERE data_period = ? AND population_list = "
                        + list, p)).isEqualTo(count("SELECT COUNT(*) FROM person_period pp LEFT JOIN person_period cur "
                        + "ON cur.data_period = '" + p + "' AND cur.person_key = pp.person_key WHERE pp.data_period = ? "
                        + "AND pp." + l.column() + " AND (cur.person_key IS NULL OR NOT cur." + l.column() + ")",
                        p.minusMonths(1)));
            }
            long families = count("SELECT COUNT(*) FROM family_income WHERE data_period = ? AND residents > 0", p);
            if (families > 0) {
                assertThat(count("SELECT families FROM income_distribution WHERE data_period = ? AND area_code = ''", p))
                        .isEqualTo(families);
                assertThat(count("SELECT SUM(families) FROM income_histogram WHERE data_period = ? AND area_code = ''", p))
                        .isEqualTo(families);
                assertThat(count("SELECT COUNT(*) FROM income_lorenz WHERE data_period = ? AND area_code = ''", p))
                        .isEqualTo(IncomeDistribution.LORENZ_STEPS + 1);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM population_exit WHERE data_period = ?", LedgerCounty.FEBRUARY)).isPositive();
    }

    private List<String> rows(String sql, Period p) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4));
                }
            }
        }
        return out;
    }

    /**
     * A run reads no generator file: its figures are the production ones (pilot indicator 4 by area), although the
     * generated county's truth/ lies next to the ingested folders, and ledger_figure holds exactly them. The accuracy
     * against the truth is olive-accuracy's step (TruthAccuracyContract).
     */
    @Test
    void aRunHasOnlyTheProductionFigures() throws SQLException {
        assertThat(LedgerCounty.generated().resolve("truth")).isDirectory();
        for (Period p : LedgerCounty.MONTHS) {
            LedgerResult r = results.get(p);
            // pilot indicator 4 (step figures), the families expected below the line (step vulnerability), the warned
            // families by colour (step warnings), pilot indicator 6 (step groups), the policies' coverage and, at a
            // quarter's end, pilot indicator 7 (step policies), nothing of the truth
            assertThat(r.figures()).isNotEmpty().allSatisfy(f -> assertThat(f.metric())
                    .matches("relationship_accuracy|key_group_monitoring|group:[a-z_]+|warning:(RED|YELLOW)"
                            + "|vulnerability_expected|policy:[A-Z0-9_]+|key_group_policy_coverage|policy_group:[a-z_]+"));
            assertThat(r.skipped()).doesNotContainKey("truth");
            assertThat(r.millis()).doesNotContainKey("truth");
            assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ?", p)).isEqualTo(r.figures().size());
            assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ? AND metric <> 'relationship_accuracy' "
                    + "AND metric <> 'key_group_monitoring' AND metric NOT LIKE 'group:%' AND metric NOT LIKE 'warning:%' AND "
                    + "metric <> 'vulnerability_expected' AND metric NOT LIKE 'policy%' AND metric <> 'key_group_policy_coverage'",
                    p))
                    .isZero();
        }
    }

    /** A step that no part of production adds a figure through {@link RunFigures#add} (as olive-accuracy's step does). */
    static final class CountingStep implements org.olive.pipeline.run.MonthlyStep {
        int runs;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public List<String> needs() {
            return List.of("figures", "indicators");
        }

        @Override
        public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
            runs++;
            RunFigures.add(ctx, List.of(RunFigure.of("added_figure", "", runs, 1, "test")));
        }
    }

    /**
     * Steps added to a run run after the standard ones in its transaction and store their figures beside the production
     * ones; with --steps, an added step runs when the selection holds one of the steps it needs, and replaces its rows.
     * (Runs of selected steps only, on February's tables, to keep the contract short; the last puts them back.)
     */
    @Test
    void anAddedStepStoresItsFiguresWithTheRun() throws SQLException {
        Period p = LedgerCounty.FEBRUARY;
        CountingStep counting = new CountingStep();
        try {
            LedgerResult r = ledger.run(p, List.of("figures"), List.of(counting));
            assertThat(counting.runs).isEqualTo(1);
            assertThat(r.millis()).containsKey("counting");
            assertThat(r.figures().get(r.figures().size() - 1).metric()).isEqualTo("added_figure");
            assertThat(r.figures()).filteredOn(f -> f.metric().equals("relationship_accuracy"))
                    .isEqualTo(results.get(p).figures().stream().filter(f -> f.metric().equals("relationship_accuracy")).toList());
            // the steps not chosen keep their figures (pilot indicator 6 of step groups)
            long groupFigures = results.get(p).figures().stream().filter(f -> !f.metric().equals("relationship_accuracy")).count();
            assertThat(groupFigures).isPositive();
            assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ?", p))
                    .isEqualTo(r.figures().size() + groupFigures);
            LedgerResult indicators = ledger.run(p, List.of("indicators"), List.of(counting));
            assertThat(counting.runs).isEqualTo(2);
            assertThat(indicators.figures()).extracting(RunFigure::numerator).containsExactly(2L);
            assertThat(count("SELECT numerator FROM ledger_figure WHERE data_period = ? AND metric = 'added_figure'", p))
                    .as("its row replaced").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ?", p))
                    .isEqualTo(r.figures().size() + groupFigures);
            ledger.run(p, List.of("editing"), List.of(counting));
            assertThat(counting.runs).as("the selection holds none of its needs").isEqualTo(2);
            assertThatThrownBy(() -> ledger.run(p, List.of("counting"), List.of(counting)))
                    .hasMessageContaining("no step named counting");
        } finally {
            // a run of chosen steps replaces only their figures: the added step's row stays until a whole run
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM ledger_figure WHERE metric = 'added_figure'")) {
                ps.executeUpdate();
            }
            ledger.run(p, List.of("figures"));
        }
        assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ?", p))
                .isEqualTo(results.get(p).figures().size());
    }

    @Test
    void rerunGivesTheSameRowsAndKeys() throws SQLException {
        long persons = count("SELECT COUNT(*) FROM person WHERE first_period <= ?", LedgerCounty.MARCH);
        long families = count("SELECT COUNT(*) FROM family WHERE first_period <= ?", LedgerCounty.MARCH);
        // (other tests may have resolved cases since February's first run, so compare two fresh runs)
        LedgerResult first = ledger.run(LedgerCounty.FEBRUARY);
        List<String> before = snapshot(LedgerCounty.FEBRUARY);
        assertThat(count("SELECT COUNT(*) FROM family_flag WHERE data_period = ? AND kind = 'BRACKET'", LedgerCounty.FEBRUARY))
                .as("the snapshot holds family flags").isPositive();
        LedgerResult again = ledger.run(LedgerCounty.FEBRUARY);
        assertThat(snapshot(LedgerCounty.FEBRUARY)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM person WHERE first_period <= ?", LedgerCounty.MARCH)).isEqualTo(persons);
        assertThat(count("SELECT COUNT(*) FROM family WHERE first_period <= ?", LedgerCounty.MARCH)).isEqualTo(families);
        assertThat(again.counts().get("registry_new")).isZero();
        assertThat(again.figures()).isEqualTo(first.figures());
        assertThat(again.counts().get("families")).isEqualTo(first.counts().get("families"));
        assertThat(count("SELECT COUNT(*) FROM ledger_run WHERE data_period = ? AND status = 'SUCCEEDED'",
                LedgerCounty.FEBRUARY)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void crossingsKeptInMemoryGiveTheSameRowsAsAColdRead() throws SQLException {
        LedgerRun warm = new LedgerRun(ds, LedgerSettings.builtIn(), new SimpleFamilies(), m -> { });
        LedgerResult february = warm.run(LedgerCounty.FEBRUARY);
        assertThat(february.counts().get("crossings_window_cached")).as("a new run reads its whole window").isZero();
        LedgerResult cold = new LedgerRun(ds, LedgerSettings.builtIn(), new SimpleFamilies(), m -> { })
                .run(LedgerCounty.MARCH);
        List<String> coldRows = snapshot(LedgerCounty.MARCH);
        LedgerResult cached = warm.run(LedgerCounty.MARCH);
        assertThat(cached.counts().get("crossings_window_cached")).as("March follows February in memory").isEqualTo(1);
        assertThat(cached.counts().get("crossings_from_database")).isPositive()
                .isLessThan(cold.counts().get("crossings_from_database"));
        assertThat(snapshot(LedgerCounty.MARCH)).isEqualTo(coldRows);
        for (String k : List.of("crossings_read", "crossings_incomplete", "crossing_persons", "resident", "registered",
                "registry_from_crossings")) {
            assertThat(cached.counts().get(k)).as(k).isEqualTo(cold.counts().get(k));
        }
        // a re-run of the held period reads nothing
        LedgerResult again = warm.run(LedgerCounty.MARCH);
        assertThat(again.counts().get("crossings_from_database")).isZero();
        assertThat(snapshot(LedgerCounty.MARCH)).isEqualTo(coldRows);
        // a period that does not follow the held one is read whole
        LedgerResult january = warm.run(LedgerCounty.JANUARY);
        assertThat(january.counts().get("crossings_window_cached")).isZero();
        warm.run(LedgerCounty.FEBRUARY);
        ledger.run(LedgerCounty.MARCH);
    }

    @Test
    void familyKeysCarryOverBetweenMonths() throws SQLException {
        long stayed = count("SELECT COUNT(*) FROM family_member j JOIN family_member f ON f.person_key = j.person_key "
                + "AND f.data_period = '2025-02' WHERE j.data_period = ? AND j.family_key = f.family_key", LedgerCounty.JANUARY);
        long both = count("SELECT COUNT(*) FROM family_member j JOIN family_member f ON f.person_key = j.person_key "
                + "AND f.data_period = '2025-02' WHERE j.data_period = ?", LedgerCounty.JANUARY);
        assertThat(both).isGreaterThan(6000);
        assertThat((double) stayed / both).isGreaterThan(0.99);
        assertThat(count("SELECT COUNT(*) FROM family_period WHERE data_period = ? AND members <> (SELECT COUNT(*) "
                + "FROM family_member m WHERE m.data_period = family_period.data_period AND m.family_key = family_period.family_key)",
                LedgerCounty.MARCH)).isZero();
    }

    @Test
    void conflictsAreCasesAndResolutionsAreRespected() throws SQLException {
        Map<String, Long> c = results.get(LedgerCounty.MARCH).counts();
        assertThat(c.getOrDefault("conflicts_kind_SPOUSE_MISMATCH", 0L)).as("the generator's spouse conflicts").isPositive();
        long open = count("SELECT COUNT(*) FROM family_conflict WHERE status = 'OPEN' AND last_period = ?", LedgerCounty.MARCH);
        assertThat(open).isEqualTo(c.get("conflicts_open"));
        long id;
        try (Connection con = ds.getConnection(); Statement s = con.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM family_conflict WHERE status = 'OPEN' AND last_period = '2025-03' "
                     + "AND kind = 'SPOUSE_MISMATCH' ORDER BY id")) {
            rs.next();
            id = rs.getLong(1);
            s.executeUpdate("UPDATE family_conflict SET status = 'RESOLVED', decision = 'FIRST_ONLY', decided_by = 'test' "
                    + "WHERE id = " + id);
        }
        String roles = "SELECT COUNT(*) FROM family_member m JOIN family_conflict_person cp ON cp.person_key = m.person_key "
                + "WHERE cp.conflict_id = " + id + " AND m.data_period = ? AND m.role = 'SPOUSE'";
        assertThat(count(roles, LedgerCounty.MARCH)).isGreaterThan(1);
        LedgerResult again = ledger.run(LedgerCounty.MARCH);
        assertThat(count("SELECT COUNT(*) FROM family_conflict WHERE status = 'RESOLVED' AND id = " + id + " AND last_period = ?",
                LedgerCounty.MARCH)).isEqualTo(1);
        assertThat(count(roles, LedgerCounty.MARCH)).as("the resolution is applied by the next run").isEqualTo(1);
        assertThat(again.counts().get("conflicts_open")).isEqualTo(open - 1);
        Map<String, RunFigure> f = figures(again);
        assertThat(f.get("relationship_accuracy").denominator()).isEqualTo(again.counts().get("resident"));
        assertThat(f.get("relationship_accuracy").numerator()).isLessThan(f.get("relationship_accuracy").denominator());
        assertThat(f.get("relationship_accuracy").value()).isGreaterThan(0.9);
        assertThat(count("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ? AND metric = 'relationship_accuracy' "
                + "AND area_code <> ''", LedgerCounty.MARCH)).isGreaterThan(3);
        // a case the data no longer shows is cleared: mark one as raised under a key no builder produces
        try (Connection con = ds.getConnection(); Statement s = con.createStatement()) {
            s.executeUpdate("INSERT INTO family_conflict (conflict_key, kind, evidence, options, first_period, last_period, "
                    + "status) VALUES ('TWO_HUKOUS:gone', 'TWO_HUKOUS', 'test', 'A', '2025-02', '2025-02', 'OPEN')");
        }
        ledger.run(LedgerCounty.MARCH);
        assertThat(count("SELECT COUNT(*) FROM family_conflict WHERE conflict_key = 'TWO_HUKOUS:gone' AND status = 'CLEARED' "
                + "AND '' <> ?", LedgerCounty.MARCH)).isEqualTo(1);
    }

    @Test
    void aPeriodWithoutIngestIsRefused() throws SQLException {
        assertThatThrownBy(() -> ledger.run(Period.of(2024, 6))).isInstanceOf(LedgerRunException.class)
                .hasMessageContaining("2024-06").hasMessageContaining("ingest it first");
    }

    static Map<String, RunFigure> figures(LedgerResult r) {
        Map<String, RunFigure> out = new HashMap<>();
        r.figures().stream().filter(f -> f.areaCode().isEmpty()).forEach(f -> out.put(f.metric(), f));
        return out;
    }

    private List<String> snapshot(Period p) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of("SELECT * FROM person_period WHERE data_period = ? ORDER BY person_key",
                "SELECT * FROM family_member WHERE data_period = ? ORDER BY person_key",
                "SELECT * FROM family_period WHERE data_period = ? ORDER BY family_key",
                "SELECT * FROM ledger_figure WHERE data_period = ? ORDER BY metric, area_code",
                "SELECT * FROM family_income WHERE data_period = ? ORDER BY family_key",
                "SELECT * FROM family_flag WHERE data_period = ? ORDER BY family_key, kind, flag_id",
                "SELECT * FROM person_occupation WHERE data_period = ? ORDER BY person_key",
                "SELECT * FROM group_member WHERE data_period = ? ORDER BY person_key, group_id",
                "SELECT * FROM group_event WHERE data_period = ? ORDER BY person_key, group_id",
                "SELECT * FROM family_warning WHERE data_period = ? ORDER BY family_key",
                "SELECT * FROM warning_event WHERE data_period = ? ORDER BY family_key",
                "SELECT * FROM population_member WHERE data_period = ? ORDER BY population_list, list_order",
                "SELECT * FROM population_exit WHERE data_period = ? ORDER BY population_list, person_key",
                "SELECT * FROM population_count WHERE data_period = ? ORDER BY population_list, township_code, "
                        + "hukou_village, live_village, sex, age_band, below_zero")) {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, p.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            b.append(rs.getString(i)).append('|');
                        }
                        rows.add(b.toString());
                    }
                }
            }
        }
        return rows;
    }

    long count(String sql, Period p) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
