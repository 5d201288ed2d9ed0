package org.olive.accuracy.faults;

import java.util.ArrayList;
import java.util.List;

/** INVALID_ID_CHECKSUM: detected when the ingest rejected the ID cell (the row then goes to record matching). */
final class InvalidIdChecksumMatcher implements FaultMatcher {

    @Override
    public String type() {
        return "INVALID_ID_CHECKSUM";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) {
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            String reject = e.rejects.get(Evidence.key(f) + "|" + f.field());
            if (reject != null) {
                detected.add(new Detected(f, "rejected: " + reject));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "the ID cell rejected at ingest");
    }
}
