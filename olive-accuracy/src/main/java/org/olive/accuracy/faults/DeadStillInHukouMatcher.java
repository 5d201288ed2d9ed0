package org.olive.accuracy.faults;

/** DEAD_STILL_IN_HUKOU: flagged when a DEAD_STILL_LISTED conflict names the person. */
final class DeadStillInHukouMatcher extends ConflictMatcher {

    @Override
    public String type() {
        return "DEAD_STILL_IN_HUKOU";
    }

    @Override
    String kind() {
        return "DEAD_STILL_LISTED";
    }

    @Override
    java.util.Set<String> flagKinds() {
        return java.util.Set.of("DEAD_STILL_LISTED", "NO_TRACE");
    }
}
