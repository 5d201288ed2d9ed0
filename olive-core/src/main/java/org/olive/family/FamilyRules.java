package org.olive.family;

/** The configurable thresholds of family building (defaults from domain.md §6). */
public record FamilyRules(int minParentAgeGap, int maxAge) {

    public static FamilyRules defaults() {
        return new FamilyRules(14, 120);
    }
}
