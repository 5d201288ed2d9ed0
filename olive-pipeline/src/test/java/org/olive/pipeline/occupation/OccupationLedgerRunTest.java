package org.olive.pipeline.occupation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.family.FamilyBuilder;
import org.olive.occupation.OccupationClassification;
import org.olive.occupation.OccupationRules;
import org.olive.period.Period;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps facts and occupations inside the standard run, on the module's generated county (LedgerCounty: about 8,000
 * persons, 2025-01..03): one row per working-age person, valid 中类 codes, a certificate holder's row with the
 * certificate's code and record, and a re-run giving the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupationLedgerRunTest {

    static final Period P = LedgerCounty.FEBRUARY;
    DataSource ds;
    LedgerRun ledger;
    LedgerResult first;
    final OccupationRules rules = OccupationSettings.builtIn();

    @BeforeAll
    void ingestAndRun() {
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        ledger = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { });
        for (Period p : List.of(LedgerCounty.JANUARY, LedgerCounty.FEBRUARY)) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
            first = ledger.run(p);
        }
        System.out.print(first.summary());
    }

    @Test
    void everyWorkingAgePersonHasExactlyOneRowWithAValidCode() throws SQLException {
        List<Long> expected = new ArrayList<>();
        for (Object[] r : rows("SELECT person_key, sex, age FROM person_period WHERE data_period = ? AND age IS NOT NULL")) {
            if (rules.workingAge().contains((String) r[1], ((Number) r[2]).intValue())) {
                expected.add(((Number) r[0]).longValue());
            }
        }
        List<Long> written = rows("SELECT person_key FROM person_occupation WHERE data_period = ?").stream()
                .map(r -> ((Number) r[0]).longValue()).toList();
        assertThat(written).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(first.counts().get("occupation_persons")).isEqualTo(expected.size());
        OccupationClassification gbt = OccupationClassification.gbt6565();
        List<Object[]> coded = rows("SELECT occupation_code, source, reason FROM person_occupation WHERE data_period = ?");
        assertThat(coded).allSatisfy(r -> {
            if (r[0] != null) {
                assertThat(gbt.isLevel2((String) r[0])).as((String) r[0]).isTrue();
            } else {
                assertThat((String) r[2]).isNotBlank();
            }
        });
        // the county has work: most of its working-age people have an occupation, and several sources decide
        assertThat(first.counts().get("occupation_coded")).isGreaterThan(expected.size() / 3);
        assertThat(coded.stream().map(r -> r[1]).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aCertificateHolderGetsTheCertificatesCodeAndItsRecord() throws SQLException {
        List<Object[]> holders = rows("SELECT o.person_key, o.occupation_code, o.occupation_detail, o.evidence, c.occupation_code, "
                + "c.source_file, c.source_row, o.source FROM person_occupation o JOIN person p ON p.person_key = o.person_key "
                + "JOIN work_skill_cert c ON c.person_id = p.id_number WHERE o.data_period = ?");
        assertThat(holders).isNotEmpty();
        OccupationClassification gbt = OccupationClassification.gbt6565();
        // a holder of one certificate: CERTIFICATE with the certificate's 中类 and its file:row
        Map<Object, Long> perPerson = holders.stream().collect(java.util.stream.Collectors.groupingBy(r -> r[0],
                java.util.stream.Collectors.counting()));
        List<Object[]> single = holders.stream().filter(r -> perPerson.get(r[0]) == 1).toList();
        assertThat(single).isNotEmpty().allSatisfy(r -> {
            assertThat(r[7]).isEqualTo("CERTIFICATE");
            assertThat(r[1]).isEqualTo(gbt.level2((String) r[4]).orElseThrow());
            assertThat(r[2]).isEqualTo(r[4]);
            assertThat((String) r[3]).contains("skill_cert:" + r[5] + ":" + r[6]);
        });
    }

    @Test
    void reRunningThePeriodGivesIdenticalRows() throws SQLException {
        String sql = "SELECT person_key, occupation_code, occupation_detail, industry_code, source, confidence, reason, "
                + "rule_version, evidence FROM person_occupation WHERE data_period = ? ORDER BY person_key";
        String counts = "SELECT township_code, occupation_code, industry_code, source, persons FROM occupation_count "
                + "WHERE data_period = ? ORDER BY 1, 2, 3, 4";
        List<List<Object>> before = rows(sql).stream().map(java.util.Arrays::asList).toList();
        List<List<Object>> countsBefore = rows(counts).stream().map(java.util.Arrays::asList).toList();
        ledger.run(P);
        List<List<Object>> after = rows(sql).stream().map(java.util.Arrays::asList).toList();
        assertThat(after).isEqualTo(before);
        assertThat(rows(counts).stream().map(java.util.Arrays::asList).toList()).isNotEmpty().isEqualTo(countsBefore);
    }

    /** olive occupations' read model adds up to the stored rows, by code, township and period. */
    @Test
    void theReportCountsTheStoredRows() throws SQLException {
        OccupationReport r;
        try (Connection c = ds.getConnection()) {
            r = OccupationReport.read(c, P, null);
        }
        long persons = rows("SELECT COUNT(*) FROM person_occupation WHERE data_period = ?").get(0)[0] instanceof Number n
                ? n.longValue() : -1;
        long coded = ((Number) rows("SELECT COUNT(*) FROM person_occupation WHERE data_period = ? AND occupation_code "
                + "IS NOT NULL").get(0)[0]).longValue();
        assertThat(r.persons()).isEqualTo(persons).isPositive();
        assertThat(r.coded()).isEqualTo(coded).isPositive();
        assertThat(r.occupations().stream().mapToLong(OccupationReport.Count::persons).sum()).isEqualTo(coded);
        assertThat(r.sources().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(persons);
        assertThat(r.townships().stream().mapToLong(OccupationReport.Area::persons).sum()).isEqualTo(persons);
        // the largest 中类 as SQL counts it, with its name from GB/T 6565
        Object[] top = rows("SELECT occupation_code, COUNT(*) FROM person_occupation WHERE data_period = ? AND "
                + "occupation_code IS NOT NULL GROUP BY occupation_code ORDER BY 2 DESC, 1").get(0);
        assertThat(r.occupations().get(0).code()).isEqualTo(top[0]);
        assertThat(r.occupations().get(0).persons()).isEqualTo(((Number) top[1]).longValue());
        assertThat(r.occupations().get(0).name()).isNotBlank();
        assertThat(r.trend()).extracting(OccupationReport.Point::period).containsExactly("2025-01", "2025-02");
        // one township: its share of the county
        String town = r.townships().stream().filter(a -> !a.township().isEmpty()).findFirst().orElseThrow().township();
        try (Connection c = ds.getConnection()) {
            OccupationReport t = OccupationReport.read(c, P, town);
            assertThat(t.persons()).isEqualTo(r.townships().stream().filter(a -> a.township().equals(town))
                    .findFirst().orElseThrow().persons());
            assertThat(t.toCsv().lines().findFirst().orElseThrow()).isEqualTo("period,township,classification,code,name,persons,suppressed");
        }
    }

    private List<Object[]> rows(String sql) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, P.toString());
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
