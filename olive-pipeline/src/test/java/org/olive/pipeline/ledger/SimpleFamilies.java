package org.olive.pipeline.ledger;

import org.olive.family.CivilRecords;
import org.olive.family.Conflict;
import org.olive.family.Family;
import org.olive.family.FamilyInput;
import org.olive.family.FamilyLedger;
import org.olive.family.HukouMember;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deliberately simple family builder for testing the ledger's persistence while the real FamilyBuilder is built
 * elsewhere: one family per registration household (its NORMAL members without a registered death), one per migrant,
 * keys kept from the previous period by majority of members, and a DEAD_STILL_LISTED case for every NORMAL member
 * with a registered death (kept in the family unless the case is resolved "REMOVE"), and a SPOUSE_MISMATCH case for a
 * hukou coding several members as the head's spouse (all spouses unless resolved "FIRST_ONLY").
 */
final class SimpleFamilies implements Function<FamilyInput, FamilyLedger> {

    @Override
    public FamilyLedger apply(FamilyInput in) {
        Set<String> dead = new HashSet<>();
        for (CivilRecords.Death d : in.deaths()) {
            dead.add(d.personId());
        }
        Map<String, List<HukouMember>> byHukou = new TreeMap<>();
        Set<String> placed = new HashSet<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (HukouMember m : in.hukou()) {
            if (!m.normal() || !placed.add(m.personId())) {
                continue;
            }
            if (dead.contains(m.personId())) {
                String key = "DEAD_STILL_LISTED:" + m.personId();
                String decision = in.resolutions().get(key);
                conflicts.add(new Conflict(key, Conflict.Kind.DEAD_STILL_LISTED, List.of(m.personId()), m.hukouNo(),
                        m.villageCode(), "hukou " + m.source() + " lists the person as normal; a death is registered",
                        "kept in the family", List.of("KEEP", "REMOVE"), decision));
                if ("REMOVE".equals(decision)) {
                    continue;
                }
            }
            byHukou.computeIfAbsent(m.hukouNo(), k -> new ArrayList<>()).add(m);
        }
        Map<String, List<Family.Member>> groups = new LinkedHashMap<>();
        Map<String, String[]> meta = new HashMap<>();
        byHukou.forEach((h, members) -> {
            members.sort((a, b) -> "02".equals(a.relationCode()) ? -1 : "02".equals(b.relationCode()) ? 1 : 0);
            List<String> spouses = members.stream().filter(m -> "10".equals(m.relationCode())).map(HukouMember::personId).toList();
            String decision = null;
            if (spouses.size() > 1) {
                String key = "SPOUSE_MISMATCH:" + h;
                decision = in.resolutions().get(key);
                conflicts.add(new Conflict(key, Conflict.Kind.SPOUSE_MISMATCH, spouses, h, members.get(0).villageCode(),
                        "hukou " + h + " codes " + spouses.size() + " members as the head's spouse (10)",
                        "all kept as spouses", List.of("ALL_SPOUSES", "FIRST_ONLY"), decision));
            }
            List<Family.Member> list = new ArrayList<>();
            for (HukouMember m : members) {
                Family.Role role = "02".equals(m.relationCode()) ? Family.Role.HEAD
                        : "10".equals(m.relationCode()) && !("FIRST_ONLY".equals(decision) && !m.personId().equals(spouses.get(0)))
                        ? Family.Role.SPOUSE : Family.Role.OTHER;
                list.add(new Family.Member(m.personId(), role, m.relationCode(), "hukou " + h + " (" + m.source() + ")"));
            }
            groups.put(h, list);
            meta.put(h, new String[]{"HUKOU", h, members.get(0).villageCode()});
        });
        for (String id : in.migrants()) {
            if (placed.add(id)) {
                groups.put("M" + id, List.of(new Family.Member(id, Family.Role.HEAD, null, "migrant")));
                meta.put("M" + id, new String[]{"MIGRANT", null, null});
            }
        }
        Set<String> used = new HashSet<>();
        List<Family> families = new ArrayList<>();
        groups.forEach((g, members) -> {
            Map<String, Integer> votes = new TreeMap<>();
            for (Family.Member m : members) {
                String k = in.previousFamily().get(m.personId());
                if (k != null) {
                    votes.merge(k, 1, Integer::sum);
                }
            }
            String key = votes.entrySet().stream().filter(e -> !used.contains(e.getKey()))
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (key == null) {
                key = in.newFamilyKey().get();
            }
            used.add(key);
            String[] m = meta.get(g);
            families.add(new Family(key, members.get(0).personId(), m[0], m[1], m[2], members));
        });
        return new FamilyLedger(in.period(), families, conflicts);
    }
}
