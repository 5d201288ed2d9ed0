package org.olive.accuracy.faults;

/** SPOUSE_CONFLICT: flagged when a SPOUSE_MISMATCH conflict names the person coded 10 配偶. */
final class SpouseConflictMatcher extends ConflictMatcher {

    @Override
    public String type() {
        return "SPOUSE_CONFLICT";
    }

    @Override
    String kind() {
        return "SPOUSE_MISMATCH";
    }
}
