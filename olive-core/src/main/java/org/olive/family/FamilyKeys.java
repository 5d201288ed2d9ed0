package org.olive.family;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gives each family of a period a stable key: the previous period's key shared by most of its members (ties: the
 * key of its anchor), each previous key going to one family only (the family with the largest overlap wins);
 * families without one get a fresh key.
 */
final class FamilyKeys {

    private FamilyKeys() {
    }

    /**
     * @param families each family's member ID numbers, anchor first
     * @return the key of each family, in the same order
     */
    static List<String> assign(List<List<String>> families, Map<String, String> previous, Supplier<String> newKey) {
        record Claim(int family, String key, int overlap, boolean anchors) {
        }
        List<Claim> claims = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            List<String> members = families.get(f);
            Map<String, Integer> counts = new HashMap<>();
            for (String id : members) {
                String k = previous.get(id);
                if (k != null) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
            String anchorKey = members.isEmpty() ? null : previous.get(members.get(0));
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                claims.add(new Claim(f, e.getKey(), e.getValue(), e.getKey().equals(anchorKey)));
            }
        }
        claims.sort(Comparator.comparingInt(Claim::overlap).reversed()
                .thenComparing(Claim::anchors, Comparator.reverseOrder())
                .thenComparing(Claim::key)
                .thenComparingInt(Claim::family));
        String[] keys = new String[families.size()];
        Set<String> used = new HashSet<>();
        for (Claim c : claims) {
            if (keys[c.family()] == null && !used.contains(c.key())) {
                keys[c.family()] = c.key();
                used.add(c.key());
            }
        }
        List<String> out = new ArrayList<>(keys.length);
        for (String k : keys) {
            if (k == null) {
                k = newKey.get();
                if (k == null || used.contains(k)) {
                    throw new IllegalStateException("the family key supplier handed out " + (k == null ? "null"
                            : "the key " + k + ", which is already in use"));
                }
                used.add(k);
            }
            out.add(k);
        }
        return out;
    }
}
