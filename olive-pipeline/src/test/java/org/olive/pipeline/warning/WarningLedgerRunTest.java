package org.olive.pipeline.warning;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.olive.family.FamilyBuilder;
import org.olive.income.FamilyArea;
import org.olive.income.LinesAt;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step warnings inside the standard run, on the module's generated county (LedgerCounty: about 8,000 persons,
 * 2025-01..03): the colours' counts against a recomputation in SQL from family_income, evidence citing the ledger row
 * and the lines' keys, colour changes that add up month to month, the groups' tier using the colour, and a re-run of a
 * period giving identical rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarningLedgerRunTest {

    static final Period MARCH = LedgerCounty.MARCH;
    DataSource ds;
    LedgerRun ledger;
    final Map<Period, LedgerResult> results = new HashMap<>();

    @BeforeAll
    void ingestAndRun() {
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        ledger = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
            results.put(p, ledger.run(p));
        }
        LedgerResult march = results.get(MARCH);
        System.out.println("step warnings at " + MARCH + ": " + march.millis().get("warnings") + " ms wall, "
                + march.millis().get("warnings_cpu") + " ms cpu; families " + march.counts().get("warnings_families")
                + ", red " + march.counts().get("warnings_red") + ", yellow " + march.counts().get("warnings_yellow"));
    }

    @Test
    @Order(1)
    void theColoursAreTheRulesRecomputedInSqlFromFamilyIncome() throws SQLException {
        LinesAt lines = IncomeSettings.builtIn().family().at(MARCH).lines();
        double dibao = lines.dibao(FamilyArea.COUNTY).amount();
        double dibian = lines.dibian(FamilyArea.COUNTY).amount();
        double wage = lines.minimumWage(FamilyArea.COUNTY).amount();
        long families = count("SELECT COUNT(*) FROM family_income WHERE data_period = ?", MARCH);
        assertThat(results.get(MARCH).counts().get("warnings_families")).isEqualTo(families);
        // each line rule, on the same figures
        assertThat(fired("below_dibian")).isPositive().isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE "
                + "data_period = ? AND per_capita < ?", MARCH, dibian));
        assertThat(fired("safety_net")).isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? "
                + "AND after_rigid_monthly < ?", MARCH, 0.4 * wage));
        assertThat(fired("assist_line")).isPositive().isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE "
                + "data_period = ? AND after_rigid_monthly < ?", MARCH, 0.8 * wage));
        assertThat(fired("medical_burden")).isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE data_period = ? "
                + "AND medical_oop >= 20000 AND per_capita <= ?", MARCH, 3 * dibian));
        // no figure a year earlier in a county whose first delivery is 2025-01: the drop rule cannot fire
        assertThat(fired("income_drop")).isZero();
        // red: below the 低保 standard after rigid expenditure without an open 低保/特困 spell, or the 40 % line
        long red = count("SELECT COUNT(*) FROM family_income f WHERE f.data_period = ? AND (f.after_rigid_monthly < ? "
                + "OR ((f.disposable - f.medical_oop - f.education_expense) / f.residents < ? AND NOT EXISTS (SELECT 1 FROM family_warning w "
                + "WHERE w.data_period = f.data_period AND w.family_key = f.family_key AND w.rules NOT LIKE "
                + "'%;below_dibao_unassisted@1;%' AND w.colour = 'YELLOW')))", MARCH, 0.4 * wage, dibao);
        long redRows = count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND colour = 'RED'", MARCH);
        assertThat(redRows).isPositive().isLessThanOrEqualTo(red);
        assertThat(count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND colour = 'RED' AND rules NOT "
                + "LIKE '%;below_dibao_unassisted@1;%' AND rules NOT LIKE '%;safety_net@1;%'", MARCH)).isZero();
        assertThat(count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND colour = 'YELLOW' AND (rules "
                + "LIKE '%;below_dibao_unassisted@1;%' OR rules LIKE '%;safety_net@1;%')", MARCH)).isZero();
        // the figures: county and each township, numerator = rows of that colour, denominator = families
        for (String colour : List.of("RED", "YELLOW")) {
            Object[] county = rows("SELECT numerator, denominator FROM ledger_figure WHERE data_period = ? AND metric = ? "
                    + "AND area_code = ''", MARCH, "warning:" + colour).get(0);
            assertThat(((Number) county[0]).longValue()).isEqualTo(count("SELECT COUNT(*) FROM family_warning WHERE "
                    + "data_period = ? AND colour = ?", MARCH, colour));
            assertThat(((Number) county[1]).longValue()).isEqualTo(families);
            for (Object[] t : rows("SELECT area_code, numerator, denominator FROM ledger_figure WHERE data_period = ? "
                    + "AND metric = ? AND area_code <> ''", MARCH, "warning:" + colour)) {
                assertThat(((Number) t[1]).longValue()).as(colour + " " + t[0]).isEqualTo(count("SELECT COUNT(*) FROM "
                        + "family_warning WHERE data_period = ? AND colour = ? AND township_code = ?", MARCH, colour, t[0]));
                assertThat(((Number) t[2]).longValue()).isEqualTo(count("SELECT COUNT(*) FROM family_income WHERE "
                        + "data_period = ? AND township_code = ?", MARCH, t[0]));
            }
        }
    }

    @Test
    @Order(2)
    void everyWarningCitesItsFiguresAndRecords() throws SQLException {
        List<Object[]> all = rows("SELECT family_key, rules, evidence FROM family_warning WHERE data_period = ?", MARCH);
        assertThat(all).isNotEmpty().allSatisfy(r -> {
            String evidence = (String) r[2];
            assertThat((String) r[1]).startsWith(";").endsWith(";");
            for (String rule : ((String) r[1]).substring(1).split(";")) {
                assertThat(evidence).contains(rule + ": ");
            }
            assertThat(evidence).contains("family_income:" + MARCH + ":" + r[0]);
        });
        assertThat(rows("SELECT evidence FROM family_warning WHERE data_period = ? AND rules LIKE '%;below_dibian@1;%'",
                MARCH)).allSatisfy(r -> assertThat((String) r[0]).contains("dibian_line=28000 [income.yaml:lines.dibian[0]"));
        // the out-of-pocket's records: the medical settlement rows of the family's members
        long withMedical = count("SELECT COUNT(*) FROM family_warning w JOIN family_income f ON f.data_period = "
                + "w.data_period AND f.family_key = w.family_key WHERE w.data_period = ? AND f.medical_oop > 0 AND "
                + "(w.rules LIKE '%;safety_net@1;%' OR w.rules LIKE '%;assist_line@1;%')", MARCH);
        assertThat(withMedical).isPositive();
        assertThat(count("SELECT COUNT(*) FROM family_warning w JOIN family_income f ON f.data_period = w.data_period AND "
                + "f.family_key = w.family_key WHERE w.data_period = ? AND f.medical_oop > 0 AND (w.rules LIKE "
                + "'%;safety_net@1;%' OR w.rules LIKE '%;assist_line@1;%') AND w.evidence LIKE '%after_rigid_monthly=% "
                + "[family_income:%, medical:%'", MARCH)).isEqualTo(withMedical);
        assertThat(rows("SELECT evidence FROM family_warning WHERE data_period = ? AND rules LIKE '%;relapse@1;%'",
                MARCH)).allSatisfy(r -> assertThat((String) r[0]).containsPattern("assistance_left_months=\\d+ \\[assistance:"));
    }

    @Test
    @Order(3)
    void colourChangesAddUpMonthToMonth() throws SQLException {
        // the first month run starts the history: its colours are no changes
        assertThat(count("SELECT COUNT(*) FROM family_warning WHERE data_period = ?", LedgerCounty.JANUARY)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM warning_event WHERE data_period = ?", LedgerCounty.JANUARY)).isZero();
        for (Period p : LedgerCounty.MONTHS.subList(1, LedgerCounty.MONTHS.size())) {
            for (String colour : List.of("RED", "YELLOW")) {
                long now = count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND colour = ?", p, colour);
                long before = count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND colour = ?",
                        p.minusMonths(1), colour);
                long in = count("SELECT COUNT(*) FROM warning_event WHERE data_period = ? AND to_colour = ?", p, colour);
                long out = count("SELECT COUNT(*) FROM warning_event WHERE data_period = ? AND from_colour = ?", p, colour);
                assertThat(now).as(colour + " " + p).isEqualTo(before + in - out);
            }
        }
        // later months: changes both ways, each with its date and reasons
        long toGreen = count("SELECT COUNT(*) FROM warning_event WHERE data_period IN ('2025-02', '2025-03') AND "
                + "to_colour = 'GREEN'");
        long fromGreen = count("SELECT COUNT(*) FROM warning_event WHERE data_period IN ('2025-02', '2025-03') AND "
                + "from_colour = 'GREEN'");
        assertThat(toGreen + fromGreen).isPositive();
        assertThat(rows("SELECT changed_on, reason FROM warning_event WHERE data_period = ?", MARCH)).allSatisfy(r -> {
            assertThat(r[0].toString()).isEqualTo("2025-03-31");
            assertThat((String) r[1]).isNotBlank();
        });
    }

    @Test
    @Order(4)
    void warnedFamiliesMembersAreVulnerableInTheirGroups() throws SQLException {
        long warnedMembers = count("SELECT COUNT(*) FROM group_member g JOIN family_warning w ON w.data_period = "
                + "g.data_period AND w.family_key = g.family_key WHERE g.data_period = ?", MARCH);
        assertThat(warnedMembers).isPositive();
        assertThat(count("SELECT COUNT(*) FROM group_member g JOIN family_warning w ON w.data_period = g.data_period "
                + "AND w.family_key = g.family_key WHERE g.data_period = ? AND g.tier <> 'VULNERABLE'", MARCH)).isZero();
        // a family with a negative DI has an income figure and a colour: its members have a tier
        assertThat(count("SELECT COUNT(*) FROM group_member g JOIN family_warning w ON w.data_period = g.data_period "
                + "AND w.family_key = g.family_key WHERE g.data_period = ? AND (g.tier IS NULL OR g.tier <> 'VULNERABLE')",
                MARCH)).isZero();
    }

    @Test
    @Order(5)
    void reRunningAPeriodGivesIdenticalRows() throws SQLException {
        List<List<Object>> warnings = snapshot("SELECT * FROM family_warning WHERE data_period = ? ORDER BY family_key");
        List<List<Object>> events = snapshot("SELECT * FROM warning_event WHERE data_period = ? ORDER BY family_key");
        List<List<Object>> figures = snapshot("SELECT * FROM ledger_figure WHERE data_period = ? AND metric LIKE "
                + "'warning:%' ORDER BY metric, area_code");
        assertThat(warnings).isNotEmpty();
        assertThat(events).isNotEmpty();
        ledger.run(MARCH);
        assertThat(snapshot("SELECT * FROM family_warning WHERE data_period = ? ORDER BY family_key")).isEqualTo(warnings);
        assertThat(snapshot("SELECT * FROM warning_event WHERE data_period = ? ORDER BY family_key")).isEqualTo(events);
        assertThat(snapshot("SELECT * FROM ledger_figure WHERE data_period = ? AND metric LIKE 'warning:%' ORDER BY "
                + "metric, area_code")).isEqualTo(figures);
    }

    private long fired(String rule) throws SQLException {
        return count("SELECT COUNT(*) FROM family_warning WHERE data_period = ? AND rules LIKE ?", MARCH,
                "%;" + rule + "@1;%");
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

    private List<List<Object>> snapshot(String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows(sql, MARCH)) {
            out.add(List.of(Arrays.stream(r).map(x -> x == null ? "∅" : x).toArray()));
        }
        return out;
    }
}
