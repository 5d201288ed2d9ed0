package org.olive.ingest.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.county.SyntheticCounty.Extract;
import org.olive.ingest.county.SyntheticCounty.Ingested;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.ColumnBinding;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.reject.Repair;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.SourceDescription;
import org.olive.synth.FaultRates;

/**
 * Every extract of a clean synthetic county (no injected faults) is identified as its own dataset, binds every
 * column, and loads every row: a reject here means a built-in mapping is wrong.
 */
class CleanCountyRoundTripTest {

    @TempDir
    static Path dir;

    private static List<Extract> extracts;
    private static final List<Ingested> RESULTS = new ArrayList<>();

    @BeforeAll
    static void generateAndIngest() {
        SyntheticCounty.generate(dir, FaultRates.none());
        extracts = SyntheticCounty.extracts(dir);
        for (Extract e : extracts) {
            RESULTS.add(SyntheticCounty.ingest(dir, e, BuiltInMappings.get(e.mappingName())));
        }
    }

    @Test
    void theManifestListsEveryFileOfEveryPeriodFolderAndEveryMappingIsUsed() throws Exception {
        Set<String> onDisk;
        try (Stream<Path> s = Files.walk(dir)) {
            onDisk = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("\\d{4}-\\d{2}/.*")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(extracts).extracting(Extract::file).containsExactlyInAnyOrderElementsOf(onDisk);
        // 26 monthly files a period (学生缴费 and 惠民惠农补贴发放明细 included), 3 yearly in December, the history
        assertThat(onDisk).hasSize(3 * 26 + 3 + 1);
        assertThat(extracts).extracting(Extract::mappingName).containsAll(BuiltInMappings.DATASETS);
        assertThat(extracts).filteredOn(e -> e.manifestKey().equals("crossings/history")).singleElement()
                .satisfies(e -> assertThat(e.period()).isEqualTo(SyntheticCounty.FROM));
    }

    @Test
    void everyFileIsIdentifiedAsItsOwnDatasetAndBindsEveryColumn() {
        List<DatasetMapping> all = BuiltInMappings.all();
        for (Extract e : extracts) {
            Header h = SyntheticCounty.header(dir.resolve(e.file()));
            assertThat(BuiltInMappings.identify(h, all)).as(e.file()).map(DatasetMapping::dataset).contains(e.mappingName());
            ColumnBinding b = ColumnBinding.bind(BuiltInMappings.get(e.mappingName()), h,
                    new SourceDescription(e.file(), SourceDescription.Format.CSV, null, null, ',', null, List.of()));
            assertThat(b.unused()).as(e.file() + " unused columns").isEmpty();
            assertThat(b.columns().values()).as(e.file() + " unbound fields " + b.columns()).allMatch(c -> c >= 0);
        }
    }

    @Test
    void everyRowOfEveryFileLoadsWithoutRejectOrFileError() {
        List<String> problems = new ArrayList<>();
        long rows = 0;
        for (Ingested r : RESULTS) {
            var s = r.summary();
            rows += s.rowsIn();
            if (s.fileError().isPresent()) {
                problems.add(r.extract().file() + ": " + s.fileError().get());
            }
            if (s.rowsIn() != r.extract().rows()) {
                problems.add(r.extract().file() + ": " + s.rowsIn() + " rows read, the manifest says " + r.extract().rows());
            }
            if (s.rejected() > 0) {
                problems.add(s + "; first rejects: " + r.rejects().values().stream().limit(3).toList());
            }
            assertThat(s.rowsIn()).isEqualTo(s.loaded() + s.rejected());
            assertThat(s.unusedColumns()).as(r.extract().file()).isEmpty();
            assertThat(s.blankRows()).as(r.extract().file()).isZero();
        }
        assertThat(problems).isEmpty();
        assertThat(rows).isGreaterThan(50_000);
    }

    @Test
    void cleanFilesNeedNoRepairExceptTheTownshipCodesOfTourismPaddedTo12Digits() {
        List<String> unexpected = new ArrayList<>();
        for (Ingested r : RESULTS) {
            for (List<Repair> repairs : r.repairs().values()) {
                for (Repair p : repairs) {
                    boolean township = r.mapping().dataset().equals("tourism") && p.note().startsWith("padded 9-digit township code");
                    if (!township) {
                        unexpected.add(r.extract().file() + " row " + p.row() + " " + p.field() + " '" + p.rawValue() + "': " + p.note());
                    }
                }
            }
        }
        assertThat(unexpected).as("repairs on clean data").isEmpty();
    }
}
