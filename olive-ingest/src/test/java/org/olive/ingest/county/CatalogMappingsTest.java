package org.olive.ingest.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.olive.ingest.field.TextNormalizer;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.FieldType;
import org.olive.ingest.mapping.SubDatabase;
import org.olive.ingest.table.Header;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.Column;
import org.olive.synth.output.DatasetSpec;

/** The built-in mappings against the data catalogue (olive-synth's {@link Catalog}): one per file, each exact. */
class CatalogMappingsTest {

    private static final List<DatasetMapping> ALL = BuiltInMappings.all();

    /** The built-in mapping of a catalogue file: its key, with its part for multi-file datasets. */
    static String mappingName(DatasetSpec spec) {
        return spec.part().isEmpty() ? spec.key() : spec.key() + "_" + spec.part();
    }

    private static DatasetMapping mapping(DatasetSpec spec) {
        return ALL.stream().filter(m -> m.dataset().equals(mappingName(spec))).findFirst().orElseThrow(
                () -> new AssertionError("no built-in mapping " + mappingName(spec) + " for " + spec.fullKey()));
    }

    @Test
    void everyCatalogueFileHasExactlyOneBuiltInMappingNamedByItsKeyAndPart() {
        assertThat(BuiltInMappings.DATASETS).hasSize(29).doesNotHaveDuplicates()
                .containsExactlyElementsOf(Catalog.ALL.stream().map(CatalogMappingsTest::mappingName).toList());
        assertThat(ALL).extracting(DatasetMapping::dataset).containsExactlyElementsOf(BuiltInMappings.DATASETS);
    }

    @Test
    void everyMappingFeedsItsSubDatabase() {
        Map<SubDatabase, Set<String>> expected = Map.of(
                SubDatabase.BASIC, Set.of("hukou", "crossings", "floating", "marriage", "vital", "disability", "education"),
                SubDatabase.WORK, Set.of("social_insurance", "skill_cert", "market_entity", "business_report", "fishery_vessels",
                        "fishery_crew", "fishery_aquaculture", "bnb", "platform_work", "housing_fund"),
                SubDatabase.INCOME, Set.of("iit", "benefits", "assistance", "property_ownership", "property_rentals", "utilities",
                        "medical", "dividends", "survey", "tourism", "education_fee", "subsidy_payment"));
        for (DatasetMapping m : ALL) {
            assertThat(expected.get(m.subDatabase())).as(m.dataset() + " in " + m.subDatabase()).contains(m.dataset());
        }
    }

    /** Field types a catalogue column type may map to. */
    private static Set<FieldType> typesFor(String catalogueType) {
        return switch (catalogueType) {
            case "id" -> EnumSet.of(FieldType.ID_NUMBER);
            case "uscc" -> EnumSet.of(FieldType.CREDIT_CODE);
            case "text" -> EnumSet.of(FieldType.TEXT, FieldType.CODE);
            case "code" -> EnumSet.of(FieldType.CODE, FieldType.DIVISION, FieldType.RELATION, FieldType.OCCUPATION,
                    FieldType.INDUSTRY, FieldType.TEXT);
            case "int" -> EnumSet.of(FieldType.INTEGER);
            case "money" -> EnumSet.of(FieldType.AMOUNT);
            case "decimal" -> EnumSet.of(FieldType.DECIMAL);
            case "date" -> EnumSet.of(FieldType.DATE);
            case "datetime" -> EnumSet.of(FieldType.DATETIME);
            case "period" -> EnumSet.of(FieldType.MONTH);
            default -> throw new AssertionError("unknown catalogue type " + catalogueType);
        };
    }

    @Test
    void everyCatalogueColumnIsAFieldWithItsCanonicalNameAndTheCatalogueHeaderFirst() {
        for (DatasetSpec spec : Catalog.ALL) {
            DatasetMapping m = mapping(spec);
            assertThat(m.fields()).as(m.dataset() + " fields").extracting(FieldSpec::name)
                    .containsExactlyElementsOf(spec.columns().stream().map(Column::canonical).toList());
            for (Column c : spec.columns()) {
                FieldSpec f = m.field(c.canonical()).orElseThrow();
                String where = m.dataset() + "." + f.name();
                assertThat(f.headers().get(0)).as(where + " first header").isEqualTo(c.header());
                assertThat(typesFor(c.type())).as(where + " type " + f.type() + " for catalogue type " + c.type()).contains(f.type());
                if (f.type() == FieldType.TEXT) {
                    assertThat(f.maxLength()).as(where + " max_length").isPositive();
                }
                if (f.type() == FieldType.AMOUNT || f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL) {
                    assertThat(f.min()).as(where + " min").isNotNull();
                    assertThat(f.max()).as(where + " max").isNotNull();
                }
            }
            // within a mapping, no header name is accepted for two fields
            Set<String> seen = new HashSet<>();
            for (FieldSpec f : m.fields()) {
                for (String h : f.headers()) {
                    assertThat(seen.add(TextNormalizer.normalize(h))).as(m.dataset() + ": header " + h + " accepted twice").isTrue();
                }
            }
            assertThat(m.primaryKey()).as(m.dataset() + " key fields are required").allSatisfy(k -> {
                if (!k.endsWith("uscc")) {
                    assertThat(m.field(k).orElseThrow().required()).as(m.dataset() + "." + k).isTrue();
                }
            });
        }
    }

    @Test
    void everyCatalogueFileIsIdentifiedAsItsOwnMappingWithoutAmbiguity() {
        List<String> problems = new ArrayList<>();
        for (DatasetSpec spec : Catalog.ALL) {
            Header h = Header.of(List.of(spec.headers()));
            List<BuiltInMappings.Match> matches = BuiltInMappings.matches(h, ALL);
            String found = BuiltInMappings.identify(h, ALL).map(DatasetMapping::dataset).orElse("(none)");
            if (!found.equals(mappingName(spec))) {
                problems.add(spec.fullKey() + " identified as " + found + "; matches: "
                        + matches.stream().map(x -> x.mapping().dataset() + "=" + x.columns() + "/" + x.absent()).toList());
            } else if (matches.size() > 1 && matches.get(1).columns() == matches.get(0).columns()) {
                problems.add(spec.fullKey() + " is won on a tie-break: " + matches.stream()
                        .map(x -> x.mapping().dataset() + "=" + x.columns() + "/" + x.absent()).toList());
            }
            // and the file is still recognised when it carries only the required columns of its mapping
            DatasetMapping own = mapping(spec);
            Header minimal = Header.of(own.requiredFields().stream().map(f -> f.headers().get(0)).toList());
            assertThat(BuiltInMappings.identify(minimal, ALL)).as(spec.fullKey() + " with only its required columns " + minimal)
                    .map(DatasetMapping::dataset).contains(own.dataset());
        }
        assertThat(problems).isEmpty();
    }
}
