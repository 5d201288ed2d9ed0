package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.olive.period.Period;
import org.olive.synth.output.Cadence;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.DatasetSpec;
import org.olive.synth.output.Encoding;
import org.olive.synth.output.Format;

/** Every dataset of domain.md §3 is written, with its Chinese headers, in its declared encoding and format. */
class DatasetsTest {

    private static final List<String> DOMAIN_KEYS = List.of("hukou", "crossings", "floating", "marriage", "vital",
            "social_insurance", "benefits", "skill_cert", "iit", "market_entity", "business_report", "assistance",
            "disability", "fishery", "bnb", "property", "housing_fund", "utilities", "education", "medical",
            "platform_work", "dividends", "survey", "tourism", "education_fee", "subsidy_payment");

    @Test
    void theCatalogueCoversEveryDomainDataset() {
        assertThat(Catalog.ALL.stream().map(DatasetSpec::key).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(DOMAIN_KEYS);
    }

    @Test
    void everyDatasetIsPresentWithItsHeadersEncodingAndFormat() throws Exception {
        SynthReport r = Counties.clean();
        Path out = r.outputDir();
        for (Period p : List.of(Period.of(2023, 11), Period.of(2023, 12))) {
            for (DatasetSpec d : Catalog.ALL) {
                Path f = out.resolve(p.toString()).resolve(d.fileName(p));
                if (d.cadence() == Cadence.YEARLY && p.monthValue() != 12) {
                    assertThat(f).doesNotExist();
                    continue;
                }
                assertThat(f).as(d.fullKey() + " " + p).exists();
                List<List<String>> rows;
                if (d.format() == Format.XLSX) {
                    rows = Files2.xlsx(f);
                } else {
                    byte[] head;
                    try (var in = Files.newInputStream(f)) {
                        head = in.readNBytes(3);
                    }
                    boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
                    assertThat(bom).as("BOM of " + f).isEqualTo(d.encoding() == Encoding.UTF8_BOM);
                    rows = Files2.csv(f, d.encoding().charset());
                }
                assertThat(rows.get(0)).as("headers of " + f).containsExactly(d.headers());
                for (List<String> row : rows.subList(1, rows.size())) {
                    if (d.format() == Format.CSV) {
                        assertThat(row).as("row width in " + f).hasSize(d.headers().length);
                    }
                }
            }
        }
        assertThat(out.resolve("2023-11").resolve(Catalog.crossingsHistoryFile(Period.of(2022, 11), Period.of(2023, 10))))
                .exists();
    }

    @Test
    void activeDatasetsHaveRows() throws Exception {
        Path dec = Counties.clean().outputDir().resolve("2023-12");
        for (DatasetSpec d : List.of(Catalog.HUKOU, Catalog.CROSSINGS, Catalog.FLOATING, Catalog.SOCIAL_INSURANCE,
                Catalog.BENEFITS, Catalog.IIT, Catalog.ASSISTANCE, Catalog.DISABILITY, Catalog.FISHERY_VESSELS,
                Catalog.FISHERY_CREW, Catalog.HOUSING_FUND, Catalog.UTILITIES, Catalog.MEDICAL, Catalog.TOURISM,
                Catalog.DIVIDENDS)) {
            List<List<String>> rows = Files2.csv(dec.resolve(d.fileName(Period.of(2023, 12))), d.encoding().charset());
            assertThat(rows.size()).as(d.fullKey()).isGreaterThan(1);
        }
        for (DatasetSpec d : List.of(Catalog.BNB, Catalog.MARKET_ENTITY, Catalog.EDUCATION, Catalog.PLATFORM_WORK,
                Catalog.BUSINESS_REPORT, Catalog.SURVEY, Catalog.FISHERY_AQUACULTURE)) {
            assertThat(Files2.xlsx(dec.resolve(d.fileName(Period.of(2023, 12)))).size()).as(d.fullKey()).isGreaterThan(1);
        }
    }

    @Test
    void manifestListsEveryFileWithItsSize() throws Exception {
        Path out = Counties.clean().outputDir();
        String manifest = Files.readString(out.resolve("manifest.json"), StandardCharsets.UTF_8);
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.equals("manifest.json")) {
                    continue;
                }
                assertThat(manifest).as(rel).contains("\"file\": \"" + rel + "\"");
                assertThat(manifest).contains("\"file\": \"" + rel + "\", \"encoding\"");
            }
        }
        assertThat(out.resolve("truth/summary.json")).exists();
        assertThat(Files.readString(out.resolve("truth/summary.json"))).contains("\"per_capita_di\"", "\"targets\"");
    }

    @Test
    void tourismArrivalsAgreeWithTouristCrossings() throws Exception {
        Path dir = Counties.clean().outputDir().resolve("2023-12");
        Period p = Period.of(2023, 12);
        java.util.Set<String> known = new java.util.HashSet<>();
        for (List<String> row : Files2.csv(dir.resolve(Catalog.HUKOU.fileName(p)), Catalog.HUKOU.encoding().charset())) {
            known.add(row.get(0));
        }
        for (List<String> row : Files2.csv(dir.resolve(Catalog.FLOATING.fileName(p)), Catalog.FLOATING.encoding().charset())) {
            known.add(row.get(0));
        }
        // registered people who died or moved out earlier are not in the snapshot but may still cross: use the truth
        for (List<String> row : Files2.csv(Counties.clean().outputDir().resolve("truth/2023-12/residence.csv"),
                StandardCharsets.UTF_8)) {
            known.add(row.get(1));
        }
        long touristIns = 0;
        for (List<String> row : Files2.csv(dir.resolve(Catalog.CROSSINGS.fileName(p)), StandardCharsets.UTF_8)) {
            if (row.get(2).equals("进岛") && !known.contains(row.get(0))) {
                touristIns++;
            }
        }
        long arrivals = 0;
        for (List<String> row : Files2.csv(dir.resolve(Catalog.TOURISM.fileName(p)), Catalog.TOURISM.encoding().charset())
                .subList(1, 8)) {
            arrivals += Long.parseLong(row.get(3));
        }
        assertThat(arrivals).isPositive();
        assertThat(touristIns).isEqualTo(arrivals);
    }
}
