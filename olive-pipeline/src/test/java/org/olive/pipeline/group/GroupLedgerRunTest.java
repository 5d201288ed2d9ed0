package org.olive.pipeline.group;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.olive.family.FamilyBuilder;
import org.olive.group.GroupDefinitions;
import org.olive.period.Period;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerSettings;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step groups inside the standard run, on the module's generated county (LedgerCounty: about 8,000 persons,
 * 2025-01..03, every group of the built-in groups.yaml enabled): members with their rule version and evidence,
 * entering and leaving that add up month to month, pilot indicator 6, hand decisions respected until withdrawn, a
 * re-run giving the same rows, and a rule failing at run time counted without stopping the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupLedgerRunTest {

    static final Period MARCH = LedgerCounty.MARCH;
    DataSource ds;
    LedgerRun ledger;
    final Map<Period, Map<String, Long>> results = new HashMap<>();
    /**
     * What the re-runs below run: the steps groups and tags with the in-memory outputs they need (facts, occupations),
     * on the tables the whole runs of {@link #ingestAndRun} left — the ledger's other steps do not read groups or tags' tables.
     */
    static final List<String> STEPS = List.of("facts", "occupations", "groups", "tags");

    @BeforeAll
    void ingestAndRun() {
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        ledger = new LedgerRun(ds, LedgerSettings.builtIn(), new FamilyBuilder(LedgerSettings.builtIn().family())::build,
                m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(LedgerCounty.generated().resolve(p.toString()), p);
            results.put(p, ledger.run(p).counts());
        }
    }

    @Test
    @Order(1)
    void membersCarryTheirRuleVersionEvidenceAndTier() throws SQLException {
        GroupDefinitions d = GroupSettings.builtIn();
        List<String> enabled = d.at(MARCH).groupIds();
        assertThat(enabled).hasSize(11);
        Map<String, Long> sizes = GroupReport.sizes(connection(), MARCH.toString());
        // the county has every livelihood: at least nine of the eleven groups have members
        assertThat(sizes.keySet()).isSubsetOf(enabled);
        assertThat(sizes.values().stream().filter(n -> n > 0).count()).isGreaterThanOrEqualTo(9);
        for (Object[] r : rows("SELECT group_id, origin, rule_version, evidence, tier FROM group_member WHERE data_period = ?",
                MARCH)) {
            assertThat(r[1]).isEqualTo("RULE");
            // the version in force at the period (graduate, port, tourism and fishery workers: version 2 from 2024-01)
            assertThat((String) r[2]).isEqualTo(d.at(MARCH).ruleVersion((String) r[0]));
            assertThat((String) r[3]).isNotBlank().contains("=");
        }
        // a certificate holder's evidence names the certificate record
        assertThat(rows("SELECT evidence FROM group_member WHERE data_period = ? AND group_id = 'skilled_worker' "
                + "AND evidence LIKE 'cert_best_level=%' AND evidence NOT LIKE 'cert_best_level=0%'", MARCH)).isNotEmpty()
                .allSatisfy(r -> assertThat((String) r[0]).containsPattern("cert_best_level=[1-5] \\[skill_cert:"));
        assertThat(rows("SELECT DISTINCT tier FROM group_member WHERE data_period = ? AND tier IS NOT NULL", MARCH))
                .extracting(r -> r[0]).contains("POTENTIAL");
        assertThat(results.get(MARCH).get("groups_memberships")).isEqualTo(
                sizes.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    @Order(2)
    void enteringAndLeavingAddUp() throws SQLException {
        Connection c = connection();
        // the first month: everyone enters
        Map<String, Long> january = GroupReport.sizes(c, LedgerCounty.JANUARY.toString());
        for (Map.Entry<String, Long> e : january.entrySet()) {
            assertThat(count("SELECT COUNT(*) FROM group_event WHERE data_period = ? AND group_id = ? AND kind = 'ENTER'",
                    LedgerCounty.JANUARY, e.getKey())).isEqualTo(e.getValue());
        }
        for (Period p : List.of(LedgerCounty.FEBRUARY, MARCH)) {
            Map<String, Long> before = GroupReport.sizes(c, p.minusMonths(1).toString());
            Map<String, Long> now = GroupReport.sizes(c, p.toString());
            for (String g : GroupSettings.builtIn().at(p).groupIds()) {
                long entered = count("SELECT COUNT(*) FROM group_event WHERE data_period = ? AND group_id = ? AND kind = 'ENTER'", p, g);
                long left = count("SELECT COUNT(*) FROM group_event WHERE data_period = ? AND group_id = ? AND kind = 'LEAVE'", p, g);
                assertThat(now.getOrDefault(g, 0L)).as(g + " " + p)
                        .isEqualTo(before.getOrDefault(g, 0L) + entered - left);
            }
        }
        assertThat(rows("SELECT reason FROM group_event WHERE data_period = ? AND kind = 'LEAVE'", MARCH))
                .allSatisfy(r -> assertThat((String) r[0]).isNotBlank());
    }

    @Test
    @Order(3)
    void pilotIndicatorSixIsMonitoredMembersOverMembers() throws SQLException {
        Object[] county = rows("SELECT numerator, denominator, figure FROM ledger_figure WHERE data_period = ? "
                + "AND metric = 'key_group_monitoring' AND area_code = ''", MARCH).get(0);
        long distinct = count("SELECT COUNT(DISTINCT person_key) FROM group_member WHERE data_period = ?", MARCH);
        long monitored = count("SELECT COUNT(DISTINCT g.person_key) FROM group_member g JOIN person_income i ON "
                + "i.data_period = g.data_period AND i.person_key = g.person_key AND i.monitored = TRUE WHERE g.data_period = ?", MARCH);
        assertThat(((Number) county[1]).longValue()).isEqualTo(distinct);
        assertThat(((Number) county[0]).longValue()).isEqualTo(monitored);
        assertThat(((Number) county[2]).doubleValue()).isBetween(0.05, 1.0);
        assertThat(rows("SELECT metric FROM ledger_figure WHERE data_period = ? AND metric LIKE 'group:%'", MARCH))
                .hasSize(11);
        // the registry's P6 was filled from it by step indicators? P6 is yearly: only a December run writes it
        GroupReport report = GroupReport.read(connection(), GroupSettings.builtIn(), MARCH, null);
        assertThat(report.overall().members()).isEqualTo(distinct);
        assertThat(report.toCsv().lines()).hasSize(12);
        assertThat(report.toText()).contains("pilot indicator 6");
    }

    @Test
    @Order(4)
    void handDecisionsAreRespectedUntilWithdrawnAndReRunsAreIdentical() throws SQLException {
        List<List<Object>> membersBefore = snapshot("group_member");
        List<List<Object>> eventsBefore = snapshot("group_event");
        long outsider;
        long insider;
        try (Connection c = ds.getConnection()) {
            outsider = ((Number) rows("SELECT MIN(p.person_key) FROM person_period p WHERE p.data_period = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM group_member g WHERE g.data_period = p.data_period AND g.person_key = p.person_key "
                    + "AND g.group_id = 'hardship')", MARCH).get(0)[0]).longValue();
            insider = ((Number) rows("SELECT MIN(person_key) FROM group_member WHERE data_period = ? AND group_id = 'hardship'",
                    MARCH).get(0)[0]).longValue();
            GroupDecisions.decide(c, outsider, "hardship", "ADD", "家访核实：无固定收入", "cadre1", Instant.now());
            GroupDecisions.decide(c, insider, "hardship", "REMOVE", "已迁出本县", "cadre1", Instant.now());
        }
        ledger.run(MARCH, STEPS);
        assertThat(rows("SELECT origin, evidence FROM group_member WHERE data_period = ? AND person_key = ? "
                + "AND group_id = 'hardship'", MARCH, outsider)).singleElement()
                .satisfies(r -> {
                    assertThat(r[0]).isEqualTo("MANUAL");
                    assertThat((String) r[1]).contains("cadre1").contains("家访核实");
                });
        assertThat(rows("SELECT 1 FROM group_member WHERE data_period = ? AND person_key = ? AND group_id = 'hardship'",
                MARCH, insider)).isEmpty();
        assertThat(rows("SELECT reason FROM group_event WHERE data_period = ? AND person_key = ? AND group_id = 'hardship' "
                + "AND kind = 'LEAVE'", MARCH, insider)).singleElement()
                .satisfies(r -> assertThat((String) r[0]).startsWith("removed by hand by cadre1: 已迁出本县"));

        try (Connection c = ds.getConnection()) {
            assertThat(GroupDecisions.withdraw(c, outsider, "hardship", "admin", Instant.now())).isTrue();
            assertThat(GroupDecisions.withdraw(c, insider, "hardship", "admin", Instant.now())).isTrue();
        }
        ledger.run(MARCH, STEPS);
        assertThat(snapshot("group_member")).isEqualTo(membersBefore);
        assertThat(snapshot("group_event")).isEqualTo(eventsBefore);
    }

    @Test
    @Order(5)
    void aRuleFailingAtRunTimeIsCountedAndTheRunGoesOn() throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(GroupSettings.class.getResourceAsStream(GroupSettings.RESOURCE))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a record field that does not exist: compiles (records are maps), fails for every person with a business
        GroupDefinitions broken = GroupDefinitions.read(new ByteArrayInputStream(text.replace("b.open && b.kind == 'INDIVIDUAL'",
                "b.opened && b.kind == 'INDIVIDUAL'").getBytes(StandardCharsets.UTF_8)), "groups.yaml");
        try {
            LedgerResult r = ledger.groups(broken).run(MARCH, STEPS);
            assertThat(r.counts()).containsKey("group_rule_failures individual_business@1");
            assertThat(r.counts().get("group_rule_failures individual_business@1")).isPositive();
            assertThat(r.counts().getOrDefault("group_individual_business", 0L)).isZero();
        } finally {
            ledger.groups(GroupSettings.builtIn()).run(MARCH, STEPS);
        }
    }

    /** Step tags in the same runs: the latest period's values with version and evidence, counts for every period. */
    @Test
    @Order(6)
    void tagsOfTheLatestPeriodWithTheirVersionAndCountsOfEveryPeriod() throws SQLException {
        assertThat(rows("SELECT DISTINCT data_period FROM tag_value")).extracting(r -> r[0]).containsExactly("2025-03");
        assertThat(rows("SELECT DISTINCT data_period FROM tag_count ORDER BY 1")).extracting(r -> r[0])
                .containsExactly("2025-01", "2025-02", "2025-03");
        // every person aged 60+ carries elderly@1, and no one else
        long elderly = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND age >= 60", MARCH);
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE '%;elderly;%' "
                + "AND versions LIKE '%;elderly@1;%'")).isEqualTo(elderly);
        // a person's key-group tag lists exactly their groups
        Object[] kg = rows("SELECT subject_key, tags FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE "
                + "'%;key_groups=%' ORDER BY subject_key").get(0);
        String value = ((String) kg[1]).replaceAll(".*;key_groups=([^;]*);.*", "$1");
        List<Object[]> theirs = rows("SELECT group_id FROM group_member WHERE data_period = ? AND person_key = ? "
                + "ORDER BY group_id", MARCH, Long.parseLong((String) kg[0]));
        assertThat(value.split(",")).containsExactlyInAnyOrderElementsOf(theirs.stream().map(r -> (String) r[0]).toList());
        // family structure tags exist on the generated county; the counts add up to the tags stored
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'FAMILY' AND tags LIKE '%;three_generations;%'"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'FAMILY' AND tags LIKE '%;single_elderly;%'"))
                .isPositive();
        // housing tags: every person of the period with a residential title registered by the period's end (any
        // delivery up to it) is a home owner, and no one else; a family without any such title is 无房户
        String titles = "SELECT p.person_key FROM income_property_ownership o JOIN person p ON p.id_number = o.owner_id "
                + "WHERE o.use_kind = 'RESIDENTIAL' AND o.data_period <= '2025-03' AND o.registered_date <= DATE '2025-03-31' "
                + "AND o.run_id IN (SELECT id FROM ingest_run WHERE status = 'SUCCEEDED')";
        long owners = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND person_key IN (" + titles + ")", MARCH);
        assertThat(owners).isPositive();
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE '%;home_owner=%'"))
                .isEqualTo(owners);
        long homeless = count("SELECT COUNT(DISTINCT family_key) FROM family_member WHERE data_period = ? AND family_key "
                + "NOT IN (SELECT family_key FROM family_member WHERE data_period = '2025-03' AND person_key IN (" + titles
                + "))", MARCH);
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'FAMILY' AND tags LIKE '%;family_without_home;%'"))
                .isEqualTo(homeless).isPositive();
        assertThat(rows("SELECT evidence FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE '%;home_owner=%'"))
                .allSatisfy(r -> assertThat((String) r[0]).contains("home_owner: homes=").contains("property_ownership:"));
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE '%;landlord=%'"))
                .isPositive();
        assertThat(count("SELECT SUM(subjects) FROM tag_count WHERE data_period = ?", MARCH))
                .isEqualTo(results.get(MARCH).get("tags_values_stored"));
        assertThat(rows("SELECT evidence FROM tag_value WHERE tags LIKE '%;disabled=%'")).isNotEmpty()
                .allSatisfy(r -> assertThat((String) r[0]).contains("disabled: disability_grade="));
        // a run of an earlier period writes its counts but keeps the latest period's values; re-running the latest
        // period updates its rows in place and gives the same rows
        String all = "SELECT subject_kind, subject_key, data_period, tags, versions, evidence FROM tag_value ORDER BY 1, 2";
        List<List<Object>> before = rows(all).stream().map(java.util.Arrays::asList).toList();
        ledger.run(LedgerCounty.FEBRUARY, STEPS);
        assertThat(rows("SELECT DISTINCT data_period FROM tag_value")).extracting(r -> r[0]).containsExactly("2025-03");
        ledger.run(MARCH, STEPS);
        assertThat(rows(all).stream().map(java.util.Arrays::asList).toList()).isEqualTo(before);
    }

    /**
     * A tag version saved through the tag editor's owner (TagRuleVersions) is used by the next run of a period on or
     * after its valid_from, which records its id; the editor's preview over the stored tables gives what the run gave;
     * a rule naming an unknown fact is refused with its position and nothing is stored.
     */
    @Test
    @Order(7)
    void aTagVersionSavedFromTheWebIsUsedByTheNextRun() throws SQLException {
        org.olive.tag.TagDefinitions profile = org.olive.pipeline.tag.TagSettings.builtIn();
        try (Connection c = connection()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.olive.pipeline.tag.TagRuleVersions.save(c, profile,
                            org.olive.tag.SavedTagVersion.of("elderly", 2, MARCH, "agee >= 70", null), "admin", "试", Instant.now()))
                    .isInstanceOf(org.olive.pipeline.tag.TagRuleVersions.RefusedException.class)
                    .hasMessageContaining("tags: elderly@2.when: line 1, column 1: undeclared reference to 'agee'");
            assertThat(org.olive.pipeline.tag.TagRuleVersions.all(c)).isEmpty();
            org.olive.pipeline.tag.TagRuleVersions.save(c, profile,
                    org.olive.tag.SavedTagVersion.of("elderly", 2, MARCH, "age >= 70", null), "admin", "按新口径", Instant.now());
            // a new tag, defined from the web
            org.olive.pipeline.tag.TagRuleVersions.save(c, profile, new org.olive.tag.SavedTagVersion("working_age", 1,
                    LedgerCounty.JANUARY, "age >= 16 && age < 60", null, org.olive.tag.TagDefinitions.Subject.PERSON,
                    "人口特征", "年龄", "劳动年龄人口", "Working age"), "admin", "新增标签", Instant.now());
        }
        ledger.run(MARCH, STEPS);
        long seventy = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND age >= 70", MARCH);
        long sixty = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND age >= 60", MARCH);
        assertThat(seventy).isPositive().isLessThan(sixty);
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'PERSON' AND tags LIKE '%;elderly;%' "
                + "AND versions LIKE '%;elderly@2;%'")).isEqualTo(seventy);
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE versions LIKE '%;elderly@1;%'")).isZero();
        long working = count("SELECT COUNT(*) FROM person_period WHERE data_period = ? AND age >= 16 AND age < 60", MARCH);
        assertThat(count("SELECT COUNT(*) FROM tag_value WHERE tags LIKE '%;working_age;%' AND versions LIKE "
                + "'%;working_age@1;%'")).isEqualTo(working);
        assertThat(count("SELECT SUM(subjects) FROM tag_count WHERE data_period = ? AND tag_id = 'elderly'", MARCH))
                .isEqualTo(seventy);
        assertThat(rows("SELECT DISTINCT rule_version FROM tag_count WHERE data_period = ? AND tag_id = 'elderly'", MARCH))
                .extracting(r -> r[0]).containsExactly("elderly@2");
        // February's counts keep the profile's version: the saved one is in force from March
        assertThat(rows("SELECT DISTINCT rule_version FROM tag_count WHERE data_period = ? AND tag_id = 'elderly'",
                LedgerCounty.FEBRUARY)).extracting(r -> r[0]).containsExactly("elderly@1");
        // the preview over the tables the run left counts what the run stored
        try (Connection c = connection()) {
            org.olive.pipeline.tag.TagSubjects subjects = org.olive.pipeline.tag.TagSubjects.read(c, MARCH,
                    org.olive.pipeline.fact.PersonFactsReader.of(org.olive.pipeline.occupation.OccupationSettings.builtIn(),
                            org.olive.geography.Divisions.shengsi()));
            var r = org.olive.pipeline.tag.TagPreview.preview(subjects, org.olive.tag.TagDefinitions.Subject.PERSON,
                    "age >= 70", null, null, 1_000_000);
            assertThat(r.matches()).isEqualTo(seventy);
            assertThat(r.sample()).hasSize((int) seventy).allSatisfy(m -> assertThat(m.evidence()).startsWith("age="));
            String township = r.sample().stream().map(org.olive.pipeline.tag.TagPreview.Match::township)
                    .filter(Objects::nonNull).findFirst().orElseThrow();
            var scoped = org.olive.pipeline.tag.TagPreview.preview(subjects, org.olive.tag.TagDefinitions.Subject.PERSON,
                    "age >= 70", null, township, 1000);
            assertThat(scoped.areaMatches()).isLessThan(seventy)
                    .isEqualTo(r.sample().stream().filter(m -> township.equals(m.township())).count());
            assertThat(scoped.sample()).allSatisfy(m -> assertThat(m.township()).isEqualTo(township));
            var families = org.olive.pipeline.tag.TagPreview.preview(subjects, org.olive.tag.TagDefinitions.Subject.FAMILY,
                    "generations >= 3", null, null, 3);
            assertThat(families.matches()).isEqualTo(count("SELECT COUNT(*) FROM tag_value WHERE subject_kind = 'FAMILY' "
                    + "AND tags LIKE '%;three_generations;%'"));
        }
    }

    private Connection connection() throws SQLException {
        return ds.getConnection();
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

    private List<List<Object>> snapshot(String table) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows("SELECT * FROM " + table + " WHERE data_period = ? ORDER BY person_key, group_id", MARCH)) {
            out.add(List.of(java.util.Arrays.stream(r).map(x -> x == null ? "∅" : x).toArray()));
        }
        return out;
    }
}
