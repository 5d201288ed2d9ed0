package org.olive.accuracy.faults;

import java.util.ArrayList;
import java.util.List;

/** LEGACY_ID_15: neutralised when the ingest upgraded the 15-digit number (ingest_repair) or rejected the cell. */
final class LegacyId15Matcher implements FaultMatcher {

    @Override
    public String type() {
        return "LEGACY_ID_15";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) {
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            String k = Evidence.key(f) + "|" + f.field();
            if (e.repairs.containsKey(k)) {
                detected.add(new Detected(f, "repaired: " + e.repairs.get(k)));
            } else if (e.rejects.containsKey(k)) {
                detected.add(new Detected(f, "rejected: " + e.rejects.get(k)));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "upgraded 15→18 at ingest (ingest_repair), or rejected");
    }
}
