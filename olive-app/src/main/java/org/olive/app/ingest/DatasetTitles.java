package org.olive.app.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.springframework.stereotype.Component;

/** The display names of the datasets (the titles of the built-in mappings, e.g. 户籍人口 (公安)). */
@Component
public class DatasetTitles {

    private final Map<String, String> titles = new LinkedHashMap<>();

    public DatasetTitles() {
        for (DatasetMapping m : BuiltInMappings.all()) {
            titles.put(m.dataset(), m.title() == null || m.title().isBlank() ? m.dataset() : m.title());
        }
    }

    /** The dataset's title, or its code when it has none. */
    public String of(String dataset) {
        return dataset == null ? "" : titles.getOrDefault(dataset, dataset);
    }
}
