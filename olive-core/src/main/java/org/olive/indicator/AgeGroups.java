package org.olive.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Age groups for the {@link Breakdown#AGE_GROUP} breakdown, given by their lower bounds in whole years: the default
 * 0, 16, 30, 45, 60 gives the groups {@code 0-15}, {@code 16-29}, {@code 30-44}, {@code 45-59} and {@code 60+}.
 *
 * @param lowerBounds strictly increasing, starting at 0
 */
public record AgeGroups(List<Integer> lowerBounds) {

    public AgeGroups {
        lowerBounds = List.copyOf(lowerBounds);
        if (lowerBounds.isEmpty() || lowerBounds.get(0) != 0) {
            throw new IllegalArgumentException("age groups start at 0: " + lowerBounds);
        }
        for (int i = 1; i < lowerBounds.size(); i++) {
            if (lowerBounds.get(i) <= lowerBounds.get(i - 1)) {
                throw new IllegalArgumentException("age group bounds must increase strictly: " + lowerBounds);
            }
        }
    }

    /** 0-15, 16-29, 30-44, 45-59, 60+. */
    public static AgeGroups defaults() {
        return new AgeGroups(List.of(0, 16, 30, 45, 60));
    }

    /** The labels in order, e.g. {@code 0-15} … {@code 60+}. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lowerBounds.size(); i++) {
            out.add(label(i));
        }
        return out;
    }

    /** The label of an age; {@link CountyPersons#UNKNOWN} for a negative (unknown) age. */
    public String labelOf(int age) {
        if (age < 0) {
            return CountyPersons.UNKNOWN;
        }
        int g = 0;
        while (g + 1 < lowerBounds.size() && age >= lowerBounds.get(g + 1)) {
            g++;
        }
        return label(g);
    }

    private String label(int i) {
        return i + 1 == lowerBounds.size() ? lowerBounds.get(i) + "+" : lowerBounds.get(i) + "-" + (lowerBounds.get(i + 1) - 1);
    }
}
