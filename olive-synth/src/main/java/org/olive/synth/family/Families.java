package org.olive.synth.family;

import org.olive.synth.population.Household;
import org.olive.synth.population.Person;

/**
 * The true families (家庭) of a period, by the rule of domain.md §6 applied to the true kinship links of each
 * hukou: every married couple living in the same hukou with its unmarried children is a family; a single
 * elderly or unmarried adult member without a parent in the hukou stays with the head's family. A migrant is
 * a one-person family (migrants came without their dependants). A family's id is {@code F} followed by the
 * index of its anchor (the head, or the husband of a couple), so it stays stable across periods while the
 * couple lasts.
 */
public final class Families {

    private Families() {
    }

    /** The anchor person of {@code p}'s family. */
    public static Person anchor(Person p) {
        return anchor(p, 0);
    }

    private static Person anchor(Person p, int depth) {
        Household h = p.household;
        if (h == null || !p.registered()) {
            return p;
        }
        if (p.spouse != null && p.spouse.household == h && p.spouse.registered()) {
            if (p == h.head) {
                return p;
            }
            if (p.spouse == h.head) {
                return p.spouse;
            }
            return p.male ? p : p.spouse;
        }
        if (depth < 4) {
            Person parent = parentIn(p, h);
            if (parent != null) {
                return anchor(parent, depth + 1);
            }
        }
        if (p == h.head || h.head == null || !h.head.registered()) {
            return p;
        }
        return anchor(h.head, depth + 1);
    }

    private static Person parentIn(Person p, Household h) {
        if (p.marital == 20) {
            return null;
        }
        if (p.father != null && p.father.household == h && p.father.registered()) {
            return p.father;
        }
        if (p.mother != null && p.mother.household == h && p.mother.registered()) {
            return p.mother;
        }
        return null;
    }

    public static String familyId(Person anchor) {
        return "F" + anchor.index;
    }

    /** Role of {@code p} in the family anchored at {@code a}: head, spouse, child, parent, grandchild, other. */
    public static String role(Person a, Person p) {
        if (p == a) {
            return "head";
        }
        if (a.spouse == p) {
            return "spouse";
        }
        if (p.father == a || p.mother == a || (a.spouse != null && (p.father == a.spouse || p.mother == a.spouse))) {
            return "child";
        }
        if (a.father == p || a.mother == p) {
            return "parent";
        }
        if ((p.father != null && (p.father.father == a || p.father.mother == a))
                || (p.mother != null && (p.mother.father == a || p.mother.mother == a))) {
            return "grandchild";
        }
        return "other";
    }
}
