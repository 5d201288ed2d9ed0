package org.olive.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a period's families from the hukou snapshot and the civil registers (domain.md §6), with stable keys and
 * the conflicts it meets. Stateless and thread-safe; linear in the size of its input.
 *
 * <p>The steps:
 * <ol>
 *   <li>Members: the NORMAL rows of the snapshot. A NORMAL row with a registered death is a DEAD_STILL_LISTED case
 *   (provisionally dead, so not a member); a person NORMAL in two hukous is a TWO_HUKOUS case (provisionally kept
 *   where the registers or the headship place them); a birth after the period, an age over the maximum or a married
 *   minor is an IMPOSSIBLE_AGE case.</li>
 *   <li>Kinship inside each hukou ({@link HukouKinship}): couples and each member's parent, from the relation codes,
 *   settled by the marriage and birth registers, else by ages (SPOUSE_MISMATCH / AMBIGUOUS_PARENTS where guessed or
 *   contradicted).</li>
 *   <li>The rule: a married couple living in the same hukou with its unmarried children is a family; an unmarried
 *   member follows a parent living in the hukou; anyone else (single, widowed, a married person whose spouse is not
 *   in the hukou, a child whose parents are not) stays with the head's family. A migrant is a one-person family. A
 *   minor whose birth-registered parents are NORMAL in another hukou is a PARENTS_ELSEWHERE case.</li>
 *   <li>Stable keys ({@link FamilyKeys}).</li>
 * </ol>
 * Every member carries its basis: the records and the rule that placed it. ID numbers in texts are masked.
 */
public final class FamilyBuilder {

    static final String CONFIRM_DEATH = "CONFIRM_DEATH";
    static final String DEATH_RECORD_WRONG = "DEATH_RECORD_WRONG";
    static final String KEEP_IN = "KEEP_IN_";
    static final String KEEP = "KEEP";
    static final String EXCLUDE = "EXCLUDE";
    static final String TREAT_AS_UNMARRIED = "TREAT_AS_UNMARRIED";
    static final String KEEP_IN_HUKOU = "KEEP_IN_HUKOU";
    static final String JOIN_PARENTS_FAMILY = "JOIN_PARENTS_FAMILY";
    private static final int MAX_DEPTH = 4;

    private final FamilyRules rules;

    public FamilyBuilder(FamilyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public FamilyLedger build(FamilyInput input) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(input.asOf(), "input.asOf");
        CivilIndex civil = new CivilIndex(input);
        ConflictLog log = new ConflictLog(input.resolutions());
        List<HukouMember> live = liveMembers(input, civil, log);
        List<HukouMember> placed = oneHukouEach(live, civil, log);
        Map<String, List<Kin>> byHukou = new TreeMap<>();
        Map<String, Kin> everyone = new HashMap<>();
        for (HukouMember m : placed) {
            Kin k = new Kin(m);
            if (!possibleAge(k, input.asOf(), log)) {
                continue;
            }
            everyone.put(k.id(), k);
            byHukou.computeIfAbsent(m.hukouNo(), h -> new ArrayList<>()).add(k);
        }
        List<HukouKinship> hukous = new ArrayList<>(byHukou.size());
        for (Map.Entry<String, List<Kin>> e : byHukou.entrySet()) {
            HukouKinship h = new HukouKinship(e.getKey(), e.getValue(), rules, civil, log, input.asOf());
            h.infer();
            hukous.add(h);
        }
        for (Kin k : everyone.values()) {
            parentsElsewhere(k, everyone, civil, input.asOf(), log);
        }
        List<Draft> drafts = assemble(hukous);
        Set<String> seenMigrants = new HashSet<>();
        for (String id : input.migrants()) {
            if (id != null && !everyone.containsKey(id) && seenMigrants.add(id)) {
                drafts.add(Draft.migrant(id));
            }
        }
        List<List<String>> memberIds = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            memberIds.add(d.memberIds());
        }
        List<String> keys = FamilyKeys.assign(memberIds, input.previousFamily() == null ? Map.of() : input.previousFamily(),
                input.newFamilyKey());
        List<Family> families = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            families.add(drafts.get(i).toFamily(keys.get(i)));
        }
        return new FamilyLedger(input.period(), List.copyOf(families), List.copyOf(log.all()));
    }

    // ------------------------------------------------------------ members

    /** NORMAL rows, less those whose death is registered (unless a decision says the death record is wrong). */
    private List<HukouMember> liveMembers(FamilyInput input, CivilIndex civil, ConflictLog log) {
        List<HukouMember> live = new ArrayList<>(input.hukou().size());
        for (HukouMember m : input.hukou()) {
            if (!m.normal() || m.personId() == null || m.hukouNo() == null) {
                continue;
            }
            CivilRecords.Death d = civil.death(m.personId());
            if (d != null) {
                String ev = "户号 " + m.hukouNo() + " 中 " + who(m) + " 仍为正常户口（" + m.source() + "），但死亡登记 "
                        + d.source() + " 记其于 " + d.date() + " 死亡";
                String decision = log.raise(Conflict.Kind.DEAD_STILL_LISTED, List.of(m.personId()), m.hukouNo(),
                        m.villageCode(), ev, "暂按已死亡处理，不计入家庭", List.of(CONFIRM_DEATH, DEATH_RECORD_WRONG));
                if (CONFIRM_DEATH.equals(decision)) {
                    continue;
                }
            }
            live.add(m);
        }
        return live;
    }

    /** A person NORMAL in two hukous stays in one: the decided one, else where a spouse, the headship or a parent is. */
    private List<HukouMember> oneHukouEach(List<HukouMember> live, CivilIndex civil, ConflictLog log) {
        Map<String, List<HukouMember>> byId = new LinkedHashMap<>();
        Map<String, Set<String>> hukouMembers = new HashMap<>();
        for (HukouMember m : live) {
            byId.computeIfAbsent(m.personId(), k -> new ArrayList<>(1)).add(m);
            hukouMembers.computeIfAbsent(m.hukouNo(), k -> new HashSet<>()).add(m.personId());
        }
        List<HukouMember> out = new ArrayList<>(byId.size());
        for (List<HukouMember> rows : byId.values()) {
            if (rows.size() == 1) {
                out.add(rows.get(0));
                continue;
            }
            Map<String, HukouMember> perHukou = new TreeMap<>();
            for (HukouMember m : rows) {
                perHukou.putIfAbsent(m.hukouNo(), m); // a repeated row in the same hukou counts once
            }
            if (perHukou.size() == 1) {
                out.add(perHukou.values().iterator().next());
                continue;
            }
            HukouMember best = null;
            int bestScore = -1;
            StringBuilder ev = new StringBuilder(who(rows.get(0))).append(" 同时为多个户的正常户口：");
            String id = rows.get(0).personId();
            String spouse = civil.registeredSpouse(id);
            CivilRecords.Birth birth = civil.birth(id);
            boolean first = true;
            for (HukouMember m : perHukou.values()) {
                Set<String> others = hukouMembers.get(m.hukouNo());
                int score = 0;
                List<String> why = new ArrayList<>();
                if (spouse != null && others.contains(spouse)) {
                    score += 4;
                    why.add("登记的配偶在此户");
                }
                if ("02".equals(m.relationCode())) {
                    score += 2;
                    why.add("为此户户主");
                }
                if (birth != null && (others.contains(birth.fatherId()) || others.contains(birth.motherId()))) {
                    score += 1;
                    why.add("出生登记的父母在此户");
                }
                ev.append(first ? "" : "；").append("户号 ").append(m.hukouNo()).append(" 与户主关系 ")
                        .append(m.relationCode()).append(" ").append(Texts.relationLabel(m.relationCode())).append("（")
                        .append(m.source()).append(why.isEmpty() ? "" : "，" + String.join("，", why)).append("）");
                first = false;
                if (score > bestScore) {
                    bestScore = score;
                    best = m;
                }
            }
            List<String> options = new ArrayList<>();
            options.add(KEEP_IN + best.hukouNo());
            for (String h : perHukou.keySet()) {
                if (!h.equals(best.hukouNo())) {
                    options.add(KEEP_IN + h);
                }
            }
            String decision = log.raise(Conflict.Kind.TWO_HUKOUS, List.of(id), null, best.villageCode(), ev.toString(),
                    "暂归户号 " + best.hukouNo() + "（配偶、户主身份或父母所在），不在其他户计入家庭", options);
            HukouMember kept = perHukou.get(decision.substring(KEEP_IN.length()));
            out.add(kept);
        }
        return out;
    }

    /** Impossible ages: born after the period, older than the maximum (both EXCLUDE-able), a married minor. */
    private boolean possibleAge(Kin k, LocalDate asOf, ConflictLog log) {
        HukouMember m = k.m;
        LocalDate b = m.birthDate();
        if (b == null) {
            return true;
        }
        int age = k.age(asOf);
        String problem = null;
        if (b.isAfter(asOf)) {
            problem = "出生日期 " + b + " 晚于本期末 " + asOf;
        } else if (age > rules.maxAge()) {
            problem = "年龄 " + age + " 岁，超过 " + rules.maxAge() + " 岁";
        }
        if (problem != null) {
            String d = log.raise(Conflict.Kind.IMPOSSIBLE_AGE, List.of(m.personId()), m.hukouNo(), m.villageCode(),
                    "户号 " + m.hukouNo() + " 中 " + who(m) + "（" + m.source() + "）" + problem, "暂按记录计入家庭",
                    List.of(KEEP, EXCLUDE));
            if (EXCLUDE.equals(d)) {
                return false;
            }
            k.notes.add("冲突 IMPOSSIBLE_AGE：" + problem);
        }
        if (age >= 0 && age < rules.adultAge() && "20".equals(m.maritalStatus())) {
            String d = log.raise(Conflict.Kind.IMPOSSIBLE_AGE, List.of(m.personId()), m.hukouNo(), m.villageCode(),
                    "户号 " + m.hukouNo() + " 中 " + who(m) + "（" + m.source() + "）年龄 " + age + " 岁，婚姻状况却为 20 已婚",
                    "暂按户籍记录（已婚）处理", List.of(HukouKinship.KEEP_AS_RECORDED, TREAT_AS_UNMARRIED));
            if (TREAT_AS_UNMARRIED.equals(d)) {
                k.treatUnmarried = true;
                k.notes.add("冲突 IMPOSSIBLE_AGE 已决定按未婚处理");
            }
        }
        return true;
    }

    /** A minor whose birth-registered parents are not in the hukou but NORMAL in another one. */
    private void parentsElsewhere(Kin k, Map<String, Kin> everyone, CivilIndex civil, LocalDate asOf, ConflictLog log) {
        if (k.parent != null) {
            return;
        }
        int age = k.age(asOf);
        if (age < 0 || age >= rules.adultAge()) {
            return;
        }
        CivilRecords.Birth b = civil.birth(k.id());
        if (b == null) {
            return;
        }
        Kin f = b.fatherId() == null ? null : everyone.get(b.fatherId());
        Kin mo = b.motherId() == null ? null : everyone.get(b.motherId());
        Kin p = f != null && f.household != k.household ? f : mo != null && mo.household != k.household ? mo : null;
        if (p == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        ids.add(k.id());
        StringBuilder ev = new StringBuilder("户号 ").append(k.household.hukouNo).append(" 中未成年人 ").append(k.who())
                .append("（").append(k.relation()).append("，").append(k.m.source()).append("）的出生登记 ").append(b.source())
                .append(" 所记父母不在本户：");
        for (Kin x : new Kin[]{f, mo}) {
            if (x != null) {
                ids.add(x.id());
                ev.append(x == f ? "父 " : "；母 ").append(x.who()).append(" 在户号 ").append(x.household.hukouNo)
                        .append("（").append(x.relation()).append("，").append(x.m.source()).append("）");
            }
        }
        String d = log.raise(Conflict.Kind.PARENTS_ELSEWHERE, ids, k.household.hukouNo, k.m.villageCode(), ev.toString(),
                "暂留本户，随户主家庭", List.of(KEEP_IN_HUKOU, JOIN_PARENTS_FAMILY));
        if (JOIN_PARENTS_FAMILY.equals(d)) {
            k.parentElsewhere = p;
            k.parentElsewhereBasis = "出生登记 " + b.source() + " 的父/母 " + p.who() + " 在户号 " + p.household.hukouNo
                    + "（冲突 PARENTS_ELSEWHERE 已决定 JOIN_PARENTS_FAMILY）";
        } else {
            k.notes.add("出生登记的父母在其他户（冲突 PARENTS_ELSEWHERE " + (d.equals(KEEP_IN_HUKOU) ? "暂定" : "") + "留本户）");
        }
    }

    // ------------------------------------------------------------ the rule

    private List<Draft> assemble(List<HukouKinship> hukous) {
        Map<Kin, Draft> byAnchor = new LinkedHashMap<>();
        for (HukouKinship h : hukous) {
            for (Kin k : h.members) {
                Kin a = anchor(k, 0);
                byAnchor.computeIfAbsent(a, Draft::new).members.add(k);
            }
        }
        List<Draft> drafts = new ArrayList<>(byAnchor.values());
        for (Draft d : drafts) {
            d.order();
        }
        return drafts;
    }

    /** The anchor of a member's family: the couple it belongs to, else a parent's family, else the head's. */
    static Kin anchor(Kin p, int depth) {
        HukouKinship h = p.household;
        if (p.spouse != null) {
            if (p == h.head) {
                return p;
            }
            if (p.spouse == h.head) {
                return p.spouse;
            }
            return p.male() || !p.spouse.male() && p.id().compareTo(p.spouse.id()) < 0 ? p : p.spouse;
        }
        if (depth < MAX_DEPTH && !p.married()) {
            if (p.parentElsewhere != null) {
                return anchor(p.parentElsewhere, depth + 1);
            }
            if (p.parent != null) {
                return anchor(p.parent, depth + 1);
            }
        }
        if (p == h.head || h.head == null) {
            return p;
        }
        return anchor(h.head, depth + 1);
    }

    /** Why the member is where it is, in plain words. */
    private static String placement(Kin p, Kin anchor) {
        HukouKinship h = p.household;
        if (p.spouse != null) {
            return "与配偶 " + p.spouse.who() + " 同在本户，已婚夫妇为一个家庭（配偶依据：" + p.spouse.spouseBasis + "）";
        }
        if (!p.married() && p.parentElsewhere != null) {
            return "随父母的家庭：" + p.parentElsewhereBasis;
        }
        if (!p.married() && p.parent != null) {
            return "未婚，父/母 " + p.parent.who() + " 在本户，随其家庭（依据：" + p.parentBasis + "）";
        }
        if (p == h.head) {
            return h.headNote != null ? h.headNote + "；无配偶同户" : "户主，无配偶同户";
        }
        if (p.married()) {
            return "已婚但配偶不在本户，随户主家庭" + (h.headNote != null ? "（" + h.headNote + "）" : "");
        }
        return "无配偶同户、父母不在本户，随户主家庭" + (h.headNote != null ? "（" + h.headNote + "）" : "");
    }

    private static String who(HukouMember m) {
        return (m.name() == null ? "" : m.name()) + "（" + Texts.mask(m.personId()) + "）";
    }

    /** A family before its key is known. */
    private static final class Draft {
        final Kin anchor;
        final List<Kin> members = new ArrayList<>();
        final String migrantId;

        Draft(Kin anchor) {
            this.anchor = anchor;
            this.migrantId = null;
        }

        private Draft(String migrantId) {
            this.anchor = null;
            this.migrantId = migrantId;
        }

        static Draft migrant(String id) {
            return new Draft(id);
        }

        void order() {
            members.remove(anchor);
            members.sort(Comparator.comparingInt((Kin k) -> role(anchor, k).ordinal())
                    .thenComparing(k -> k.m.birthDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Kin::id));
            members.add(0, anchor);
        }

        List<String> memberIds() {
            if (migrantId != null) {
                return List.of(migrantId);
            }
            List<String> ids = new ArrayList<>(members.size());
            for (Kin k : members) {
                ids.add(k.id());
            }
            return ids;
        }

        Family toFamily(String key) {
            if (migrantId != null) {
                return new Family(key, migrantId, "MIGRANT", null, null, List.of(new Family.Member(migrantId,
                        Family.Role.HEAD, null, "流动人口居住登记所列外来人员，单人成户（其家属不在本县）")));
            }
            List<Family.Member> out = new ArrayList<>(members.size());
            for (Kin k : members) {
                StringBuilder basis = new StringBuilder("户号 ").append(k.household.hukouNo).append(" ")
                        .append(k.relation()).append("（").append(k.m.source()).append("）");
                if (k.codeNote != null) {
                    basis.append("；").append(k.codeNote);
                }
                basis.append("；").append(placement(k, anchor));
                for (String n : k.notes) {
                    basis.append("；").append(n);
                }
                out.add(new Family.Member(k.id(), role(anchor, k), k.m.relationCode(), basis.toString()));
            }
            return new Family(key, anchor.id(), "HUKOU", anchor.household.hukouNo, anchor.m.villageCode(), List.copyOf(out));
        }
    }

    static Family.Role role(Kin a, Kin p) {
        if (p == a) {
            return Family.Role.HEAD;
        }
        if (a.spouse == p) {
            return Family.Role.SPOUSE;
        }
        Kin parent = p.parentElsewhere != null ? p.parentElsewhere : p.parent;
        if (parent != null && (parent == a || parent == a.spouse)) {
            return Family.Role.CHILD;
        }
        if (a.parent == p || (a.parent != null && a.parent.spouse == p)) {
            return Family.Role.PARENT;
        }
        if (parent != null && parent.parent != null && (parent.parent == a || parent.parent == a.spouse)) {
            return Family.Role.GRANDCHILD;
        }
        return Family.Role.OTHER;
    }
}
