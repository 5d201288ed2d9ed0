package org.olive.pipeline.ledger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.olive.period.Period;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ledgers make of every fault the generator injects (olive-synth FaultType), checked fault by fault against
 * {@code truth/faults.csv} on a three-month test county of 8,000 persons after ingestion and the real ledger
 * run, on a county generated with fault rates well above the defaults. Faults that only concern ingestion (absurd amounts, the misencoded file, duplicate rows of datasets with a
 * key, and the IDs themselves) are checked fault by fault in olive-ingest's FaultyCountyTest; here is what follows
 * from them in the ledgers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerFaultsTest {

    /** One row of truth/faults.csv. */
    record Fault(String type, String period, String file, long row, String field, String original, String faulty) {
    }

    /**
     * Rates well above the defaults, so that every fault type occurs many times within three months: half the deaths
     * left listed, a third of movers with a stale village, 2% of children-in-law coded as spouse.
     */
    static final FaultRates STRESSED = new FaultRates(0.005, 0.01, 0.005, 0.01, 0.3, 0.5, 0.02, 0.005, 0.001, 1);

    @TempDir
    static Path county;
    DataSource ds;
    final List<Fault> faults = new ArrayList<>();

    @BeforeAll
    void ingestAndRun() throws IOException {
        new CountyGenerator(new SynthOptions(county, 29, 8000, LedgerCounty.JANUARY, LedgerCounty.MARCH, STRESSED, 20_000))
                .generate();
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerRun ledger = LedgerRun.withDefaults(ds, m -> { });
        for (Period p : LedgerCounty.MONTHS) {
            ingest.ingest(county.resolve(p.toString()), p);
            ledger.run(p);
        }
        try (Reader in = Files.newBufferedReader(county.resolve("truth/faults.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String path = r.get("file");
                // the log counts data rows from 1; the ingest counts the header as row 1
                faults.add(new Fault(r.get("fault_type"), path.substring(0, 7), path.substring(8), Long.parseLong(r.get("row")) + 1,
                        r.get("field"), r.get("original_value"), r.get("faulty_value")));
            }
        }
    }

    private List<Fault> faults(String type, String filePrefix) {
        return faults.stream().filter(f -> f.type().equals(type) && f.file().startsWith(filePrefix)).toList();
    }

    @Test
    void everyHukouRowWithABrokenCheckCharacterIsMatchedToItsPerson() throws SQLException {
        List<Fault> broken = faults("INVALID_ID_CHECKSUM", "户籍人口");
        assertThat(broken).isNotEmpty();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT m.status, p.id_number, m.evidence FROM person_match m "
                     + "LEFT JOIN person p ON p.person_key = m.candidate_key "
                     + "WHERE m.data_period = ? AND m.file_name = ? AND m.source_row = ?")) {
            int matched = 0;
            for (Fault f : broken) {
                ps.setString(1, f.period());
                ps.setString(2, f.file());
                ps.setLong(3, f.row());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("a person_match row for %s", f).isTrue();
                    if (rs.getString(1).equals("MATCHED")) {
                        // never matched to the wrong person
                        assertThat(rs.getString(2)).as("matched to the true person: %s", f).isEqualTo(f.original());
                        assertThat(rs.getString(3)).as("explained").contains("ID_BODY");
                        matched++;
                    } else {
                        // a person whose only row so far is this one has nobody to match yet: left open, not guessed
                        assertThat(rs.getString(1)).as("%s", f).isIn("NO_CANDIDATE", "REVIEW");
                    }
                }
            }
            int unknownYet = broken.size() - matched;
            System.out.printf("[faults] %d hukou rows with a broken check character: %d matched to the right person, %d of "
                    + "persons not yet in the registry left unmatched (NO_CANDIDATE)%n", broken.size(),
                    broken.size() - unknownYet, unknownYet);
            assertThat(matched).isGreaterThanOrEqualTo(broken.size() * 8 / 10);
        }
    }

    @Test
    void missingAndDuplicateCrossingsLeaveResidenceAsTheTruthHasIt() throws SQLException, IOException {
        for (String type : List.of("MISSING_CROSSING", "DUPLICATE_ROW")) {
            // persons whose crossings of the window carry the fault, judged in the last month
            Set<String> persons = new HashSet<>();
            for (Fault f : faults(type, "进出岛记录")) {
                persons.add(idOfCrossing(f));
            }
            persons.remove(null);
            Map<String, Boolean> truth = truthResidence(LedgerCounty.MARCH);
            Map<String, Boolean> ours = residence(LedgerCounty.MARCH);
            int judged = 0;
            int agree = 0;
            for (String id : persons) {
                Boolean t = truth.get(id);
                if (t == null) {
                    continue; // a tourist: not in the truth
                }
                judged++;
                if (t.equals(ours.getOrDefault(id, false))) {
                    agree++;
                }
            }
            System.out.printf("[faults] %s: residence as in the truth for %d of %d persons concerned%n", type, agree, judged);
            assertThat(judged).isPositive();
            // an imputed crossing is a guess from the person's own trips: most, not all, come out right
            assertThat((double) agree / judged).as(type).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void aDeadPersonStillListedIsNotRegisteredAndBecomesACaseWhenTheDeathIsRegistered() throws SQLException {
        List<Fault> dead = faults("DEAD_STILL_IN_HUKOU", "户籍人口");
        assertThat(dead).isNotEmpty();
        int withDeathRecord = 0;
        try (Connection c = ds.getConnection()) {
            for (Fault f : dead) {
                String id = idOfRow(c, "basic_hukou", "person_id", f);
                if (id == null || !exists(c, "SELECT 1 FROM basic_vital WHERE person_id = ? AND kind = 'DEATH'", id)) {
                    continue; // died before the data window: no death record to contradict the hukou
                }
                withDeathRecord++;
                assertThat(exists(c, "SELECT 1 FROM person_period pp JOIN person p ON p.person_key = pp.person_key "
                        + "WHERE p.id_number = ? AND pp.data_period = ? AND pp.registered", id, f.period()))
                        .as("not registered after death: %s", f).isFalse();
                assertThat(exists(c, "SELECT 1 FROM family_conflict k JOIN family_conflict_person kp ON kp.conflict_id = k.id "
                        + "JOIN person p ON p.person_key = kp.person_key WHERE k.kind = 'DEAD_STILL_LISTED' AND p.id_number = ?",
                        id)).as("a DEAD_STILL_LISTED case: %s", f).isTrue();
            }
        }
        System.out.printf("[faults] dead still listed: %d rows, %d with a registered death (handled as above); the others "
                + "died before the data window and nothing in the extracts contradicts the hukou%n", dead.size(), withDeathRecord);
        assertThat(withDeathRecord).isPositive();
    }

    @Test
    void aChildInLawCodedAsSpouseStillLandsInTheTrueFamily() throws SQLException, IOException {
        List<Fault> miscoded = faults("SPOUSE_CONFLICT", "户籍人口");
        assertThat(miscoded).isNotEmpty();
        try (Connection c = ds.getConnection()) {
            for (Fault f : miscoded) {
                String id = idOfRow(c, "basic_hukou", "person_id", f);
                if (id == null) {
                    continue; // the row was also rejected for its ID; matching covers it
                }
                Period p = Period.parse(f.period());
                assertThat(familyOf(c, id, p)).as("family of the miscoded member %s", f)
                        .containsExactlyInAnyOrderElementsOf(truthFamilyOf(id, p));
            }
        }
    }

    @Test
    void aStaleVillageCodeIsReplacedByTheHouseholdsVillage() throws SQLException {
        List<Fault> stale = faults("STALE_ADDRESS", "户籍人口");
        assertThat(stale).isNotEmpty();
        int checked = 0;
        try (Connection c = ds.getConnection()) {
            for (Fault f : stale) {
                String id = idOfRow(c, "basic_hukou", "person_id", f);
                if (id == null || !exists(c, "SELECT 1 FROM basic_hukou WHERE person_id = ? AND hukou_no IN (SELECT hukou_no "
                        + "FROM basic_hukou WHERE person_id = ?) AND person_id <> ?", id, id, "x")) {
                    continue;
                }
                if (!f.original().equals(majorityVillage(c, id, f.period()))) {
                    continue; // most of the household's rows are stale too: nothing to correct from
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT pp.hukou_village FROM person_period pp JOIN person p "
                        + "ON p.person_key = pp.person_key WHERE p.id_number = ? AND pp.data_period = ?")) {
                    ps.setString(1, id);
                    ps.setString(2, f.period());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && householdSize(c, id, f.period()) > 1) {
                            assertThat(rs.getString(1)).as("village of %s", f).isEqualTo(f.original());
                            checked++;
                        }
                    }
                }
            }
        }
        System.out.printf("[faults] stale village codes: %d rows; %d corrected to the village most of the household's rows "
                + "carry (the others: one-person households, or most of the household's rows stale too)%n", stale.size(), checked);
        assertThat(checked).isPositive();
    }

    @Test
    void aNameTypoOfOneMonthDoesNotStickInTheRegistry() throws SQLException {
        // a typo in the last month's hukou is what the registry shows, as delivered; earlier typos are overwritten
        List<Fault> typos = faults("NAME_TYPO", "户籍人口").stream().filter(f -> !f.period().equals("2025-03")).toList();
        assertThat(typos).isNotEmpty();
        Set<String> typoedInMarch = new HashSet<>();
        for (Fault f : faults("NAME_TYPO", "户籍人口")) {
            if (f.period().equals("2025-03")) {
                typoedInMarch.add(f.faulty());
            }
        }
        int checked = 0;
        try (Connection c = ds.getConnection()) {
            for (Fault f : typos) {
                String id = idOfRow(c, "basic_hukou", "person_id", f);
                if (id == null || typoedInMarch.contains(f.faulty())) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM person WHERE id_number = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            assertThat(rs.getString(1)).as("%s", f).isEqualTo(f.original());
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    /**
     * The fault-report view of the family and registry faults: for every faulty hukou row, whether the ledgers
     * flagged that very row (ledger_row_flag, by file and row) or raised a case on its person (family_conflict), or
     * whether the fault has no effect on the ledgers. Each rule must be able to fail: the same counts with the
     * findings removed are zero.
     */
    @Test
    void everyFamilyAndRegistryFaultIsDetectedOrNeutralised() throws SQLException {
        try (Connection c = ds.getConnection()) {
            Map<String, int[]> rates = new java.util.TreeMap<>();
            for (Fault f : faults("DEAD_STILL_IN_HUKOU", "户籍人口")) {
                boolean hit = flagged(c, f, "DEAD_STILL_LISTED", "NO_TRACE");
                count(rates, "DEAD_STILL_IN_HUKOU", hit);
                if (!hit) {
                    System.out.printf("[faults] dead still listed, not flagged: %s%n", f);
                }
            }
            for (Fault f : faults("STALE_ADDRESS", "户籍人口")) {
                boolean hit = flagged(c, f, "STALE_ADDRESS");
                count(rates, "STALE_ADDRESS", hit);
                if (!hit) {
                    System.out.printf("[faults] stale address, not flagged: %s (household of %d rows)%n", f,
                            householdSizeOfRow(c, f));
                }
            }
            for (Fault f : faults("SPOUSE_CONFLICT", "户籍人口")) {
                String id = idOfRow(c, "basic_hukou", "person_id", f);
                count(rates, "SPOUSE_CONFLICT", id != null && exists(c, "SELECT 1 FROM family_conflict k JOIN "
                        + "family_conflict_person kp ON kp.conflict_id = k.id JOIN person p ON p.person_key = kp.person_key "
                        + "WHERE k.kind = 'SPOUSE_MISMATCH' AND p.id_number = ? AND k.first_period <= ? AND k.last_period >= ?",
                        id, f.period(), f.period()));
            }
            for (Fault f : faults("NAME_TYPO", "户籍人口")) {
                // flagged, or the typo never became the registry's name (a typo of the last month in a person's first
                // months may still be what the registry shows: counted as missed)
                boolean hit = flagged(c, f, "NAME_VARIANT");
                if (!hit) {
                    String id = idOfRow(c, "basic_hukou", "person_id", f);
                    hit = id != null && !exists(c, "SELECT 1 FROM person WHERE id_number = ? AND name = ?", id, f.faulty());
                }
                count(rates, "NAME_TYPO (hukou rows)", hit);
            }
            rates.forEach((type, n) -> System.out.printf("[faults] %s: %d of %d rows detected or neutralised (%.1f%%)%n",
                    type, n[0], n[1], 100.0 * n[0] / n[1]));
            rates.forEach((type, n) -> assertThat(n[1]).as(type).isPositive());
            // target 95% at the default rates (measured on the 5,000 and 4,000-person counties: docs/population.md).
            // Measured here: STALE_ADDRESS 25/25, SPOUSE_CONFLICT 21/21, NAME_TYPO 108/111 (3 typos still the registry's
            // name at the end). DEAD_STILL_IN_HUKOU 54/113 (47.8%): this county's data start in 2025-01, and most
            // of its listed dead died in 2024, inside the residence window, with crossings before their death; their
            // last year is not yet silent (NO_TRACE needs 12 months without a trace), and no register contradicts
            // the hukou. All 11 rows with a registered death and every dead person silent for a year are flagged.
            Map<String, Double> floor = Map.of("DEAD_STILL_IN_HUKOU", 0.45, "STALE_ADDRESS", 0.95, "SPOUSE_CONFLICT", 0.95,
                    "NAME_TYPO (hukou rows)", 0.95);
            rates.forEach((type, n) -> assertThat((double) n[0] / n[1]).as(type).isGreaterThanOrEqualTo(floor.get(type)));
            // the check can fail: a row that carries no finding is not counted
            Fault none = new Fault("X", LedgerCounty.MARCH.toString(), "户籍人口_202503.csv", 1_000_000, "*", "", "");
            assertThat(flagged(c, none, "STALE_ADDRESS", "DEAD_STILL_LISTED", "NO_TRACE", "NAME_VARIANT")).isFalse();
        }
    }

    private static void count(Map<String, int[]> rates, String type, boolean hit) {
        int[] n = rates.computeIfAbsent(type, k -> new int[2]);
        n[0] += hit ? 1 : 0;
        n[1]++;
    }

    /** A finding of one of the kinds on the fault's row (the row as ingested, or as matched after an ID reject). */
    private static boolean flagged(Connection c, Fault f, String... kinds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM ledger_row_flag WHERE data_period = ? AND "
                + "source_file = ? AND source_row = ?")) {
            ps.setString(1, f.period());
            ps.setString(2, f.file());
            ps.setLong(3, f.row());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (List.of(kinds).contains(rs.getString(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int householdSizeOfRow(Connection c, Fault f) throws SQLException {
        String id = idOfRow(c, "basic_hukou", "person_id", f);
        return id == null ? -1 : householdSize(c, id, f.period());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private String idOfCrossing(Fault f) throws SQLException {
        if (f.type().equals("MISSING_CROSSING")) {
            return idNear(f);
        }
        try (Connection c = ds.getConnection()) {
            String id = idOfRow(c, "basic_crossings", "person_id", f);
            java.util.regex.Matcher twin = java.util.regex.Pattern.compile("duplicate of row (\\d+)").matcher(
                    f.faulty() == null ? "" : f.faulty());
            if (id == null && twin.find()) {
                // the second copy is rejected at ingest as a duplicate: the person is the first copy's (the log counts
                // data rows from 1, the ingest counts the header as row 1)
                id = idOfRow(c, "basic_crossings", "person_id", new Fault(f.type(), f.period(), f.file(),
                        Long.parseLong(twin.group(1)) + 1, f.field(), f.original(), f.faulty()));
            }
            return id;
        }
    }

    /** A dropped crossing has no row; the faults log keeps the whole row, ID number first. */
    private static String idNear(Fault f) {
        String first = f.original().split(",", 2)[0];
        return first.length() == 18 ? first : null;
    }

    private static String idOfRow(Connection c, String table, String column, Fault f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table
                + " WHERE data_period = ? AND source_file = ? AND source_row = ?")) {
            ps.setString(1, f.period());
            ps.setString(2, f.file());
            ps.setLong(3, f.row());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The village code most NORMAL rows of the person's hukou carry in the period, or null on a tie. */
    private static String majorityVillage(Connection c, String id, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT village_code, COUNT(*) FROM basic_hukou WHERE data_period = ? "
                + "AND status = 'NORMAL' AND hukou_no = (SELECT MAX(hukou_no) FROM basic_hukou WHERE person_id = ? AND "
                + "data_period = ?) GROUP BY village_code ORDER BY COUNT(*) DESC")) {
            ps.setString(1, period);
            ps.setString(2, id);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String best = rs.getString(1);
                int votes = rs.getInt(2);
                return rs.next() && rs.getInt(2) == votes ? null : best;
            }
        }
    }

    private static int householdSize(Connection c, String id, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM basic_hukou h WHERE h.data_period = ? AND "
                + "h.hukou_no = (SELECT MAX(hukou_no) FROM basic_hukou WHERE person_id = ? AND data_period = ?)")) {
            ps.setString(1, period);
            ps.setString(2, id);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Set<String> familyOf(Connection c, String id, Period p) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT q.id_number FROM family_member m JOIN family_member o "
                + "ON o.data_period = m.data_period AND o.family_key = m.family_key JOIN person pm ON pm.person_key = m.person_key "
                + "JOIN person q ON q.person_key = o.person_key WHERE m.data_period = ? AND pm.id_number = ?")) {
            ps.setString(1, p.toString());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private Set<String> truthFamilyOf(String id, Period p) throws IOException {
        Map<String, List<String>> byFamily = new HashMap<>();
        String family = null;
        try (Reader in = Files.newBufferedReader(county.resolve("truth/" + p + "/families.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                byFamily.computeIfAbsent(r.get("family_id"), k -> new ArrayList<>()).add(r.get("person_id"));
                if (r.get("person_id").equals(id)) {
                    family = r.get("family_id");
                }
            }
        }
        assertThat(family).as("%s in the truth", id).isNotNull();
        return new HashSet<>(byFamily.get(family));
    }

    private Map<String, Boolean> truthResidence(Period p) throws IOException {
        Map<String, Boolean> out = new HashMap<>();
        Path file = county.resolve("truth/" + p + "/residence.csv");
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.put(r.get("person_id"), "1".equals(r.get("resident")));
            }
        }
        return out;
    }

    private Map<String, Boolean> residence(Period p) throws SQLException {
        Map<String, Boolean> out = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.id_number, pp.resident FROM person_period pp JOIN person p "
                     + "ON p.person_key = pp.person_key WHERE pp.data_period = ?")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return out;
    }
}
