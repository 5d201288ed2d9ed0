package org.olive.synth.family;

import org.olive.synth.population.Person;

/**
 * GB/T 4761-2008 family relation codes (家庭关系代码) of a hukou member relative to the head, derived from the true
 * kinship links. Codes used: 02 户主, 10 配偶, 20 子, 28 女婿, 30 女, 38 儿媳, 41 孙子, 42 孙女, 43 外孙子, 44 外孙女,
 * 51 父亲, 52 母亲, 53 公公, 54 婆婆, 55 岳父, 56 岳母, 71 兄, 72 嫂, 73 弟, 74 弟媳, 75 姐姐, 76 姐夫, 77 妹妹,
 * 78 妹夫, 97 其他亲属, 99 非亲属.
 */
public final class RelationCodes {

    public static final String HEAD = "02";
    public static final String SPOUSE = "10";

    private RelationCodes() {
    }

    /** The code of {@code p} relative to {@code head}. */
    public static String of(Person head, Person p) {
        if (p == head) {
            return HEAD;
        }
        if (head.spouse == p) {
            return SPOUSE;
        }
        Person hs = head.spouse;
        if (childOf(p, head) || (hs != null && childOf(p, hs))) {
            return p.male ? "20" : "30";
        }
        if (p.spouse != null && (childOf(p.spouse, head) || (hs != null && childOf(p.spouse, hs)))) {
            return p.male ? "28" : "38";
        }
        Person viaSon = null;
        Person parent = p.father != null && (childOf(p.father, head) || (hs != null && childOf(p.father, hs))) ? p.father
                : p.mother != null && (childOf(p.mother, head) || (hs != null && childOf(p.mother, hs))) ? p.mother : null;
        if (parent != null) {
            viaSon = parent;
            if (viaSon.male) {
                return p.male ? "41" : "42";
            }
            return p.male ? "43" : "44";
        }
        if (head.father == p || head.mother == p) {
            return p.male ? "51" : "52";
        }
        if (hs != null && (hs.father == p || hs.mother == p)) {
            if (head.male) {
                return p.male ? "55" : "56";
            }
            return p.male ? "53" : "54";
        }
        if (siblings(p, head)) {
            boolean older = p.birthDay < head.birthDay;
            if (p.male) {
                return older ? "71" : "73";
            }
            return older ? "75" : "77";
        }
        if (p.spouse != null && siblings(p.spouse, head)) {
            boolean older = p.spouse.birthDay < head.birthDay;
            if (p.spouse.male) {
                return older ? "72" : "74";
            }
            return older ? "76" : "78";
        }
        return related(p, head) ? "97" : "99";
    }

    private static boolean childOf(Person c, Person parent) {
        return c.father == parent || c.mother == parent;
    }

    private static boolean siblings(Person a, Person b) {
        return (a.father != null && a.father == b.father) || (a.mother != null && a.mother == b.mother);
    }

    private static boolean related(Person a, Person b) {
        return a.father != null && (a.father.father == b || a.father.mother == b)
                || a.mother != null && (a.mother.father == b || a.mother.mother == b)
                || b.father != null && (b.father.father == a || b.father.mother == a);
    }

    /** Chinese name of a code. */
    public static String label(String code) {
        return switch (code) {
            case "02" -> "户主";
            case "10" -> "配偶";
            case "20" -> "子";
            case "28" -> "女婿";
            case "30" -> "女";
            case "38" -> "儿媳";
            case "41" -> "孙子";
            case "42" -> "孙女";
            case "43" -> "外孙子";
            case "44" -> "外孙女";
            case "51" -> "父亲";
            case "52" -> "母亲";
            case "53" -> "公公";
            case "54" -> "婆婆";
            case "55" -> "岳父";
            case "56" -> "岳母";
            case "71" -> "兄";
            case "72" -> "嫂";
            case "73" -> "弟";
            case "74" -> "弟媳";
            case "75" -> "姐姐";
            case "76" -> "姐夫";
            case "77" -> "妹妹";
            case "78" -> "妹夫";
            case "97" -> "其他亲属";
            default -> "非亲属";
        };
    }
}
