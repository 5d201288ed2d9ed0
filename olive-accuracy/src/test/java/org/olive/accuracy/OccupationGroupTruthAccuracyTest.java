package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.StandardRun;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The occupation and key-group accuracy (issue 13) on ledgers written straight into an in-memory H2 with the migrations
 * applied, from the truth of a generated 3,000-person county: a ledger copied from the truth scores 1.0; a ledger with
 * shifted occupation codes, dropped or phantom group members, or persons the truth does not know scores lower, by the
 * amounts the definitions say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupationGroupTruthAccuracyTest {

    static final Period P = Period.of(2024, 6);
    /** Persons in the registry whom the truth does not list (visitors, say). */
    static final List<String> PHANTOMS = List.of("110101199001010010", "110101199001010029", "110101199001010037");

    Path dir;
    Path truth;
    DataSource ds;
    List<String[]> occupations;
    List<String[]> groups;

    @BeforeAll
    void generate() throws IOException, SQLException {
        dir = Files.createTempDirectory("olive-occupation-county");
        new CountyGenerator(new SynthOptions(dir, 31, 3000, P, P, FaultRates.none(), 5_000)).generate();
        truth = dir.resolve("truth").resolve(P.toString());
        occupations = new ArrayList<>();
        TruthAccuracy.read(truth.resolve("occupations.csv"),
                List.of("person_id", "occupation", "occupation_level2", "industry", "employed"), r -> occupations.add(r.clone()));
        groups = new ArrayList<>();
        TruthAccuracy.read(truth.resolve("groups.csv"), List.of("person_id", "group_id"), r -> groups.add(r.clone()));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:occupation-truth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ds = h2;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO person (person_key, id_number, first_period, last_period) VALUES (?, ?, ?, ?)")) {
            long key = 1;
            List<String> ids = new ArrayList<>(occupations.stream().map(r -> r[0]).toList());
            ids.addAll(PHANTOMS);
            for (String id : ids) {
                ps.setLong(1, key++);
                ps.setString(2, id);
                ps.setString(3, P.toString());
                ps.setString(4, P.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Writes person_occupation from the truth, each level-2 code passed through {@code code}. */
    void occupationLedger(Connection c, UnaryOperator<String> code, List<String> phantomCodes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_occupation (data_period, person_key, "
                + "occupation_code, occupation_detail, industry_code, source, confidence, rule_version) "
                + "SELECT ?, person_key, ?, ?, ?, ?, 1, 'test' FROM person WHERE id_number = ?")) {
            for (String[] r : occupations) {
                String level2 = r[2].isEmpty() ? null : code.apply(r[2]);
                add(ps, r[0], level2, r[1].isEmpty() ? null : r[1], r[3].isEmpty() ? null : r[3]);
            }
            for (int i = 0; i < phantomCodes.size(); i++) {
                add(ps, PHANTOMS.get(i), phantomCodes.get(i), null, null);
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String id, String level2, String detail, String industry) throws SQLException {
        ps.setString(1, P.toString());
        ps.setString(2, level2);
        ps.setString(3, detail);
        ps.setString(4, industry);
        ps.setString(5, level2 == null ? "NONE" : detail != null && detail.startsWith("5-") ? "FISHERY" : "EMPLOYER");
        ps.setString(6, id);
        ps.addBatch();
    }

    /** Writes group_member from the truth's memberships (origin RULE), and extra rows (id, group, origin). */
    void groupLedger(Connection c, java.util.function.Predicate<String[]> keep, List<String[]> extra) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_member (data_period, person_key, group_id, origin, "
                + "rule_version) SELECT ?, person_key, ?, ?, 'test' FROM person WHERE id_number = ?")) {
            List<String[]> rows = new ArrayList<>();
            groups.forEach(r -> {
                if (keep.test(r)) {
                    rows.add(new String[]{r[0], r[1], "RULE"});
                }
            });
            rows.addAll(extra);
            for (String[] r : rows) {
                ps.setString(1, P.toString());
                ps.setString(2, r[1]);
                ps.setString(3, r[2]);
                ps.setString(4, r[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static RunFigure figure(List<RunFigure> figures, String metric, String area) {
        return figures.stream().filter(f -> f.metric().equals(metric) && f.areaCode().equals(area)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + metric + " / '" + area + "' in " + figures));
    }

    List<RunFigure> compare(Connection c, Set<String> enabled) throws SQLException {
        return TruthAccuracyStep.compare(c, P, truth, IncomeSettings.builtIn().family(), enabled);
    }

    @Test
    void aLedgerCopiedFromTheTruthScoresOne() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            occupationLedger(c, x -> x, List.of());
            groupLedger(c, r -> true, List.of());
            List<RunFigure> f = compare(c, Set.of());
            for (String m : List.of("occupation_level2_precision", "occupation_level2_recall", "occupation_detail_precision",
                    "occupation_industry_precision", "occupation_industry_division_precision")) {
                assertThat(figure(f, m, "").value()).as(m).isEqualTo(1.0);
                assertThat(figure(f, m, "").denominator()).as(m).isGreaterThan(500);
            }
            assertThat(figure(f, "occupation_level2_precision", "EMPLOYER").value()).isEqualTo(1.0);
            assertThat(figure(f, "occupation_level2_precision", "FISHERY").value()).isEqualTo(1.0);
            long coded = occupations.stream().filter(r -> !r[2].isEmpty()).count();
            assertThat(figure(f, "occupation_coverage", "").numerator()).isEqualTo(coded);
            assertThat(figure(f, "occupation_coverage", "").denominator()).isEqualTo(occupations.size());
            // only informal workers (working, no simulated occupation) are left unknown
            assertThat(figure(f, "occupation_unknown_share", "").value()).isBetween(0.0, 0.25);
            Set<String> ids = new TreeSet<>(groups.stream().map(r -> r[1]).toList());
            assertThat(ids).hasSize(11);
            for (String g : ids) {
                assertThat(figure(f, "group_precision", g).value()).as(g).isEqualTo(1.0);
                assertThat(figure(f, "group_recall", g).value()).as(g).isEqualTo(1.0);
                assertThat(figure(f, "group_size", g).value()).as(g).isEqualTo(1.0);
            }
            assertThat(figure(f, "group_precision", "").value()).isEqualTo(1.0);
            assertThat(figure(f, "group_recall", "").denominator()).isEqualTo(groups.size());
            assertThat(figure(f, "group_manual_precision", "").value()).isNull();
            c.rollback();
        }
    }

    @Test
    void shiftedCodesAndUnknownPersonsLowerTheOccupationFigures() throws SQLException {
        List<String> codes = new ArrayList<>(new TreeSet<>(occupations.stream().map(r -> r[2]).filter(s -> !s.isEmpty()).toList()));
        assertThat(codes.size()).isGreaterThan(5);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            // every code replaced by the next one of the county's codes: nobody keeps the right 中类
            occupationLedger(c, x -> codes.get((codes.indexOf(x) + 1) % codes.size()), List.of());
            List<RunFigure> f = compare(c, Set.of());
            assertThat(figure(f, "occupation_level2_precision", "").value()).isEqualTo(0.0);
            assertThat(figure(f, "occupation_level2_recall", "").value()).isEqualTo(0.0);
            assertThat(figure(f, "occupation_level2_precision", "EMPLOYER").value()).isEqualTo(0.0);
            // coverage does not see it, and the industry was left right
            assertThat(figure(f, "occupation_coverage", "").value()).isGreaterThan(0.3);
            assertThat(figure(f, "occupation_industry_precision", "").value()).isEqualTo(1.0);
            c.rollback();
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            // right codes, plus persons the truth does not list: they count as wrong
            occupationLedger(c, x -> x, List.of("4-03", "4-03", "6-01"));
            List<RunFigure> f = compare(c, Set.of());
            RunFigure p = figure(f, "occupation_level2_precision", "");
            assertThat(p.denominator() - p.numerator()).isEqualTo(3);
            assertThat(p.value()).isLessThan(1.0);
            assertThat(figure(f, "occupation_level2_recall", "").value()).isEqualTo(1.0);
            c.rollback();
        }
    }

    @Test
    void droppedAndPhantomMembersLowerTheGroupFigures() throws SQLException {
        List<String> skilledIds = groups.stream().filter(r -> r[1].equals("skilled_worker")).map(r -> r[0]).toList();
        long skilled = skilledIds.size();
        Set<String> dropped = new java.util.HashSet<>();
        for (int i = 0; i < skilledIds.size(); i += 2) {
            dropped.add(skilledIds.get(i));
        }
        Set<String> tourism = new TreeSet<>(groups.stream().filter(r -> r[1].equals("tourism_worker")).map(r -> r[0]).toList());
        // phantom members of tourism_worker: true members of port_worker who are not tourism workers, and a visitor
        List<String[]> phantoms = new ArrayList<>();
        groups.stream().filter(r -> r[1].equals("port_worker") && !tourism.contains(r[0])).limit(20)
                .forEach(r -> phantoms.add(new String[]{r[0], "tourism_worker", "RULE"}));
        phantoms.add(new String[]{PHANTOMS.get(0), "tourism_worker", "MANUAL"});
        assertThat(phantoms).hasSizeGreaterThan(5);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            occupationLedger(c, x -> x, List.of());
            // every other skilled worker dropped; graduates left out (a group the ledger does not enable yet)
            groupLedger(c, r -> !(r[1].equals("skilled_worker") && dropped.contains(r[0]))
                    && !r[1].equals("graduate"), phantoms);
            List<RunFigure> f = compare(c, Set.of());
            assertThat(figure(f, "group_recall", "skilled_worker").value()).isCloseTo(0.5, within(0.01));
            assertThat(figure(f, "group_precision", "skilled_worker").value()).isEqualTo(1.0);
            RunFigure tp = figure(f, "group_precision", "tourism_worker");
            assertThat(tp.denominator() - tp.numerator()).isEqualTo(phantoms.size());
            assertThat(figure(f, "group_recall", "tourism_worker").value()).isEqualTo(1.0);
            assertThat(figure(f, "group_manual_precision", "tourism_worker").value()).isEqualTo(0.0);
            assertThat(figure(f, "group_manual_precision", "").denominator()).isEqualTo(1);
            assertThat(figure(f, "group_precision", "").value()).isLessThan(1.0);
            assertThat(figure(f, "group_recall", "").value()).isLessThan(1.0);
            assertThat(figure(f, "group_recall", "").denominator()).isEqualTo(groups.stream()
                    .filter(r -> !r[1].equals("graduate")).count());
            assertThat(figure(f, "group_size", "skilled_worker").numerator()).isEqualTo(skilled - dropped.size());
            // a group not enabled is not measured; enabled by the caller but without members, its recall is 0
            assertThat(f).noneMatch(x -> x.areaCode().equals("graduate"));
            List<RunFigure> g = compare(c, Set.of("graduate"));
            assertThat(figure(g, "group_recall", "graduate").value()).isEqualTo(0.0);
            assertThat(figure(g, "group_recall", "graduate").denominator()).isPositive();
            String summary = TruthAccuracyStep.groupTable(g) + TruthAccuracyStep.sourceTable(g);
            assertThat(summary).contains("key groups against the truth", "skilled_worker", "graduate",
                    "occupation 中类 precision by source", "EMPLOYER");
            System.out.print(summary);
            c.rollback();
        }
    }

    /** Without group or occupation rows for the period, no such figure; figures are stored with group ids as areas. */
    @Test
    void theStepMeasuresOnlyLedgersThatExistAndStoresGroupAreas() throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<RunFigure> f = compare(c, Set.of("graduate"));
            assertThat(f).noneMatch(x -> x.metric().startsWith("occupation_") || x.metric().startsWith("group_"));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO ledger_figure (data_period, metric, area_code, numerator, denominator) "
                        + "VALUES ('" + P + "', 'group_precision', 'individual_business', 1, 1)");
            }
            c.rollback();
        }
        TruthAccuracyStep step = (TruthAccuracyStep) TruthAccuracyStep.forPeriod(dir.resolve("truth"), null, P,
                IncomeSettings.builtIn().family()).get(0);
        List<String> needs = step.needs();
        assertThat(needs).containsAll(List.of("lists", "families", "income", "figures"));
        for (String optional : TruthAccuracyStep.OPTIONAL_NEEDS) {
            assertThat(needs.contains(optional)).as(optional).isEqualTo(StandardRun.stepNames().contains(optional));
        }
    }
}
