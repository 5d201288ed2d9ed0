package org.olive.accuracy.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN_CODE (a code cell holding a local name that no reference knows: an item of the 一卡通 disbursements that is no
 * policy of the county's policies.yaml): detected when the ingest rejected that cell — the check of the field against
 * the profile's reference codes ({@code PeriodIngest.referenceCodes}) or the mapping's value list — or the whole row.
 */
final class UnknownCodeMatcher implements FaultMatcher {

    @Override
    public String type() {
        return "UNKNOWN_CODE";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) {
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            e.rejection(f).ifPresentOrElse(how -> detected.add(new Detected(f, how)), () -> undetected.add(f));
        }
        return new Outcome(detected, undetected, List.of(), "rejected at ingest: the code is checked against the "
                + "policies of the profile's policies.yaml (or the mapping's values without a profile)");
    }
}
