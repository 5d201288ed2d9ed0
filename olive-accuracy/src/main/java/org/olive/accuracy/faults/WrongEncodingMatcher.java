package org.olive.accuracy.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** WRONG_ENCODING: neutralised when the ingest read the file in the encoding it was really written in. */
final class WrongEncodingMatcher implements FaultMatcher {

    @Override
    public String type() {
        return "WRONG_ENCODING";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) {
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        for (TruthFault f : faults) {
            String read = e.encodings.get(f.period() + "|" + f.file());
            if (read != null && norm(read).equals(norm(f.faulty()))) {
                detected.add(new Detected(f, "read as " + read));
            } else {
                undetected.add(f);
            }
        }
        return new Outcome(detected, undetected, List.of(), "the file read in its actual encoding (ingest_file.encoding)");
    }

    private static String norm(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT).replace("-BOM", "").replace("_", "-");
    }
}
