package org.olive.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects the conflicts of a build and looks up the decisions already taken on them. A conflict's key is its kind,
 * the sorted ID numbers of the persons concerned and, where it belongs to one, the hukou: the same case gets the
 * same key in every run, so that a decision keeps applying.
 */
final class ConflictLog {

    private final Map<String, String> resolutions;
    private final Map<String, Conflict> conflicts = new LinkedHashMap<>();

    ConflictLog(Map<String, String> resolutions) {
        this.resolutions = resolutions == null ? Map.of() : resolutions;
    }

    static String key(Conflict.Kind kind, List<String> personIds, String hukouNo) {
        StringBuilder sb = new StringBuilder(kind.name()).append(':').append(String.join(",", new TreeSet<>(personIds)));
        if (hukouNo != null) {
            sb.append(':').append(hukouNo);
        }
        return sb.toString();
    }

    /**
     * Records a conflict and returns the decision to act on: the stored decision if it is one of the options, else
     * the provisional one (the first option).
     */
    String raise(Conflict.Kind kind, List<String> personIds, String hukouNo, String villageCode, String evidence,
                 String provisional, List<String> options) {
        String key = key(kind, personIds, hukouNo);
        String decision = resolutions.get(key);
        if (decision != null && !options.contains(decision)) {
            evidence = evidence + "；已记录的处理决定 " + decision + " 不在可选项 " + options + " 中，未采用";
            decision = null;
        }
        List<String> ids = List.copyOf(new TreeSet<>(personIds));
        conflicts.putIfAbsent(key, new Conflict(key, kind, ids, hukouNo, villageCode, evidence, provisional,
                List.copyOf(options), decision));
        return decision != null ? decision : options.get(0);
    }

    List<Conflict> all() {
        return new ArrayList<>(conflicts.values());
    }
}
