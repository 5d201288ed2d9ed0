package org.olive.pipeline.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Record matching on a hand-made period (which rows are matched, what is written, how decisions persist) and on a
 * small synthetic county measured against the generator's truth.
 */
class RecordMatchingTest {

    static final String PERIOD = "2023-12";
    static final String VILLAGE = "330922100201";
    static final String HUKOU = "户籍人口_202312.csv";
    static final LocalDate WANG_BIRTH = LocalDate.of(1968, 4, 12);
    static final String WANG = IdNumber.compose("330922", WANG_BIRTH, 17, true).value();
    static final String LI = IdNumber.compose("330922", LocalDate.of(1972, 5, 6), 18, false).value();
    static final String TWIN_A = IdNumber.compose("330922", LocalDate.of(1990, 1, 2), 30, true).value();
    static final String TWIN_B = IdNumber.compose("330922", LocalDate.of(1990, 1, 2), 31, true).value();

    DataSource ds;
    long run;
    List<String> progress = new ArrayList<>();

    static String wrongCheck(String id) {
        return id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
    }

    @BeforeEach
    void period() throws SQLException {
        ds = MatchDatabases.h2Memory();
        try (Connection c = ds.getConnection()) {
            run = run(c, "SUCCEEDED");
            long failed = run(c, "FAILED");
            person(c, 1, WANG, "王建国", "M", WANG_BIRTH);
            person(c, 2, LI, "李秀英", "F", LocalDate.of(1972, 5, 6));
            person(c, 3, TWIN_A, "陈伟", "M", LocalDate.of(1990, 1, 2));
            person(c, 4, TWIN_B, "陈伟", "M", LocalDate.of(1990, 1, 2));
            hukou(c, run, PERIOD, LI, VILLAGE);
            hukou(c, run, "2023-11", WANG, VILLAGE);
            hukou(c, run, PERIOD, TWIN_A, VILLAGE);
            hukou(c, run, PERIOD, TWIN_B, VILLAGE);
            // row 2: Wang with a wrong check character -> MATCHED on the ID body
            reject(c, run, "hukou", HUKOU, 2, "公民身份号码", wrongCheck(WANG),
                    "{\"name\":\"王建国\",\"sex\":\"M\",\"birth_date\":\"1968-04-12\",\"hukou_no\":\"H1\",\"village_code\":\"" + VILLAGE + "\"}");
            // row 3: no ID, a name typo -> REVIEW
            reject(c, run, "hukou", HUKOU, 3, "公民身份号码", "",
                    "{\"name\":\"黎秀英\",\"sex\":\"F\",\"birth_date\":\"1972-05-06\",\"village_code\":\"" + VILLAGE + "\"}");
            // row 4: no ID and two persons alike -> REVIEW (ambiguous)
            reject(c, run, "hukou", HUKOU, 4, "公民身份号码", "",
                    "{\"name\":\"陈伟\",\"sex\":\"M\",\"birth_date\":\"1990-01-02\",\"village_code\":\"" + VILLAGE + "\"}");
            // row 5: nobody like this -> NO_CANDIDATE
            reject(c, run, "hukou", HUKOU, 5, "公民身份号码", "12345",
                    "{\"name\":\"赵六\",\"sex\":\"F\",\"birth_date\":\"2001-05-05\"}");
            // row 6: the ID and the village refused -> not matched (another field refused too)
            reject(c, run, "hukou", HUKOU, 6, "公民身份号码", wrongCheck(LI), "{\"name\":\"李秀英\"}");
            reject(c, run, "hukou", HUKOU, 6, "村社代码", "999", "{\"name\":\"李秀英\"}");
            // row 7: a valid ID, a refused birth date -> not an ID problem
            reject(c, run, "hukou", HUKOU, 7, "出生日期", "2099-01-01", "{\"person_id\":\"" + LI + "\",\"name\":\"李秀英\"}");
            // a crossing and a failed run's reject -> left out
            reject(c, run, "crossings", "进出岛记录_202312.csv", 2, "证件号码", wrongCheck(WANG), "{\"name\":\"王建国\"}");
            reject(c, failed, "hukou", "old.csv", 2, "公民身份号码", wrongCheck(WANG), "{\"name\":\"王建国\"}");
            // a dataset without birth date or sex: the ID body and the name suffice
            reject(c, run, "social_insurance", "社会保险缴费明细_202312.csv", 9, "证件号码", wrongCheck(LI), "{\"name\":\"李秀英\"}");
        }
    }

    @Test
    void matchesRowsRefusedOnlyForTheirIdAndWritesOneExplainedRowEach() throws SQLException {
        RecordMatching.Result r;
        try (Connection c = ds.getConnection()) {
            r = new RecordMatching().progress(progress::add).match(c, PERIOD);
        }

        assertThat(r.countsByStatus()).containsEntry("MATCHED", 2).containsEntry("REVIEW", 2).containsEntry("NO_CANDIDATE", 1)
                .containsEntry("CONFIRMED", 0).containsEntry("REJECTED", 0);
        assertThat(r.recovered()).extracting(RecordMatching.RecoveredRow::dataset, RecordMatching.RecoveredRow::sourceRow,
                RecordMatching.RecoveredRow::personId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("hukou", 2L, WANG), org.assertj.core.groups.Tuple.tuple("social_insurance", 9L, LI));
        RecordMatching.RecoveredRow wang = r.recovered().stream().filter(x -> x.dataset().equals("hukou")).findFirst().orElseThrow();
        assertThat(wang.values()).containsEntry("hukou_no", "H1").containsEntry("name", "王建国").doesNotContainKey("person_id");

        Map<Long, String[]> rows = matches();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(2L)[0]).isEqualTo("MATCHED");
        assertThat(rows.get(2L)[1]).isEqualTo("1");
        assertThat(rows.get(2L)[2]).contains("\"field\":\"ID_BODY\",\"outcome\":\"AGREED\",\"weight\":12.0,\"points\":12.0")
                .contains("\"score\":24.0").doesNotContain(WANG);
        assertThat(rows.get(3L)[0]).isEqualTo("REVIEW");
        assertThat(rows.get(3L)[1]).isEqualTo("2");
        assertThat(rows.get(3L)[2]).contains("\"outcome\":\"PARTIAL\"");
        assertThat(rows.get(4L)[0]).isEqualTo("REVIEW");
        assertThat(rows.get(4L)[2]).contains("ambiguous").contains("runnerUp");
        assertThat(rows.get(5L)[0]).isEqualTo("NO_CANDIDATE");
        assertThat(rows.get(5L)[1]).isNull();
        assertThat(progress).singleElement().satisfies(s -> assertThat(s).contains("5 rows refused only for their ID number")
                .doesNotContain(WANG.substring(6, 14)));
    }

    @Test
    void aRerunKeepsDecisionsUsesConfirmedCandidatesAndDropsRowsNoLongerRejected() throws SQLException {
        RecordMatching matching = new RecordMatching();
        try (Connection c = ds.getConnection()) {
            matching.match(c, PERIOD);
            Map<Long, Long> ids = matchIds(c);
            OffsetDateTime at = OffsetDateTime.of(2024, 1, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));
            matching.decide(c, ids.get(3L), RecordMatching.Decision.CONFIRM, null, "reviewer", at);
            matching.decide(c, ids.get(4L), RecordMatching.Decision.CONFIRM, 4L, "reviewer", at);
            matching.decide(c, ids.get(2L), RecordMatching.Decision.REJECT, null, "reviewer", at);
            assertThatThrownBy(() -> matching.decide(c, ids.get(5L), RecordMatching.Decision.CONFIRM, null, "reviewer", at))
                    .hasMessageContaining("has no suggested candidate");
            assertThatThrownBy(() -> matching.decide(c, 999_999L, RecordMatching.Decision.REJECT, null, "reviewer", at))
                    .hasMessageContaining("no person_match row 999999");
            assertThatThrownBy(() -> matching.decide(c, ids.get(5L), RecordMatching.Decision.CONFIRM, 77L, "reviewer", at))
                    .hasMessageContaining("no person 77");
            // the period is re-ingested: row 9 of social insurance is no longer rejected
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM ingest_reject WHERE dataset = 'social_insurance'");
            }

            RecordMatching.Result again = matching.match(c, PERIOD);

            assertThat(again.countsByStatus()).containsEntry("CONFIRMED", 2).containsEntry("REJECTED", 1)
                    .containsEntry("MATCHED", 0).containsEntry("REVIEW", 0).containsEntry("NO_CANDIDATE", 1);
            assertThat(again.recovered()).extracting(RecordMatching.RecoveredRow::sourceRow, RecordMatching.RecoveredRow::personId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3L, LI), org.assertj.core.groups.Tuple.tuple(4L, TWIN_B));
        }
        Map<Long, String[]> rows = matches();
        assertThat(rows).hasSize(4).doesNotContainKey(9L);
        assertThat(rows.get(2L)[0]).isEqualTo("REJECTED");
        assertThat(rows.get(4L)[0]).isEqualTo("CONFIRMED");
        assertThat(rows.get(4L)[1]).isEqualTo("4");
        assertThat(rows.get(4L)[3]).isEqualTo("reviewer");
    }

    /**
     * A small synthetic county (5 000 persons, November–December 2023, default faults: INVALID_ID_CHECKSUM, NAME_TYPO,
     * LEGACY_ID_15 among them) ingested, the registry filled from the valid hukou and floating rows of both months, and
     * December matched. Measured against truth/faults.csv: of the hukou rows refused for an invalid ID, the share
     * MATCHED to the right person (recovered) and the share of MATCHED rows that are right (precision).
     */
    @Test
    void onASyntheticCountyRowsWithABrokenCheckCharacterAreMatchedToTheRightPerson(@TempDir Path county)
            throws SQLException, IOException {
        Period nov = Period.of(2023, 11);
        Period dec = Period.of(2023, 12);
        new CountyGenerator(new SynthOptions(county, 7, 5000, nov, dec, FaultRates.defaults(), 2000)).generate();
        DataSource db = MatchDatabases.h2Memory();
        PeriodIngest.withDefaults(db).ingest(county.resolve(nov.toString()), nov);
        PeriodIngest.withDefaults(db).ingest(county.resolve(dec.toString()), dec);
        Map<String, MatchCountyTruth.Fault> truth = MatchCountyTruth.faults(county, dec.toString());

        RecordMatching.Result result;
        Map<String, String[]> matched = new HashMap<>();
        String hukouFile;
        try (Connection c = db.getConnection()) {
            int persons = fillRegistry(c);
            assertThat(persons).isGreaterThan(4000);
            result = new RecordMatching().progress(progress::add).match(c, dec.toString());
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT m.dataset, m.file_name, m.source_row, m.status, p.id_number, m.raw_id "
                         + "FROM person_match m LEFT JOIN person p ON p.person_key = m.candidate_key WHERE m.data_period = '2023-12'")) {
                while (rs.next()) {
                    matched.put(MatchCountyTruth.key(rs.getString(2), rs.getLong(3)),
                            new String[]{rs.getString(1), rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file_name FROM ingest_file "
                    + "WHERE data_period = '2023-12' AND dataset = 'hukou'")) {
                rs.next();
                hukouFile = rs.getString(1);
            }
        }

        // hukou: truth rows with a broken check character, and what became of them
        Map<String, MatchCountyTruth.Fault> hukouChecksum = new HashMap<>();
        truth.forEach((k, f) -> {
            if (f.type().equals("INVALID_ID_CHECKSUM") && k.startsWith(hukouFile + "#")) {
                hukouChecksum.put(k, f);
            }
        });
        assertThat(hukouChecksum).as("the generator forces at least one broken check character").isNotEmpty();
        long hukouMatched = matched.values().stream().filter(v -> v[0].equals("hukou") && v[1].equals("MATCHED")).count();
        long hukouRight = hukouChecksum.entrySet().stream().filter(e -> {
            String[] m = matched.get(e.getKey());
            return m != null && m[1].equals("MATCHED") && e.getValue().original().equals(m[2]);
        }).count();
        // every dataset: MATCHED rows against the truth
        long allMatched = matched.values().stream().filter(v -> v[1].equals("MATCHED")).count();
        long allRight = matched.entrySet().stream().filter(e -> e.getValue()[1].equals("MATCHED")).filter(e -> {
            MatchCountyTruth.Fault f = truth.get(e.getKey());
            return f != null && f.type().equals("INVALID_ID_CHECKSUM") && f.original().equals(e.getValue()[2]);
        }).count();
        long allChecksum = truth.entrySet().stream().filter(e -> e.getValue().type().equals("INVALID_ID_CHECKSUM")
                && matched.containsKey(e.getKey())).count();
        System.out.printf(Locale.ROOT, "record matching on the synthetic county, 2023-12: hukou rows with a broken check character %d, "
                        + "MATCHED %d, right %d: precision %.3f, recovered %.3f; all person datasets: %d refused rows, MATCHED %d, right %d "
                        + "(precision %.3f); counts %s%n", hukouChecksum.size(), hukouMatched, hukouRight,
                hukouMatched == 0 ? 0.0 : (double) hukouRight / hukouMatched, (double) hukouRight / hukouChecksum.size(),
                matched.size(), allMatched, allRight, allMatched == 0 ? 0.0 : (double) allRight / allMatched, result.countsByStatus());

        assertThat(hukouRight).as("hukou precision: every MATCHED hukou row is the right person").isEqualTo(hukouMatched);
        assertThat((double) hukouRight / hukouChecksum.size()).as("hukou rows recovered").isGreaterThanOrEqualTo(0.9);
        assertThat(allRight).as("precision over every person dataset").isEqualTo(allMatched);
        assertThat(allChecksum).isGreaterThan(0);
        assertThat(result.recovered()).hasSize((int) allMatched);
        // LEGACY_ID_15 is repaired at ingestion, never refused: none of those rows needs matching
        assertThat(truth.entrySet()).filteredOn(e -> e.getValue().type().equals("LEGACY_ID_15")).isNotEmpty()
                .allSatisfy(e -> assertThat(matched).doesNotContainKey(e.getKey()));
        // NAME_TYPO alone does not refuse a row either; a typo on a row refused for its ID still matches on the ID body
        assertThat(truth.values()).anySatisfy(f -> assertThat(f.type()).isEqualTo("NAME_TYPO"));
    }

    /** The registry as the ledger fills it: one person per valid ID of the visible hukou and floating rows. */
    private static int fillRegistry(Connection c) throws SQLException {
        Map<String, Object[]> persons = new LinkedHashMap<>();
        for (String table : List.of("basic_floating", "basic_hukou")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT person_id, name, sex, birth_date, "
                    + "data_period FROM " + table + " WHERE " + MasterTables.VISIBLE + " ORDER BY data_period")) {
                while (rs.next()) {
                    persons.put(rs.getString(1), new Object[]{rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5)});
                }
            }
        }
        long key = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (person_key, id_number, name, sex, birth_date, "
                + "first_period, last_period) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Object[]> e : persons.entrySet()) {
                Object[] v = e.getValue();
                ps.setLong(1, ++key);
                ps.setString(2, e.getKey());
                ps.setString(3, (String) v[0]);
                ps.setString(4, (String) v[1]);
                ps.setObject(5, v[2]);
                ps.setString(6, (String) v[3]);
                ps.setString(7, (String) v[3]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return persons.size();
    }

    private Map<Long, String[]> matches() throws SQLException {
        Map<Long, String[]> out = new java.util.TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_row, status, candidate_key, evidence, decided_by FROM person_match")) {
            while (rs.next()) {
                out.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        return out;
    }

    private static Map<Long, Long> matchIds(Connection c) throws SQLException {
        Map<Long, Long> out = new java.util.HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_row, id FROM person_match WHERE dataset = 'hukou'")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long run(Connection c, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_run (data_period, status, started_at, source_dir) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, '/data')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, PERIOD);
            ps.setString(2, status);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void person(Connection c, long key, String id, String name, String sex, LocalDate birth) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (person_key, id_number, name, sex, birth_date, "
                + "first_period, last_period) VALUES (?, ?, ?, ?, ?, '2023-11', '2023-12')")) {
            ps.setLong(1, key);
            ps.setString(2, id);
            ps.setString(3, name);
            ps.setString(4, sex);
            ps.setObject(5, birth);
            ps.executeUpdate();
        }
    }

    private static void hukou(Connection c, long run, String period, String id, String village) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO basic_hukou (data_period, run_id, source_file, source_row, "
                + "person_id, village_code) VALUES (?, ?, 'h.csv', 1, ?, ?)")) {
            ps.setString(1, period);
            ps.setLong(2, run);
            ps.setString(3, id);
            ps.setString(4, village);
            ps.executeUpdate();
        }
    }

    private static void reject(Connection c, long run, String dataset, String file, long row, String field, String raw,
                               String parsed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_reject (run_id, data_period, dataset, file_name, "
                + "source_row, field, raw_value, reason, category, raw_row, parsed_row) VALUES (?, ?, ?, ?, ?, ?, ?, 'refused', "
                + "'refused', '', ?)")) {
            ps.setLong(1, run);
            ps.setString(2, PERIOD);
            ps.setString(3, dataset);
            ps.setString(4, file);
            ps.setLong(5, row);
            ps.setString(6, field);
            ps.setString(7, raw);
            ps.setString(8, parsed);
            ps.executeUpdate();
        }
    }
}
