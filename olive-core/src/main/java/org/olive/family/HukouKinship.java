package org.olive.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers the kinship links inside one registration household (户) from the relation codes, settled by the civil
 * registers where they speak and by ages where they do not: who is married to whom (head and 10 配偶, 儿媳 and
 * which son, 女婿 and which daughter, the head's parents, siblings and their spouses, other relatives) and which
 * member is each member's parent. Contradictions and guesses become conflicts.
 */
final class HukouKinship {

    static final String SPOUSE_OF_HEAD = "SPOUSE_OF_HEAD";
    static final String CHILD_IN_LAW = "CHILD_IN_LAW";
    static final String NOT_SPOUSE_OF_HEAD = "NOT_SPOUSE_OF_HEAD";
    static final String PAIR_BY_AGE = "PAIR_BY_AGE";
    static final String NOT_A_COUPLE = "NOT_A_COUPLE";
    static final String KEEP_AS_RECORDED = "KEEP_AS_RECORDED";
    static final String NOT_THEIR_CHILD = "NOT_THEIR_CHILD";

    private static final Set<String> OTHER_PARENT_CODES = Set.of("41", "42", "43", "44", "71", "72", "73", "74", "75",
            "76", "77", "78", "97", "99");

    final String hukouNo;
    final List<Kin> members;
    private final Map<String, Kin> byId = new HashMap<>();
    private final FamilyRules rules;
    private final CivilIndex civil;
    private final ConflictLog log;
    private final LocalDate asOf;
    Kin head;
    /** Set when the hukou lists no head (02) and another member stands in. */
    String headNote;

    HukouKinship(String hukouNo, List<Kin> members, FamilyRules rules, CivilIndex civil, ConflictLog log, LocalDate asOf) {
        this.hukouNo = hukouNo;
        this.members = members;
        this.rules = rules;
        this.civil = civil;
        this.log = log;
        this.asOf = asOf;
        for (Kin k : members) {
            byId.putIfAbsent(k.id(), k);
            k.household = this;
        }
    }

    Kin member(String id) {
        return id == null ? null : byId.get(id);
    }

    void infer() {
        findHead();
        registerPairs();
        headSpouse();
        pairByCodes(Set.of("38"), Set.of("20"), "儿媳 与本户已婚的 子");
        pairByCodes(Set.of("28"), Set.of("30"), "女婿 与本户已婚的 女");
        pairByCodes(Set.of("72"), Set.of("71"), "嫂 与 兄");
        pairByCodes(Set.of("74"), Set.of("73"), "弟媳 与 弟");
        pairByCodes(Set.of("76"), Set.of("75"), "姐夫 与 姐姐");
        pairByCodes(Set.of("78"), Set.of("77"), "妹夫 与 妹妹");
        pairByCodes(Set.of("52"), Set.of("51"), "户主的父亲与母亲");
        pairByCodes(Set.of("54"), Set.of("53"), "公公与婆婆");
        pairByCodes(Set.of("56"), Set.of("55"), "岳父与岳母");
        pairByCodes(Set.of("97", "99"), Set.of("41", "42", "43", "44", "97", "99"), "其他已婚亲属");
        for (Kin c : members) {
            linkParent(c);
        }
    }

    // ---------------------------------------------------------------- head

    private void findHead() {
        for (Kin k : members) {
            if ("02".equals(k.code)) {
                if (head == null) {
                    head = k;
                } else {
                    k.codeNote = "本户另有户主 " + head.who() + "，此人的与户主关系 02 按其他亲属 97 处理";
                    k.code = "97";
                }
            }
        }
        if (head == null && !members.isEmpty()) {
            Kin stand = null;
            for (Kin k : members) {
                if ("10".equals(k.code)) {
                    stand = k;
                    break;
                }
            }
            if (stand == null) {
                stand = members.stream().min(Comparator.comparing((Kin k) -> k.m.birthDate(),
                        Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
            }
            head = stand;
            headNote = "户号 " + hukouNo + " 无户主（02）记录，以 " + stand.who() + "（" + stand.relation() + "）代为户主";
        }
    }

    // ---------------------------------------------------------------- spouses

    private void pair(Kin a, Kin b, String basis) {
        a.spouse = b;
        b.spouse = a;
        a.spouseBasis = basis;
        b.spouseBasis = basis;
    }

    private static String marriageText(CivilRecords.Marriage m) {
        return "婚姻登记 " + m.source() + " 结婚 " + (m.date() == null ? "" : m.date().toString()) + "（男方 "
                + Texts.mask(m.husbandId()) + "，女方 " + Texts.mask(m.wifeId()) + "）";
    }

    /** Couples both of whose members are in the hukou and whose marriage is registered (not the 10s: see below). */
    private void registerPairs() {
        for (Kin k : members) {
            if (k.spouse != null || "10".equals(k.code)) {
                continue;
            }
            CivilRecords.Marriage m = civil.currentMarriage(k.id());
            if (m == null) {
                continue;
            }
            Kin s = member(CivilIndex.other(m, k.id()));
            if (s == null || s == k || s.spouse != null || "10".equals(s.code)) {
                continue;
            }
            pair(k, s, marriageText(m));
        }
    }

    /** Which member coded 10 配偶 is the head's spouse; the others are SPOUSE_MISMATCH cases. */
    private void headSpouse() {
        List<Kin> tens = new ArrayList<>();
        for (Kin k : members) {
            if ("10".equals(k.code) && k != head) {
                tens.add(k);
            }
        }
        if (tens.isEmpty()) {
            return;
        }
        Map<Kin, List<String>> reasons = new HashMap<>();
        Kin best = null;
        double bestScore = Double.MAX_VALUE;
        for (Kin t : tens) {
            List<String> why = reasonsNotHeadSpouse(t);
            reasons.put(t, why);
            if (!why.isEmpty()) {
                continue;
            }
            double gap = Math.abs(t.olderBy(head));
            double score = head.id().equals(civil.registeredSpouse(t.id())) ? -1 : Double.isNaN(gap) ? 99 : gap;
            if (score < bestScore) {
                bestScore = score;
                best = t;
            }
        }
        // the provisional head's spouse first, so that it takes the place before the others are looked at
        if (best != null) {
            tens.remove(best);
            tens.add(0, best);
        }
        for (Kin t : tens) {
            CivilRecords.Marriage reg = civil.currentMarriage(t.id());
            String basisRegister = reg != null && head.id().equals(CivilIndex.other(reg, t.id())) ? "；" + marriageText(reg) : "";
            if (t == best && tens.size() == 1) {
                pair(head, t, "户号 " + hukouNo + " 中与户主关系记为 10 配偶（" + t.m.source() + "）" + basisRegister);
                continue;
            }
            StringBuilder ev = new StringBuilder();
            ev.append("户号 ").append(hukouNo).append(" 中 ").append(t.who()).append(" ").append(Texts.sexLabel(t.m.sex()))
                    .append("，与户主关系记为 10 配偶（").append(t.m.source()).append("）；户主 ").append(head.who())
                    .append(" ").append(Texts.sexLabel(head.m.sex())).append("（").append(head.m.source()).append("）");
            if (tens.size() > 1) {
                ev.append("；本户共有 ").append(tens.size()).append(" 人记为 10 配偶");
            }
            for (String r : reasons.get(t)) {
                ev.append("；").append(r);
            }
            boolean canBeChildInLaw = childInLawPartnerExists(t);
            List<String> options = new ArrayList<>();
            String provisionalText;
            if (t == best) {
                options.add(SPOUSE_OF_HEAD);
                options.add(canBeChildInLaw ? CHILD_IN_LAW : NOT_SPOUSE_OF_HEAD);
                provisionalText = "暂按户主的配偶处理（年龄最接近且无登记矛盾）";
            } else if (canBeChildInLaw) {
                options.add(CHILD_IN_LAW);
                options.add(SPOUSE_OF_HEAD);
                provisionalText = "暂按" + (t.female() ? "儿媳（本户某子之妻）" : "女婿（本户某女之夫）") + "处理";
            } else {
                options.add(NOT_SPOUSE_OF_HEAD);
                options.add(SPOUSE_OF_HEAD);
                provisionalText = "暂不作户主的配偶，按其他亲属处理";
            }
            String decision = log.raise(Conflict.Kind.SPOUSE_MISMATCH, List.of(head.id(), t.id()), hukouNo,
                    t.m.villageCode(), ev.toString(), provisionalText, options);
            String how = decision.equals(options.get(0)) ? "（冲突 SPOUSE_MISMATCH 暂定处理）" : "（冲突 SPOUSE_MISMATCH 已决定 " + decision + "）";
            if (SPOUSE_OF_HEAD.equals(decision) && head.spouse == null && t.spouse == null) {
                pair(head, t, "户号 " + hukouNo + " 中与户主关系记为 10 配偶（" + t.m.source() + "）" + basisRegister + how);
            } else if (CHILD_IN_LAW.equals(decision)) {
                t.code = t.female() ? "38" : "28";
                t.codeNote = "与户主关系记为 10 配偶，按" + Texts.relationLabel(t.code) + "处理" + how;
                pairWithRegistered(t);
            } else {
                t.code = "97";
                t.codeNote = "与户主关系记为 10 配偶，不作户主的配偶" + how;
                pairWithRegistered(t);
            }
        }
    }

    private void pairWithRegistered(Kin t) {
        CivilRecords.Marriage m = civil.currentMarriage(t.id());
        if (m == null || t.spouse != null) {
            return;
        }
        Kin s = member(CivilIndex.other(m, t.id()));
        if (s != null && s != t && s.spouse == null) {
            pair(t, s, marriageText(m));
        }
    }

    private List<String> reasonsNotHeadSpouse(Kin t) {
        List<String> why = new ArrayList<>();
        if (head.spouse != null) {
            why.add("户主已与 " + head.spouse.who() + " 配对（" + head.spouse.spouseBasis + "）");
        }
        if (!head.possiblyMarried()) {
            why.add("户主婚姻状况为 " + head.m.maritalStatus() + "（非已婚）");
        }
        if (!t.possiblyMarried()) {
            why.add("此人婚姻状况为 " + t.m.maritalStatus() + "（非已婚）");
        }
        if (t.m.sex() != null && t.m.sex().equals(head.m.sex()) && !"U".equals(t.m.sex())) {
            why.add("与户主同性别");
        }
        double gap = Math.abs(t.olderBy(head));
        if (!Double.isNaN(gap) && gap > rules.maxSpouseAgeGap()) {
            why.add("与户主年龄相差 " + Texts.years(gap) + " 岁（超过 " + rules.maxSpouseAgeGap() + " 岁）");
        }
        CivilRecords.Marriage mt = civil.currentMarriage(t.id());
        if (mt != null && !head.id().equals(CivilIndex.other(mt, t.id()))) {
            String other = CivilIndex.other(mt, t.id());
            Kin o = member(other);
            why.add(marriageText(mt) + " 其配偶为 " + (o != null ? "本户成员 " + o.who() + "（" + o.relation() + "）"
                    : "非本户人员 " + Texts.mask(other)));
        }
        CivilRecords.Marriage mh = civil.currentMarriage(head.id());
        if (mh != null && !t.id().equals(CivilIndex.other(mh, head.id()))) {
            why.add("户主的" + marriageText(mh) + "，配偶为 " + Texts.mask(CivilIndex.other(mh, head.id())));
        }
        CivilRecords.Marriage d = civil.divorceBetween(head.id(), t.id());
        if (d != null) {
            why.add("婚姻登记 " + d.source() + " 离婚 " + d.date());
        }
        return why;
    }

    private boolean childInLawPartnerExists(Kin t) {
        String reg = civil.registeredSpouse(t.id());
        if (reg != null && member(reg) != null) {
            return true;
        }
        String partnerCode = t.female() ? "20" : "30";
        for (Kin k : members) {
            if (k.spouse == null && partnerCode.equals(k.code) && k.possiblyMarried() && !"10".equals(k.m.maritalStatus())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pairs unpaired married members coded {@code inLaws} with unpaired married members coded {@code partners},
     * closest ages first, never against the marriage register. Where a pairing had another plausible candidate, it is
     * a guess: a SPOUSE_MISMATCH case (decision NOT_A_COUPLE undoes it and lets the next candidate in).
     */
    private void pairByCodes(Set<String> inLaws, Set<String> partners, String what) {
        List<Kin> xs = new ArrayList<>();
        List<Kin> ys = new ArrayList<>();
        for (Kin k : members) {
            if (k.spouse != null || !k.possiblyMarried()) {
                continue;
            }
            if (inLaws.contains(k.code)) {
                xs.add(k);
            }
            if (partners.contains(k.code)) {
                ys.add(k);
            }
        }
        if (xs.isEmpty() || ys.isEmpty()) {
            return;
        }
        record Cand(Kin x, Kin y, double gap) {
        }
        List<Cand> cands = new ArrayList<>();
        Map<Kin, Integer> count = new HashMap<>();
        for (Kin x : xs) {
            for (Kin y : ys) {
                if (x == y || !compatible(x, y)) {
                    continue;
                }
                if (partners.contains(x.code) && inLaws.contains(y.code) && x.id().compareTo(y.id()) > 0) {
                    continue; // the same pair from the other side
                }
                double gap = Math.abs(x.olderBy(y));
                if (!Double.isNaN(gap) && gap > rules.maxSpouseAgeGap()) {
                    continue;
                }
                cands.add(new Cand(x, y, Double.isNaN(gap) ? rules.maxSpouseAgeGap() : gap));
                count.merge(x, 1, Integer::sum);
                count.merge(y, 1, Integer::sum);
            }
        }
        cands.sort(Comparator.comparingDouble(Cand::gap).thenComparing(c -> c.x().id()).thenComparing(c -> c.y().id()));
        for (Cand c : cands) {
            if (c.x().spouse != null || c.y().spouse != null) {
                continue;
            }
            String basis = "按与户主关系推断：" + c.x().relation() + " 与 " + c.y().relation() + " " + c.y().who()
                    + " 为夫妻（" + what + "，年龄相差 " + Texts.years(c.gap()) + " 岁，婚姻登记无记录）";
            boolean guess = count.get(c.x()) > 1 || count.get(c.y()) > 1;
            if (guess) {
                String ev = "户号 " + hukouNo + " 中 " + c.x().who() + "（" + c.x().relation() + "，" + c.x().m.source()
                        + "）的配偶无婚姻登记可依；本户可能的配偶不止一人（" + what + "），按年龄最接近配对 "
                        + c.y().who() + "（" + c.y().relation() + "，" + c.y().m.source() + "）";
                String d = log.raise(Conflict.Kind.SPOUSE_MISMATCH, List.of(c.x().id(), c.y().id()), hukouNo,
                        c.x().m.villageCode(), ev, "暂按年龄最接近配对", List.of(PAIR_BY_AGE, NOT_A_COUPLE));
                if (NOT_A_COUPLE.equals(d)) {
                    continue;
                }
                basis += PAIR_BY_AGE.equals(d) ? "（冲突 SPOUSE_MISMATCH 暂定）" : "";
            }
            pair(c.x(), c.y(), basis);
        }
    }

    /** Opposite sex (if known) and not contradicted by the marriage register. */
    private boolean compatible(Kin x, Kin y) {
        if (x.m.sex() != null && x.m.sex().equals(y.m.sex()) && !"U".equals(x.m.sex())) {
            return false;
        }
        String rx = civil.registeredSpouse(x.id());
        String ry = civil.registeredSpouse(y.id());
        if ((rx != null && !rx.equals(y.id())) || (ry != null && !ry.equals(x.id()))) {
            return false;
        }
        return civil.divorceBetween(x.id(), y.id()) == null;
    }

    // ---------------------------------------------------------------- parents

    private void linkParent(Kin c) {
        CivilRecords.Birth b = civil.birth(c.id());
        if (b != null) {
            Kin f = member(b.fatherId());
            Kin mo = member(b.motherId());
            Kin p = f != null ? f : mo;
            if (p != null && p != c) {
                c.parent = p;
                c.parentBasis = "出生登记 " + b.source() + "（父 " + Texts.mask(b.fatherId()) + "，母 "
                        + Texts.mask(b.motherId()) + "）";
                return;
            }
        }
        switch (c.code) {
            case "02" -> codedParent(c, List.of("51", "52"), "户主的父亲/母亲（51/52）");
            case "10" -> codedParent(c, head.male() ? List.of("55", "56") : List.of("53", "54"),
                    "户主配偶的父亲/母亲");
            case "20", "30" -> childOfHead(c);
            case "71", "73", "75", "77" -> codedParent(c, List.of("51", "52"), "兄弟姐妹的父母即户主的父母（51/52）");
            case "41", "42" -> chooseParent(c, Set.of("20"), Set.of("38"), "孙子女（41/42）的父母为户主之子（20）及其妻（38）", true);
            case "43", "44" -> chooseParent(c, Set.of("30"), Set.of("28"), "外孙子女（43/44）的父母为户主之女（30）及其夫（28）", true);
            case "97", "99" -> {
                if (!c.married()) {
                    chooseParent(c, OTHER_PARENT_CODES, "其他亲属（97/99）的父母只能从本户已婚的其他亲属中按年龄推断");
                }
            }
            default -> {
            }
        }
    }

    private void codedParent(Kin c, List<String> codes, String why) {
        for (String code : codes) {
            for (Kin k : members) {
                if (code.equals(k.code) && k != c) {
                    setCodedParent(c, k, why);
                    return;
                }
            }
        }
    }

    private void childOfHead(Kin c) {
        if (headNote != null && !"10".equals(head.code)) {
            return;
        }
        setCodedParent(c, head, "子女（20/30）为户主（或其配偶）之子女");
    }

    /** A parent named by the codes; an age gap below the minimum is an IMPOSSIBLE_AGE case. */
    private void setCodedParent(Kin c, Kin p, String why) {
        double gap = p.olderBy(c);
        double gapOther = p.spouse != null ? p.spouse.olderBy(c) : Double.NaN;
        boolean impossible = !Double.isNaN(gap) && gap < rules.minParentAgeGap()
                && (Double.isNaN(gapOther) || gapOther < rules.minParentAgeGap());
        if (impossible) {
            String ev = "户号 " + hukouNo + " 中 " + c.who() + "（" + c.relation() + "，出生 " + c.m.birthDate() + "，"
                    + c.m.source() + "）与其按关系代码推断的父/母 " + p.who() + "（" + p.relation() + "，出生 "
                    + p.m.birthDate() + "，" + p.m.source() + "）年龄仅相差 " + Texts.years(gap) + " 岁，少于 "
                    + rules.minParentAgeGap() + " 岁";
            String d = log.raise(Conflict.Kind.IMPOSSIBLE_AGE, List.of(c.id(), p.id()), hukouNo, c.m.villageCode(), ev,
                    "暂按户籍记录的关系处理", List.of(KEEP_AS_RECORDED, NOT_THEIR_CHILD));
            if (NOT_THEIR_CHILD.equals(d)) {
                c.notes.add("冲突 IMPOSSIBLE_AGE 已决定 NOT_THEIR_CHILD：不作 " + p.who() + " 的子女");
                return;
            }
            c.notes.add("冲突 IMPOSSIBLE_AGE（父母子女年龄差不足）" + (KEEP_AS_RECORDED.equals(d) ? "暂按记录" : ""));
        }
        c.parent = p;
        c.parentBasis = "按与户主关系推断：" + why + "，" + p.who() + "（" + p.relation() + "）";
    }

    /**
     * Chooses a child's parent among the members coded {@code codes}: ever married, older by a plausible gap. Where
     * couples of different families qualify, the choice is an AMBIGUOUS_PARENTS case; the provisional choice is the
     * couple whose age at the birth is closest to the typical one.
     */
    private void chooseParent(Kin c, Set<String> codes, String why) {
        chooseParent(c, codes, Set.of(), why, false);
    }

    /**
     * @param fallbackCodes codes of members taken when no member coded {@code codes} qualifies (the in-law parent:
     *                      儿媳 for 41/42, 女婿 for 43/44)
     * @param codeEvidence  the relation code itself names the parent's code (41–44): when no candidate falls in the
     *                      plausible age band, any candidate at least the minimum gap older is taken
     */
    private void chooseParent(Kin c, Set<String> codes, Set<String> fallbackCodes, String why, boolean codeEvidence) {
        List<Kin> units = candidates(c, codes, true, true);
        if (units.isEmpty() && codeEvidence) {
            units = candidates(c, codes, true, false);
            if (units.isEmpty()) {
                units = candidates(c, codes, false, false);
            }
            if (units.isEmpty() && !fallbackCodes.isEmpty()) {
                units = candidates(c, fallbackCodes, false, false);
            }
        }
        if (units.isEmpty()) {
            return;
        }
        units.sort(Comparator.comparing(Kin::id));
        Kin best = units.get(0);
        double bestScore = Double.MAX_VALUE;
        for (Kin u : units) {
            Kin mother = u.female() ? u : u.spouse != null ? u.spouse : u;
            double g = mother.olderBy(c);
            double score = Double.isNaN(g) ? 99 : Math.abs(g - rules.typicalParentAge());
            if (score < bestScore) {
                bestScore = score;
                best = u;
            }
        }
        Kin chosen = best;
        boolean couples = units.stream().anyMatch(u -> u.spouse != null);
        if (units.size() > 1 && couples && !c.married()) {
            List<String> ids = new ArrayList<>();
            ids.add(c.id());
            StringBuilder ev = new StringBuilder("户号 ").append(hukouNo).append(" 中 ").append(c.who()).append("（")
                    .append(c.relation()).append("，出生 ").append(c.m.birthDate()).append("，").append(c.m.source())
                    .append("）无出生登记可依，本户有 ").append(units.size()).append(" 对可能的父母：");
            List<String> options = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Kin u = units.get(i);
                ids.add(u.id());
                ev.append(i == 0 ? "" : "；").append("PARENT_").append(i + 1).append(" = ").append(u.who()).append("（")
                        .append(u.relation()).append("，出生 ").append(u.m.birthDate()).append("）");
                if (u.spouse != null) {
                    ev.append(" 与 ").append(u.spouse.who()).append("（").append(u.spouse.relation()).append("，出生 ")
                            .append(u.spouse.m.birthDate()).append("）");
                }
            }
            int bi = units.indexOf(best);
            options.add("PARENT_" + (bi + 1));
            for (int i = 0; i < units.size(); i++) {
                if (i != bi) {
                    options.add("PARENT_" + (i + 1));
                }
            }
            String d = log.raise(Conflict.Kind.AMBIGUOUS_PARENTS, ids, hukouNo, c.m.villageCode(), ev.toString(),
                    "暂定 PARENT_" + (bi + 1) + "（生育年龄最接近 " + rules.typicalParentAge() + " 岁）", options);
            chosen = units.get(Integer.parseInt(d.substring("PARENT_".length())) - 1);
            c.notes.add("父母不确定（冲突 AMBIGUOUS_PARENTS " + (d.equals(options.get(0)) ? "暂定" : "已决定") + " " + d + "）");
        }
        c.parent = chosen;
        c.parentBasis = "按与户主关系及年龄推断：" + why + "，" + chosen.who() + "（" + chosen.relation() + "）"
                + (units.size() == 1 ? "为本户唯一年龄相符者" : "");
    }

    /** Members coded {@code codes} that could be {@code c}'s parent, one per couple (the husband represents it). */
    private List<Kin> candidates(Kin c, Set<String> codes, boolean everMarried, boolean band) {
        List<Kin> units = new ArrayList<>();
        for (Kin k : members) {
            if (k == c || k == c.spouse || !codes.contains(k.code) || (everMarried && !k.everMarried())) {
                continue;
            }
            if (band ? !plausibleParent(k, c) || (k.spouse != null && !plausibleParent(k.spouse, c))
                    : !olderEnough(k, c)) {
                continue;
            }
            Kin rep = k.spouse != null && k.spouse.male() && !k.male() && codes.contains(k.spouse.code) ? k.spouse : k;
            if (!units.contains(rep)) {
                units.add(rep);
            }
        }
        return units;
    }

    private boolean olderEnough(Kin p, Kin c) {
        double gap = p.olderBy(c);
        return Double.isNaN(gap) || gap >= rules.minParentAgeGap();
    }

    private boolean plausibleParent(Kin p, Kin c) {
        double gap = p.olderBy(c);
        return Double.isNaN(gap) || (gap >= rules.minParentAgeGap() && gap <= rules.maxParentAgeGap());
    }
}
