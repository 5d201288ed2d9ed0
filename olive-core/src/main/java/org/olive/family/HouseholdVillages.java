package org.olive.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The village of each registration household (户) of a hukou snapshot, and the rows whose village code contradicts it:
 * stale addresses (地址未随户更新), the village a member's row still carries after the household moved or after the
 * member joined it.
 *
 * <p>The evidence: every NORMAL row of the household votes for its village code (one vote per person), the
 * household's village of the previous period adds {@code previousPeriodVotes} votes, and a fresher record of another
 * department (a utility account of a member this period, say) adds {@code recordVotes} votes. The village with the most votes
 * is the household's; on a tie the head's row decides. A member whose row carries another village, with fewer votes,
 * is stale: the ledgers place the member in the household's village, the row itself stays as delivered, and the
 * finding keeps the evidence. A household whose members all agree has no stale row, whatever the previous period
 * said (a household that moved moves all its rows), unless a record of another department places it elsewhere this
 * period: then that record votes with the others (so a one-person household's stale row is found by its utility
 * account, and a household of two whose rows both lag behind it too).
 */
public final class HouseholdVillages {

    /**
     * A row whose village contradicts its household.
     *
     * @param row              the hukou row as delivered
     * @param householdVillage the household's village (what the ledgers use)
     * @param evidence         the other members' villages and the previous period's, in plain words
     */
    public record Stale(HukouMember row, String householdVillage, String evidence) {
    }

    /**
     * @param villageOf hukou number → the household's village
     * @param stale     the rows contradicting their household, in snapshot order
     */
    public record Result(Map<String, String> villageOf, List<Stale> stale) {
    }

    private HouseholdVillages() {
    }

    /**
     * @param hukou               the period's snapshot (rows of every status; only NORMAL rows with a village vote)
     * @param previousVillage     hukou number → the household's village in the previous period (may be empty)
     * @param previousPeriodVotes the weight of the previous period's village (0: members only)
     */
    public static Result of(List<HukouMember> hukou, Map<String, String> previousVillage, int previousPeriodVotes) {
        return of(hukou, previousVillage, previousPeriodVotes, Map.of(), 0);
    }

    /**
     * A village another department records for a household this period.
     *
     * @param village the village code
     * @param source  the record, in plain words (dataset, file and row)
     */
    public record Record(String village, String source) {
    }

    /**
     * @param records    hukou number → a record of another department placing the household this period
     * @param recordVotes the weight of such a record
     */
    public static Result of(List<HukouMember> hukou, Map<String, String> previousVillage, int previousPeriodVotes,
                            Map<String, Record> records, int recordVotes) {
        Objects.requireNonNull(hukou, "hukou");
        if (previousPeriodVotes < 0 || recordVotes < 0) {
            throw new IllegalArgumentException("votes must not be negative, found " + previousPeriodVotes + " and "
                    + recordVotes);
        }
        Map<String, Record> fresh = records == null ? Map.of() : records;
        Map<String, String> previous = previousVillage == null ? Map.of() : previousVillage;
        Map<String, Map<String, HukouMember>> byHukou = new LinkedHashMap<>();
        for (HukouMember m : hukou) {
            if (m.normal() && m.hukouNo() != null && m.villageCode() != null && m.personId() != null) {
                byHukou.computeIfAbsent(m.hukouNo(), k -> new LinkedHashMap<>()).putIfAbsent(m.personId(), m);
            }
        }
        Map<String, String> villageOf = new HashMap<>();
        List<Stale> stale = new ArrayList<>();
        for (Map.Entry<String, Map<String, HukouMember>> e : byHukou.entrySet()) {
            String hukouNo = e.getKey();
            Map<String, Integer> votes = new TreeMap<>();
            String head = null;
            for (HukouMember m : e.getValue().values()) {
                votes.merge(m.villageCode(), 1, Integer::sum);
                if ("02".equals(m.relationCode())) {
                    head = m.villageCode();
                }
            }
            String before = previous.get(hukouNo);
            Record record = fresh.get(hukouNo);
            boolean recordDisagrees = record != null && record.village() != null && recordVotes > 0
                    && !votes.containsKey(record.village());
            if (votes.size() == 1 && !recordDisagrees) {
                villageOf.put(hukouNo, votes.keySet().iterator().next());
                continue;
            }
            if (before != null && previousPeriodVotes > 0) {
                votes.merge(before, previousPeriodVotes, Integer::sum);
            }
            if (record != null && record.village() != null && recordVotes > 0) {
                votes.merge(record.village(), recordVotes, Integer::sum);
            }
            String best = null;
            int bestVotes = -1;
            boolean tie = false;
            for (Map.Entry<String, Integer> v : votes.entrySet()) {
                if (v.getValue() > bestVotes) {
                    best = v.getKey();
                    bestVotes = v.getValue();
                    tie = false;
                } else if (v.getValue() == bestVotes) {
                    tie = true;
                }
            }
            if (tie && head != null && votes.get(head) == bestVotes) {
                best = head;
            }
            villageOf.put(hukouNo, best);
            for (HukouMember m : e.getValue().values()) {
                if (!m.villageCode().equals(best) && votes.get(m.villageCode()) < votes.get(best)) {
                    stale.add(new Stale(m, best, evidence(m, best, e.getValue().values(), before, previousPeriodVotes,
                            record != null && recordVotes > 0 ? record : null)));
                }
            }
        }
        return new Result(villageOf, List.copyOf(stale));
    }

    private static String evidence(HukouMember m, String best, Iterable<HukouMember> members, String before, int prevVotes,
                                   Record record) {
        List<String> agree = new ArrayList<>();
        for (HukouMember o : members) {
            if (o != m && best.equals(o.villageCode())) {
                agree.add(o.name() == null || o.name().isBlank() ? Texts.mask(o.personId()) : o.name());
            }
        }
        StringBuilder b = new StringBuilder("户号 ").append(m.hukouNo()).append(" 中 ")
                .append(m.name() == null || m.name().isBlank() ? "" : m.name() + " ").append(Texts.mask(m.personId()))
                .append(" 的村社代码为 ").append(m.villageCode()).append("（").append(m.source()).append("），而本户");
        if (!agree.isEmpty()) {
            b.append("其他成员 ").append(agree.size()).append(" 人（").append(String.join("、", agree)).append("）为 ").append(best);
        }
        if (before != null && prevVotes > 0) {
            b.append(agree.isEmpty() ? "" : "，").append("上期本户村社为 ").append(before);
        }
        if (record != null) {
            b.append("，").append(record.source()).append(" 记本户在 ").append(record.village());
        }
        return b.append("：地址未随户更新，按本户村社 ").append(best).append(" 计").toString();
    }
}
