package org.olive.indicator.registry;

/**
 * Why an evaluation came out as it did. Each reason has an English template with numbered arguments ({0}, {1} …) in
 * the order of {@link Progress#arguments()}; the web application has the same keys ({@code indicator.reason.<NAME>})
 * in its message bundles.
 */
public enum Reason {
    NO_VALUE("no value for {0}"),
    NUMBER_MET("{0} reaches the {1} target {2} (needs {3} {2})"),
    NUMBER_NOT_MET("{0} misses the {1} target {2} (needs {3} {2})"),
    BOUND_MET("{0} is within the {1} bound {2}"),
    BOUND_NOT_MET("{0} is outside the {1} bound {2}"),
    TREND_MET("{0} against {1} in {2}: {3} holds"),
    TREND_NOT_MET("{0} against {1} in {2}: {3} does not hold"),
    NO_REFERENCE("{0} needs an earlier value to compare with, and there is none"),
    RANGE_MET("{0} lies within the range {1}-{2}"),
    RANGE_NOT_MET("{0} lies outside the range {1}-{2}"),
    NO_RANGE("{0}: the source sets no range, so the value cannot be judged"),
    QUOTA("the target is the quota assigned by the higher level ({0}); it is not in the registry, compare by hand"),
    PATH_AHEAD("{0} already reaches the {1} target {2}"),
    PATH_ON_TRACK("{0} is on the path to the {1} target {2} (path value for {3}: {4})"),
    PATH_BEHIND("{0} is behind the path to the {1} target {2} (path value for {3}: {4})"),
    NO_TARGET("no target for {0}");

    private final String english;

    Reason(String english) {
        this.english = english;
    }

    /** The English template. */
    public String english() {
        return english;
    }
}
