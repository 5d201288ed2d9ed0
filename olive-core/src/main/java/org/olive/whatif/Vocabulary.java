package org.olive.whatif;

import java.util.Set;

/**
 * What a scenario may name, to reject unknown names at loading: the income_item sources the income step writes, the
 * key-group ids of the profile's groups.yaml, the township and village codes of its divisions, and the lines.
 *
 * @param sources  income_item sources
 * @param groups   group ids
 * @param areas    township (9-digit) and village (12-digit) codes
 */
public record Vocabulary(Set<String> sources, Set<String> groups, Set<String> areas) {

    /** The lines a line shock may change. */
    public static final Set<String> LINES = Set.of("dibao");

    public Vocabulary {
        sources = Set.copyOf(sources);
        groups = Set.copyOf(groups);
        areas = Set.copyOf(areas);
    }
}
