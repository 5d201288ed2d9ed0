package org.olive.accuracy;

import org.olive.pipeline.figure.RunFigure;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.olive.period.Period;
import org.olive.pipeline.income.IncomeSettings;
import org.olive.pipeline.ingest.PeriodIngest;
import org.olive.pipeline.ledger.LedgerCounty;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residence against the generator's truth in a small county that receives many visitors: 2,000 persons and 150,000
 * tourist visits a year (75 per inhabitant, more than the default county's 13, as in the small counties of issue 10),
 * with the default faults (0.3% of OUT crossings dropped, duplicate rows), ingested and run month by month. Accuracy
 * is over everyone we classify: a visitor we list as resident is a false positive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidenceTruthTest {

    private static final Period JANUARY = Period.of(2025, 1);
    private static final Period FEBRUARY = Period.of(2025, 2);

    @TempDir
    static Path county;
    DataSource ds;
    final List<LedgerResult> results = new ArrayList<>();

    @BeforeAll
    void ingestAndRun() throws IOException {
        new CountyGenerator(new SynthOptions(county, 41, 2000, JANUARY, FEBRUARY, FaultRates.defaults(), 150_000)).generate();
        ds = LedgerCounty.h2Memory();
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        LedgerRun ledger = LedgerRun.withDefaults(ds, m -> { });
        for (Period p : List.of(JANUARY, FEBRUARY)) {
            ingest.ingest(county.resolve(p.toString()), p);
            results.add(ledger.run(p, null, TruthAccuracyStep.forPeriod(null, ledger.ingestedFrom(p), p,
                    IncomeSettings.builtIn().family())));
        }
    }

    @Test
    void residenceMatchesTheTruthOverEveryoneWeClassify() {
        List<Runnable> checks = new ArrayList<>();
        for (LedgerResult r : results) {
            Map<String, RunFigure> f = r.figures().stream().filter(x -> x.areaCode().isEmpty())
                    .collect(Collectors.toMap(RunFigure::metric, Function.identity()));
            RunFigure precision = f.get("residence_precision");
            RunFigure recall = f.get("residence_recall");
            RunFigure count = f.get("resident_count");
            System.out.printf("[residence] %s: precision %.4f (%d/%d), recall %.4f (%d/%d), residents %d vs %d in the truth; "
                            + "imputed %d (IN_IN %d, OUT_OUT %d, FIRST_OUT %d, LAST_IN %d), duplicates dropped %d%n",
                    r.period(), precision.value(), precision.numerator(), precision.denominator(), recall.value(),
                    recall.numerator(), recall.denominator(), count.numerator(), count.denominator(),
                    r.counts().get("crossings_imputed"), r.counts().get("crossings_imputed_in_in"),
                    r.counts().get("crossings_imputed_out_out"), r.counts().get("crossings_imputed_first_out"),
                    r.counts().get("crossings_imputed_last_in"), r.counts().get("crossings_duplicates_dropped"));
            // measured (seed 41): 2025-01 precision 0.9946, recall 0.9995, 1,843 vs 1,834 (+0.49%); 2025-02 0.9940,
            // 0.9984, 1,846 vs 1,838 (+0.44%). Before issue 10 (old rules, offline replica): 2025-02 precision 0.950,
            // 1,927 residents (+4.8%), 68 of the false residents not in the truth at all (visitors, departed migrants).
            // The rest are registered children living away who never crossed in the 14 months of crossings.
            checks.add(() -> {
                assertThat(precision.value()).as("precision %s", r.period()).isGreaterThanOrEqualTo(0.99);
                assertThat(recall.value()).as("recall %s", r.period()).isGreaterThanOrEqualTo(0.99);
                assertThat(Math.abs(count.value() - 1)).as("resident count %s", r.period()).isLessThanOrEqualTo(0.005);
            });
        }
        checks.forEach(Runnable::run);
    }

    /** Prints the false residents of the last month with what the truth says and our presence note (environment variable RESIDENCE_DEBUG set). */
    @Test
    void debugFalseResidents() throws IOException, SQLException {
        if (System.getenv("RESIDENCE_DEBUG") == null) {
            return;
        }
        Map<String, String> truth = new java.util.HashMap<>();
        TruthAccuracy.read(county.resolve("truth/" + FEBRUARY + "/residence.csv"),
                List.of("person_id", "category", "present_days", "resident"), r -> truth.put(r[0], r[1] + " " + r[2] + " " + r[3]));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.id_number, pp.registered, pp.days_present, pp.presence_note, "
                     + "pp.live_village FROM person_period pp JOIN person p ON p.person_key = pp.person_key "
                     + "WHERE pp.data_period = ? AND pp.resident")) {
            ps.setString(1, FEBRUARY.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String t = truth.get(rs.getString(1));
                    if (t == null || !t.endsWith(" 1")) {
                        System.out.println("[fp] " + rs.getString(1) + " truth=" + t + " reg=" + rs.getBoolean(2) + " days="
                                + rs.getInt(3) + " village=" + rs.getString(5) + " note=" + rs.getString(4));
                    }
                }
            }
        }
    }

    @Test
    void everyDroppedOutOfTheHistoryIsRecordedOnceAsAnInferredCrossing() throws IOException, SQLException {
        // the generator's MISSING_CROSSING faults: the dropped OUT row, ID number first, time fourth
        List<String[]> dropped = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(county.resolve("truth/faults.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("fault_type").equals("MISSING_CROSSING")) {
                    dropped.add(r.get("original_value").split(","));
                }
            }
        }
        assertThat(dropped).isNotEmpty();
        LocalDateTime cutoff = FEBRUARY.lastDay().atStartOfDay().minusDays(31); // later ones may still be open stays
        int judged = 0;
        int found = 0;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM presence_imputation WHERE person_id = ? "
                     + "AND direction = 'OUT' AND pattern <> 'DUPLICATE' AND anchor_at <= ? AND crossing_at <= ?")) {
            for (String[] row : dropped) {
                LocalDateTime t = LocalDateTime.parse(row[3].replace(' ', 'T'));
                if (t.isAfter(cutoff) || row[0].length() != 18) {
                    continue;
                }
                judged++;
                ps.setString(1, row[0]);
                ps.setObject(2, t);
                ps.setObject(3, cutoff.plusDays(31));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    found += rs.getInt(1) > 0 ? 1 : 0;
                }
            }
            System.out.printf("[residence] dropped OUT crossings up to %s: %d of %d recorded as inferred OUTs%n", cutoff,
                    found, judged);
            assertThat(judged).isPositive();
            // measured: 459 of 465 (the rest: OUTs whose IN was not read, or dropped within the 6 hours of a duplicate)
            assertThat((double) found / judged).isGreaterThanOrEqualTo(0.95);
            // each missing crossing once, whatever the period that found it
            try (PreparedStatement twice = c.prepareStatement("SELECT person_id, direction, anchor_at FROM presence_imputation "
                    + "WHERE pattern <> 'DUPLICATE' GROUP BY person_id, direction, anchor_at HAVING COUNT(*) > 1");
                 ResultSet rs = twice.executeQuery()) {
                assertThat(rs.next()).as("an inferred crossing recorded twice").isFalse();
            }
        }
    }
}
