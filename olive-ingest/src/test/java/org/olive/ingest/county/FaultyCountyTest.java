package org.olive.ingest.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.county.SyntheticCounty.Extract;
import org.olive.ingest.county.SyntheticCounty.Fault;
import org.olive.ingest.county.SyntheticCounty.Ingested;
import org.olive.ingest.field.TextNormalizer;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.Repair;
import org.olive.synth.FaultRates;

/**
 * A synthetic county with the generator's default faults, checked against its faults log
 * ({@code truth/faults.csv}): every file reads to its end (the misencoded one too), every invalid ID and every
 * out-of-range amount is a reject of its file and row, legacy IDs are repairs, duplicates are rejected by the
 * primary key, and no row is rejected without an injected fault to explain it.
 */
class FaultyCountyTest {

    @TempDir
    static Path dir;

    private static final Map<String, Ingested> BY_FILE = new HashMap<>();
    private static List<Fault> faults;

    @BeforeAll
    static void generateAndIngest() {
        SyntheticCounty.generate(dir, FaultRates.defaults());
        List<DatasetMapping> all = BuiltInMappings.all();
        for (Extract e : SyntheticCounty.extracts(dir)) {
            // identified from the header alone, as a county's unlabelled delivery would be
            DatasetMapping m = BuiltInMappings.identify(SyntheticCounty.header(dir.resolve(e.file())), all)
                    .orElseThrow(() -> new AssertionError(e.file() + " not identified"));
            assertThat(m.dataset()).as(e.file()).isEqualTo(e.mappingName());
            BY_FILE.put(e.file(), SyntheticCounty.ingest(dir, e, m));
        }
        faults = SyntheticCounty.faults(dir);
    }

    private static Ingested file(Fault f) {
        Ingested r = BY_FILE.get(f.file());
        assertThat(r).as("file of " + f).isNotNull();
        return r;
    }

    private static List<Fault> faults(String type) {
        return faults.stream().filter(f -> f.type().equals(type)).toList();
    }

    @Test
    void everyFileReadsToItsEndAndEveryRowIsAccountedFor() {
        long rejected = 0;
        for (Ingested r : BY_FILE.values()) {
            var s = r.summary();
            assertThat(s.fileError()).as(s.toString()).isEmpty();
            assertThat(s.rowsIn()).as(s.toString()).isEqualTo(r.extract().rows()).isEqualTo(s.loaded() + s.rejected());
            assertThat(s.unusedColumns()).as(s.toString()).isEmpty();
            rejected += s.rejected();
        }
        assertThat(rejected).isPositive();
    }

    @Test
    void theFileWrittenInTheWrongEncodingIsDetectedAndReadCorrectly() {
        List<Fault> wrong = faults("WRONG_ENCODING");
        assertThat(wrong).isNotEmpty();
        for (Fault f : wrong) {
            Ingested r = file(f);
            assertThat(r.extract().encoding()).as("declared").startsWith("UTF-8");
            assertThat(r.summary().source().encoding()).as(f.file()).isEqualTo("GB18030");
            assertThat(r.summary().fileError()).isEmpty();
            assertThat(r.summary().rowsIn()).isEqualTo(r.extract().rows());
            // read correctly: the Chinese headers bound, and rows load apart from their own injected faults
            assertThat(r.summary().loaded()).isEqualTo(r.summary().rowsIn() - r.rejects().size());
        }
    }

    @Test
    void everyInvalidIdChecksumIsARejectOfItsFileRowAndColumn() {
        List<Fault> invalid = faults("INVALID_ID_CHECKSUM");
        assertThat(invalid).isNotEmpty();
        for (Fault f : invalid) {
            List<Reject> rejects = file(f).rejects().getOrDefault(f.sourceRow(), List.of());
            assertThat(rejects).as(f.toString()).anySatisfy(r -> {
                assertThat(r.field()).isEqualTo(f.field());
                assertThat(r.rawValue()).isEqualTo(f.faulty());
            });
        }
    }

    /**
     * An unknown policy item of the 一卡通 (UNKNOWN_CODE) is a reject of its file, row and column: without a county
     * profile, the built-in mapping's values are the accepted list (with one, the profile's policies: the pipeline's
     * CountyProfileSubsidyCodesTest).
     */
    @Test
    void everyUnknownPolicyItemIsARejectOfItsFileRowAndColumn() {
        List<Fault> unknown = faults("UNKNOWN_CODE");
        assertThat(unknown).isNotEmpty();
        for (Fault f : unknown) {
            assertThat(f.file()).contains("惠民惠农补贴发放明细_");
            List<Reject> rejects = file(f).rejects().getOrDefault(f.sourceRow(), List.of());
            assertThat(rejects).as(f.toString()).anySatisfy(r -> {
                assertThat(r.field()).isEqualTo(f.field()).isEqualTo("补贴项目代码");
                assertThat(r.rawValue()).isEqualTo(f.faulty());
            });
        }
    }

    /** The mapping field read from a column header. */
    private static FieldSpec field(DatasetMapping m, String header) {
        String h = TextNormalizer.normalize(header);
        return m.fields().stream().filter(f -> f.headers().stream().anyMatch(x -> TextNormalizer.normalize(x).equals(h)))
                .findFirst().orElseThrow(() -> new AssertionError(m.dataset() + " has no field for " + header));
    }

    private static boolean outOfRange(FieldSpec f, String value) {
        BigDecimal v = new BigDecimal(value.strip());
        return f.min() != null && v.compareTo(f.min()) < 0 || f.max() != null && v.compareTo(f.max()) > 0;
    }

    @Test
    void everyAbsurdAmountOutsideItsFieldsPlausibleRangeIsARejectOfItsFileRowAndColumn() {
        List<Fault> absurd = faults("ABSURD_AMOUNT");
        assertThat(absurd).isNotEmpty();
        List<String> inRange = new ArrayList<>();
        int caught = 0;
        for (Fault f : absurd) {
            Ingested r = file(f);
            FieldSpec spec = field(r.mapping(), f.field());
            if (!outOfRange(spec, f.faulty())) {
                // a x100 slip on a small amount (17.48 -> 1748.00) can be a plausible value: no range can tell
                inRange.add(f.file() + " row " + f.row() + " " + f.field() + ": " + f.original() + " -> " + f.faulty());
                continue;
            }
            caught++;
            List<Reject> rejects = r.rejects().getOrDefault(f.sourceRow(), List.of());
            assertThat(rejects).as(f.toString()).anySatisfy(x -> {
                assertThat(x.field()).isEqualTo(f.field());
                assertThat(x.reason()).contains("outside the plausible range");
            });
        }
        System.out.println("ABSURD_AMOUNT: " + caught + " of " + absurd.size() + " rejected by range; within range: " + inRange);
        assertThat(caught).as("most absurd amounts are out of range").isGreaterThanOrEqualTo(absurd.size() / 2);
        // every negative amount where none is possible is caught
        assertThat(absurd).filteredOn(f -> f.faulty().startsWith("-"))
                .allSatisfy(f -> assertThat(file(f).rejects()).as(f.toString()).containsKey(f.sourceRow()));
    }

    @Test
    void everyLegacy15DigitIdIsARepairUnlessItsRowFailsForAnotherReason() {
        List<Fault> legacy = faults("LEGACY_ID_15");
        assertThat(legacy).isNotEmpty();
        int repaired = 0;
        for (Fault f : legacy) {
            Ingested r = file(f);
            List<Reject> rejects = r.rejects().get(f.sourceRow());
            if (rejects != null) {
                assertThat(rejects).as(f.toString()).noneSatisfy(x -> assertThat(x.field()).isEqualTo(f.field()));
                continue;
            }
            List<Repair> repairs = r.repairs().getOrDefault(f.sourceRow(), List.of());
            assertThat(repairs).as(f.toString()).anySatisfy(x -> {
                assertThat(x.field()).isEqualTo(f.field());
                assertThat(x.note()).contains("upgraded 15-digit ID number");
            });
            repaired++;
        }
        assertThat(repaired).isGreaterThan(legacy.size() / 2);
    }

    @Test
    void duplicateRowsAreRejectedByThePrimaryKeyOrAsWholeRowsWhereTheDatasetHasNone() {
        List<Fault> dups = faults("DUPLICATE_ROW");
        assertThat(dups).isNotEmpty();
        int byKey = 0;
        int keyless = 0;
        for (Fault f : dups) {
            Ingested r = file(f);
            long firstRow = Long.parseLong(f.faulty().replace("duplicate of row ", "")) + 1;
            List<Reject> rejects = r.rejects().get(f.sourceRow());
            if (r.mapping().primaryKey().isEmpty()) {
                keyless++;
                // no key (crossings): the copy is rejected as a duplicate row, unless the row it copies was rejected
                assertThat(rejects).as(f.toString()).isNotNull();
                if (!r.rejects().containsKey(firstRow)) {
                    assertThat(rejects).as(f.toString()).singleElement().satisfies(x -> assertThat(x.reason())
                            .isEqualTo("duplicate row: the same values as row " + firstRow));
                }
                continue;
            }
            assertThat(rejects).as(f.toString()).isNotNull();
            if (!r.rejects().containsKey(firstRow)) {
                assertThat(rejects).as(f.toString()).singleElement()
                        .satisfies(x -> assertThat(x.reason()).startsWith("duplicate key").contains("first seen at row " + firstRow));
                byKey++;
            }
        }
        assertThat(byKey).isPositive();
        System.out.println("DUPLICATE_ROW: " + byKey + " rejected by key, " + keyless + " in keyless datasets, of " + dups.size());
    }

    @Test
    void noRowIsRejectedWithoutAnInjectedFaultOnIt() {
        Set<String> invalidating = Set.of("INVALID_ID_CHECKSUM", "ABSURD_AMOUNT", "DUPLICATE_ROW", "UNKNOWN_CODE");
        Map<String, Set<Long>> explained = new HashMap<>();
        for (Fault f : faults) {
            if (invalidating.contains(f.type())) {
                explained.computeIfAbsent(f.file(), k -> new java.util.HashSet<>()).add(f.sourceRow());
            }
        }
        List<String> unexplained = new ArrayList<>();
        for (Ingested r : BY_FILE.values()) {
            for (Map.Entry<Long, List<Reject>> e : r.rejects().entrySet()) {
                if (!explained.getOrDefault(r.extract().file(), Set.of()).contains(e.getKey())) {
                    unexplained.add(r.extract().file() + " row " + e.getKey() + ": " + e.getValue());
                }
            }
        }
        assertThat(unexplained).isEmpty();
    }

    @Test
    void faultsThatLeaveRowsValidDoNotRejectThem() {
        // typos, stale addresses, dead persons still listed and spouse conflicts are for later stages to find
        for (Fault f : faults) {
            if (Set.of("NAME_TYPO", "STALE_ADDRESS", "DEAD_STILL_IN_HUKOU", "SPOUSE_CONFLICT").contains(f.type())) {
                Optional<List<Reject>> rejects = Optional.ofNullable(file(f).rejects().get(f.sourceRow()));
                rejects.ifPresent(list -> assertThat(list).as(f.toString())
                        .noneSatisfy(x -> assertThat(x.field()).isEqualTo(f.field())));
            }
        }
    }
}
