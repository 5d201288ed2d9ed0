package org.olive.accuracy.faults;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.period.Period;
import org.olive.pipeline.editing.AmountEditingStep;
import org.olive.pipeline.editing.EditingSettings;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editing step on a generated county (3,000 persons, 2025-01..2025-06, absurd amounts only, at 0.5% of amount
 * cells so that there are enough of them): most ×100 and negative amounts that pass ingestion into the edited fields
 * are caught, and few values that are not faulty are edited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditingCountyTest {

    static final Period FROM = Period.of(2025, 1);
    static final Period TO = Period.of(2025, 6);
    static final FaultRates ABSURD_ONLY = new FaultRates(0, 0, 0, 0, 0, 0, 0, 0, 0.005, 0);

    @TempDir
    static Path county;
    DataSource ds;
    /** Faults that reached the master tables in edited fields: period|file|row|field. */
    final Set<String> loadedFaults = new HashSet<>();
    final Map<String, AmountEditingStep.Edit> edits = new HashMap<>();
    long valuesChecked;

    @BeforeAll
    void generateIngestEdit() throws IOException, SQLException {
        new CountyGenerator(new SynthOptions(county, 31, 3000, FROM, TO, ABSURD_ONLY, 2_000)).generate();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:editing-county-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        ds = h2;
        PeriodIngest ingest = PeriodIngest.withDefaults(ds);
        for (Period p : Period.range(FROM, TO)) {
            ingest.ingest(county.resolve(p.toString()), p);
        }
        EditingSettings settings = EditingSettings.builtIn();
        try (Connection c = ds.getConnection()) {
            for (AmountEditingStep.Edit e : new AmountEditingStep(settings).run(c, TO, new HashMap<>())) {
                edits.put(e.dataPeriod() + "|" + e.file() + "|" + e.row() + "|" + e.field(), e);
            }
            Set<String> rejected = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT data_period, file_name, source_row FROM ingest_reject");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rejected.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3));
                }
            }
            Map<String, String> datasetOfFile = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT data_period, file_name, dataset FROM ingest_file");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    datasetOfFile.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                }
            }
            for (TruthFault f : TruthFault.read(county.resolve("truth/faults.csv"), FROM.toString(), TO.toString())) {
                String row = f.period() + "|" + f.file() + "|" + f.row();
                String dataset = datasetOfFile.get(f.period() + "|" + f.file());
                if (!f.type().equals("ABSURD_AMOUNT") || rejected.contains(row) || dataset == null) {
                    continue;
                }
                DatasetMapping m = BuiltInMappings.get(dataset);
                EditingSettings.Dataset d = settings.datasets().get(MasterTables.tableName(m));
                String field = m.fields().stream().filter(x -> x.headers().contains(f.field())).map(FieldSpec::name)
                        .map(MasterTables::columnName).findFirst().orElse(null);
                if (d != null && field != null && d.fields().containsKey(field)) {
                    loadedFaults.add(row + "|" + field);
                }
            }
            for (EditingSettings.Dataset d : settings.datasets().values()) {
                for (String f : d.fields().keySet()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(" + f + ") FROM " + d.table());
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        valuesChecked += rs.getLong(1);
                    }
                }
            }
        }
    }

    @Test
    void mostAbsurdAmountsReachingEditedFieldsAreCaught() {
        long caught = loadedFaults.stream().filter(edits::containsKey).count();
        System.out.printf("absurd amounts loaded into edited fields: %d, caught: %d; edits: %d of %d values%n",
                loadedFaults.size(), caught, edits.size(), valuesChecked);
        loadedFaults.stream().filter(k -> !edits.containsKey(k)).limit(20).forEach(k -> System.out.println("  missed " + k));
        assertThat(loadedFaults).hasSizeGreaterThan(30);
        // measured (seed 31): 94 of 98 caught (96%; 95 before each delivery was edited once, with the history before
        // it: an IIT income of 2025-03, the third delivery, now has too little history); missed: a tax 0 written as
        // 100 that still fits its wage, one
        // aquaculture output and one B&B revenue (seasonal series, history rule without spike exclusion)
        assertThat((double) caught / loadedFaults.size()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void fewValuesThatAreNotFaultyAreEdited() {
        List<AmountEditingStep.Edit> falsePositives = edits.entrySet().stream().filter(e -> !loadedFaults.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        System.out.printf("edits of values that are not faulty: %d of %d values checked%n", falsePositives.size(), valuesChecked);
        falsePositives.stream().limit(20).forEach(e -> System.out.println("  " + e));
        // measured (seed 31): 0 of 77,682 values checked
        assertThat(falsePositives.size()).isLessThanOrEqualTo(Math.max(5, edits.size() / 10));
        assertThat((double) falsePositives.size() / valuesChecked).isLessThan(0.0005);
    }
}
