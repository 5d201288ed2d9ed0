package org.olive.pipeline.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.geography.Divisions;
import org.olive.period.Period;
import org.olive.pipeline.fact.PersonFactsReader;
import org.olive.pipeline.group.GroupSettings;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;
import org.olive.pipeline.occupation.OccupationSettings;
import org.olive.pipeline.tag.TagSettings;
import org.olive.pipeline.vulnerability.VulnerabilitySettingsFile;
import org.olive.policy.reform.Reform;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy subjects read back from the tables a run left, on the module's generated county (LedgerCounty: about
 * 8,000 persons, 2025-01..03): the same eligible subjects and amounts as step policies stored in policy_match; and the
 * built-in reforms simulated over them (a reform that changes nothing: no difference; the old-age raise: a positive cost
 * of exactly the beneficiaries' raise).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulationLedgerTest {

    static final Period MARCH = LedgerCounty.MARCH;
    DataSource ds;
    LedgerRun run;
    PolicySimulation.Input input;

    @BeforeAll
    void ingestAndRun() throws SQLException {
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        run = new LedgerRun(ds, LedgerSettings.builtIn(),
                new FamilyBuilder(LedgerSettings.builtIn().family())::build, m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
            run.run(p);
        }
        PolicySubjectsReader reader = new PolicySubjectsReader(PersonFactsReader.of(OccupationSettings.builtIn(),
                Divisions.shengsi()), TagSettings.builtIn(), IncomeSettings.builtIn().family(),
                VulnerabilitySettingsFile.builtIn());
        try (Connection c = ds.getConnection()) {
            input = PolicySimulation.Input.of(reader.read(c, MARCH));
        }
    }

    @Test
    void theSubjectsReadBackGiveTheEligibilityTheStepStored() throws SQLException {
        Map<String, String> stored = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT policy_code, "
                + "subject_kind, subject_key, policy_version, eligible_amount FROM policy_match WHERE data_period = ? "
                + "AND status <> 'LEAKAGE'")) {
            ps.setString(1, MARCH.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4) + " "
                            + (rs.getBigDecimal(5) == null ? "-" : rs.getBigDecimal(5).setScale(2).toPlainString()));
                }
            }
        }
        Map<String, String> read = new TreeMap<>();
        PolicyMatching.Eligible e;
        try (Connection c = ds.getConnection()) {
            e = PolicyMatching.eligible(PolicyRuleVersions.overlay(c, PolicySettings.builtIn()).at(MARCH),
                    input.persons(), input.families());
        }
        e.byPolicy().forEach((code, hits) -> hits.forEach(h -> read.put(code + "|" + h.subject().kind() + "|"
                + h.subject().key(), h.eligibility().version() + " " + (Double.isNaN(h.eligibility().amount()) ? "-"
                : java.math.BigDecimal.valueOf(h.eligibility().amount()).setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString()))));
        // the county has subjects for several policies, persons and families
        assertThat(stored.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().count())
                .isGreaterThanOrEqualTo(4);
        assertThat(stored.keySet()).anyMatch(k -> k.contains("|FAMILY|")).anyMatch(k -> k.contains("|PERSON|"));
        assertThat(read).isEqualTo(stored);
    }

    /**
     * {@code olive run --steps policies}: the step alone reads its subjects and the groups' members from the tables the
     * period's last run left, and stores exactly what the whole run stored (March is a quarter end: indicator 7 too).
     */
    @Test
    void theStepAloneReadsItsSubjectsFromTheTablesAndStoresTheSameRows() throws SQLException {
        String matches = "SELECT policy_code, subject_kind, subject_key, status, policy_version, eligible_amount, "
                + "received_amount, evidence FROM policy_match WHERE data_period = '2025-03' ORDER BY 1, 2, 3";
        String figures = "SELECT metric, area_code, numerator, denominator FROM ledger_figure WHERE data_period = '2025-03' "
                + "AND (metric LIKE 'policy%' OR metric = 'key_group_policy_coverage') ORDER BY 1, 2";
        List<List<Object>> before = rows(matches);
        List<List<Object>> figuresBefore = rows(figures);
        assertThat(figuresBefore).anyMatch(r -> r.get(0).equals(PolicyStep.COVERAGE)).anyMatch(r -> r.get(0)
                .toString().startsWith(PolicyStep.GROUP_METRIC));
        LedgerResult alone = run.run(MARCH, List.of("policies"));
        assertThat(alone.skipped()).containsKey("policy subjects");
        assertThat(rows(matches)).containsExactlyElementsOf(before);
        assertThat(rows(figures)).containsExactlyElementsOf(figuresBefore);
    }

    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> out = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> r = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    r.add(rs.getObject(i));
                }
                out.add(r);
            }
        }
        return out;
    }

    long count(String flag) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + "family_flag WHERE data_period = ? AND flag_id = ?")) {
            ps.setString(1, MARCH.toString());
            ps.setString(2, flag);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theBuiltInReformsOverTheCounty() {
        PolicySimulationReforms.Library library = PolicySimulationReforms.Library.of(PolicySettings.builtIn(),
                GroupSettings.builtIn(), Divisions.shengsi());
        PolicySimulation sim = new PolicySimulation(IncomeSettings.builtIn().family());
        Reform none = library.read("name: none\nparameters: {old_age_80: 100.0}\n", "none.yaml", "none");
        PolicySimulation.Result zero = sim.run(PolicySettings.builtIn(), none, input, 20);
        assertThat(zero.total().costBefore()).isPositive();
        assertThat(zero.total().costChange()).isZero();
        assertThat(zero.winners() + zero.losers()).isZero();
        assertThat(zero.distribution().after()).isEqualTo(zero.distribution().before());
        // the baseline's flags are the income step's (family_flag)
        assertThat(zero.distribution().before().belowDibao()).isPositive().isEqualTo(count("dibao"));
        assertThat(zero.distribution().before().belowDibian()).isEqualTo(count("dibian"));
        assertThat(zero.distribution().before().brackets().get("middle_10_50") * zero.distribution().before().families())
                .isCloseTo(count("middle_10_50"), org.assertj.core.data.Offset.offset(0.01));

        Map<String, Reform> reforms = PolicySimulationReforms.of(null, library);
        PolicySimulation.Result oldAge = sim.run(PolicySettings.builtIn(), reforms.get("old-age-150"), input, 20);
        // the baseline taken from policy_match for the untouched policies is the baseline evaluated again
        assertThat(oldAge.notes()).anyMatch(n -> n.startsWith("baseline read from policy_match"));
        PolicySimulation.Result evaluated = sim.run(PolicySettings.builtIn(), reforms.get("old-age-150"),
                new PolicySimulation.Input(input.period(), input.persons(), input.families(), input.rows(), Map.of(), 0), 20);
        // (the same subjects; the amounts to the fen as policy_match stores them, a fen at most apart a payment)
        assertThat(evaluated.policies()).hasSameSizeAs(oldAge.policies());
        for (int i = 0; i < oldAge.policies().size(); i++) {
            PolicySimulation.PolicyRow a = evaluated.policies().get(i);
            PolicySimulation.PolicyRow b = oldAge.policies().get(i);
            assertThat(a.beneficiariesBefore()).as(a.code()).isEqualTo(b.beneficiariesBefore());
            assertThat(a.beneficiariesAfter()).as(a.code()).isEqualTo(b.beneficiariesAfter());
            assertThat(a.costBefore()).as(a.code()).isCloseTo(b.costBefore(),
                    org.assertj.core.data.Offset.offset(0.01 * a.paymentsAYear() * a.beneficiariesBefore() + 0.01));
            assertThat(a.costChange()).as(a.code()).isCloseTo(b.costChange(), org.assertj.core.data.Offset.offset(0.05));
        }
        assertThat(evaluated.winners()).isEqualTo(oldAge.winners());
        PolicySimulation.PolicyRow row = oldAge.policies().stream().filter(p -> p.code().equals("OLD_AGE_ALLOWANCE"))
                .findFirst().orElseThrow();
        assertThat(row.beneficiariesAfter()).isPositive().isEqualTo(row.beneficiariesBefore());
        assertThat(row.costChange()).isPositive();
        assertThat(oldAge.total().costChange()).isEqualTo(row.costChange());
        assertThat(oldAge.losers()).isZero();
        // every yuan of the change is in a family's DI or outside the families with an income figure
        assertThat(oldAge.gains() + oldAge.outsideChange()).isCloseTo(row.costChange(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(oldAge.winners()).isPositive();
        assertThat(oldAge.distribution().after().meanPerCapita()).isGreaterThan(oldAge.distribution().before().meanPerCapita());
        // the deciles add up to the county
        assertThat(oldAge.cells("OLD_AGE_ALLOWANCE", "decile").stream().mapToDouble(PolicySimulation.Cell::costChange).sum())
                .isCloseTo(row.costChange(), org.assertj.core.data.Offset.offset(0.05));

        PolicySimulation.Result fishery = sim.run(PolicySettings.builtIn(), reforms.get("fishery-income"), input, 20);
        PolicySimulation.PolicyRow f = fishery.policies().stream().filter(p -> p.code().equals("FISHERY_INCOME"))
                .findFirst().orElseThrow();
        assertThat(f.inForceBefore()).isFalse();
        assertThat(f.costAfter()).isEqualTo(f.beneficiariesAfter() * 200.0 * 12);
        assertThat(fishery.cells("FISHERY_INCOME", "group")).anyMatch(c -> c.key().equals("fishery_worker")
                && c.beneficiariesAfter() == f.beneficiariesAfter());
        System.out.println(PolicySimulationFormat.text(oldAge, Map.of()));
        System.out.println(PolicySimulationFormat.text(fishery, Map.of()));
    }
}
