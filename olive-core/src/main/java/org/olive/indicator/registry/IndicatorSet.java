package org.olive.indicator.registry;

import java.util.List;

/**
 * One target set: a document's indicator table, e.g. the county's 2021-2025 targets or the pilot's 2023-2025 list.
 *
 * @param id           {@code county} or {@code pilot}
 * @param title        the table's title as written
 * @param source       the document and attachment it comes from
 * @param baselineYear the year of the baseline column
 * @param sections     the categories in source order
 */
public record IndicatorSet(String id, String title, String source, int baselineYear, List<Section> sections) {

    public IndicatorSet {
        sections = List.copyOf(sections);
    }

    /** All indicators (rows) in source order. */
    public List<Indicator> indicators() {
        return sections.stream().flatMap(s -> s.indicators().stream()).toList();
    }

    /** The number of numbered indicators (distinct 序号): sub-rows such as 20a/20b count once. */
    public long numberedIndicators() {
        return indicators().stream().map(Indicator::number).distinct().count();
    }
}
