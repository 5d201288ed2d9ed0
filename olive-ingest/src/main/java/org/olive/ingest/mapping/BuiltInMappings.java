package org.olive.ingest.mapping;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.olive.ingest.field.TextNormalizer;
import org.olive.ingest.table.Header;

/**
 * The mappings shipped with Olive, as examples and defaults: one per file of the data catalogue
 * ({@code docs/data-catalog.md}, domain.md §3), 29 in all. Datasets delivered as several files have one mapping per
 * part: {@code fishery_vessels}, {@code fishery_crew}, {@code fishery_aquaculture}, {@code property_ownership} and
 * {@code property_rentals}. The crossings history load ({@code 进出岛记录_历史_…}) uses {@code crossings}. Header names
 * follow the synthetic county's extracts (olive-synth's {@code Catalog}, always the first name of a field) plus
 * names other counties use. Each mapping names the master database's sub-database it feeds
 * ({@link SubDatabase}). A county passes its own YAML to {@link MappingLoader} instead.
 */
public final class BuiltInMappings {

    /** The datasets that have a built-in mapping, in catalogue order. */
    public static final List<String> DATASETS = List.of(
            "hukou", "crossings", "floating", "marriage", "vital",
            "social_insurance", "benefits", "skill_cert", "iit", "market_entity", "business_report",
            "assistance", "disability", "fishery_vessels", "fishery_crew", "fishery_aquaculture",
            "bnb", "property_ownership", "property_rentals", "housing_fund", "utilities",
            "education", "medical", "platform_work", "dividends", "survey", "tourism", "education_fee",
            "subsidy_payment");

    private static final String ROOT = "/org/olive/ingest/mapping/";

    private BuiltInMappings() {
    }

    public static DatasetMapping get(String dataset) {
        if (!DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("no built-in mapping for dataset '" + dataset + "'; built-in: " + DATASETS);
        }
        String resource = ROOT + dataset + ".yaml";
        InputStream in = Objects.requireNonNull(BuiltInMappings.class.getResourceAsStream(resource), resource);
        return MappingLoader.load(in, "built-in mapping " + dataset + ".yaml");
    }

    public static List<DatasetMapping> all() {
        List<DatasetMapping> out = new ArrayList<>();
        DATASETS.forEach(d -> out.add(get(d)));
        return out;
    }

    /**
     * A mapping that can read a header: every required field of the mapping is present.
     *
     * @param mapping the mapping
     * @param columns how many of the header's columns the mapping reads
     * @param absent  how many fields of the mapping the header lacks (optional ones)
     */
    public record Match(DatasetMapping mapping, int columns, int absent) {
    }

    /**
     * Every candidate whose required fields are all present in the header, best first: the one that reads the most
     * columns, then the one that lacks the fewest of its own fields.
     */
    public static List<Match> matches(Header header, List<DatasetMapping> candidates) {
        Set<String> names = header.names().stream().map(TextNormalizer::normalize).collect(Collectors.toSet());
        List<Match> out = new ArrayList<>();
        for (DatasetMapping m : candidates) {
            int present = 0;
            int absent = 0;
            boolean allRequired = true;
            for (FieldSpec f : m.fields()) {
                if (f.headers().stream().anyMatch(h -> names.contains(TextNormalizer.normalize(h)))) {
                    present++;
                } else {
                    absent++;
                    allRequired &= !f.required();
                }
            }
            if (allRequired) {
                out.add(new Match(m, present, absent));
            }
        }
        out.sort(Comparator.comparingInt(Match::columns).reversed().thenComparingInt(Match::absent));
        return out;
    }

    /**
     * The mapping that reads a header best (see {@link #matches}); empty when none matches (an unknown column set) or
     * when two mappings of different datasets match equally well (ambiguous: the caller must say which dataset it is).
     */
    public static Optional<DatasetMapping> identify(Header header, List<DatasetMapping> candidates) {
        List<Match> m = matches(header, candidates);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        if (m.size() > 1 && m.get(1).columns() == m.get(0).columns() && m.get(1).absent() == m.get(0).absent()
                && !m.get(1).mapping().dataset().equals(m.get(0).mapping().dataset())) {
            return Optional.empty();
        }
        return Optional.of(m.get(0).mapping());
    }
}
