package org.olive.indicator.registry;

import java.util.List;

/** A category (类别) of a target set with its indicators in source order. */
public record Section(String name, String nameEn, List<Indicator> indicators) {

    public Section {
        indicators = List.copyOf(indicators);
    }
}
