package org.olive.fact;

import org.olive.rule.FactVariable;
import org.olive.rule.FactVariable.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts that tag rules may name (docs/tags.md): for a person, every person fact ({@link PersonVariables}) plus their
 * key groups, their income by component and their role in the family; for a family, its structure (generations,
 * elderly, children, left-behind children), its income situation and its members' assistance and groups.
 */
public final class TagVariables {

    /** A member of a family as the family facts see them: the person's facts, role in the family and key groups. */
    public record Member(PersonFact fact, String role, List<String> groups) {
    }

    /** A person's income of the trailing 12 months by NBS component, as the income step stored it; null when none. */
    public record Income(double wage, double business, double property, double transferIn) {
    }

    public static final List<FactVariable> PERSON;
    public static final List<FactVariable> FAMILY = List.of(
            new FactVariable("members", Type.INT, "members of the family at the period"),
            new FactVariable("residents", Type.INT, "members on the 常住 list"),
            new FactVariable("elderly", Type.INT, "members aged 60 or more"),
            new FactVariable("children", Type.INT, "members under 16"),
            new FactVariable("child_members", Type.INT, "members with the role child (子女) of the family's head"),
            new FactVariable("generations", Type.INT, "generations living in the family, from the members' roles "
                    + "(parent, head/spouse, child, grandchild)"),
            new FactVariable("left_behind_children", Type.INT, "resident members under 16 none of whose parents' "
                    + "generation in the family is resident (留守儿童)"),
            new FactVariable("disabled_members", Type.INT, "members holding a disability certificate"),
            new FactVariable("assistance", Type.STRING_LIST, "assistance types open for any member (DIBAO …)"),
            new FactVariable("groups", Type.STRING_LIST, "key groups of any member"),
            new FactVariable("homes", Type.INT, "residential property units held by any member (a unit co-owned by two "
                    + "members counts once)"),
            new FactVariable("home_area_per_member", Type.DOUBLE, "floor area of those units over the members, m²; 0 "
                    + "none"),
            new FactVariable("properties", Type.INT, "property units of any use held by any member"),
            new FactVariable("rentals", Type.INT, "registered rental contracts as landlord of any member, running at "
                    + "the period's last day"),
            new FactVariable("urban", Type.BOOL, "the family lives in an urban village"),
            new FactVariable("township", Type.STRING, "township code of the family"),
            new FactVariable("family_brackets", Type.STRING_LIST, "the family's income brackets (income.yaml ids)"),
            new FactVariable("family_lines", Type.STRING_LIST, "the lines the family is below"),
            new FactVariable("family_typical_di", Type.DOUBLE, "the family's DI as the brackets test it; -1 unknown"),
            new FactVariable("family_warning", Type.STRING, "the family's warning colour: RED, YELLOW, GREEN; '' none"));

    static {
        List<FactVariable> p = new ArrayList<>(PersonVariables.VARIABLES);
        p.add(new FactVariable("groups", Type.STRING_LIST, "the person's key groups at the period"));
        p.add(new FactVariable("family_role", Type.STRING, "role in the family: head, spouse, child, parent, grandchild, other"));
        p.add(new FactVariable("income_wage", Type.DOUBLE, "wage income of the trailing 12 months; -1 unknown"));
        p.add(new FactVariable("income_business", Type.DOUBLE, "net business income of the trailing 12 months; -1 unknown"));
        p.add(new FactVariable("income_property", Type.DOUBLE, "property income of the trailing 12 months; -1 unknown"));
        p.add(new FactVariable("income_transfer", Type.DOUBLE, "transfer income received in the trailing 12 months; -1 "
                + "unknown"));
        PERSON = List.copyOf(p);
    }

    private TagVariables() {
    }

    /** A person's tag facts: their person facts plus groups, role and income. */
    public static PersonVariables.Values person(PersonVariables.Values base, List<String> groups, String role, Income income) {
        Map<String, Object> m = new HashMap<>(base.values());
        m.put("groups", List.copyOf(groups));
        m.put("family_role", role == null ? "" : role);
        m.put("income_wage", income == null ? -1.0 : income.wage());
        m.put("income_business", income == null ? -1.0 : income.business());
        m.put("income_property", income == null ? -1.0 : income.property());
        m.put("income_transfer", income == null ? -1.0 : income.transferIn());
        return new PersonVariables.Values(m, base.refs());
    }

    private static int generation(String role) {
        return switch (role == null ? "" : role) {
            case "parent" -> 0;
            case "child" -> 2;
            case "grandchild" -> 3;
            default -> 1; // head, spouse, other
        };
    }

    /** A family's tag facts from its members (and the family's income situation). */
    public static PersonVariables.Values family(List<Member> members, PersonVariables.Family family, org.olive.period.Period p) {
        Map<String, Object> m = new HashMap<>(32);
        Map<String, List<PersonFact.Source>> refs = new HashMap<>();
        long residents = 0, elderly = 0, children = 0, childMembers = 0, disabled = 0, leftBehind = 0;
        Set<Integer> generations = new TreeSet<>();
        Set<Integer> residentGenerations = new TreeSet<>();
        Set<String> assistance = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        boolean urban = false;
        String township = "";
        for (Member x : members) {
            PersonFact f = x.fact();
            int g = generation(x.role());
            generations.add(g);
            if (f.resident()) {
                residents++;
                residentGenerations.add(g);
            }
            elderly += f.age() >= 60 ? 1 : 0;
            children += f.age() >= 0 && f.age() < 16 ? 1 : 0;
            childMembers += "child".equals(x.role()) ? 1 : 0;
            disabled += f.disabilityGrade() > 0 ? 1 : 0;
            urban |= f.urban();
            if (township.isEmpty() && f.township() != null) {
                township = f.township();
            }
            for (PersonFact.Assistance a : f.assistance()) {
                if ((a.start() == null || !a.start().isAfter(p.lastDay())) && (a.end() == null || !a.end().isBefore(p.lastDay()))) {
                    assistance.add(a.type());
                    PersonVariables.ref(refs, "assistance", a.source());
                }
            }
            groups.addAll(x.groups());
        }
        Map<String, Double> homes = new HashMap<>();
        Set<String> properties = new TreeSet<>();
        Set<String> rentals = new TreeSet<>();
        for (Member x : members) {
            for (PersonFact.Property pr : x.fact().properties()) {
                String unit = pr.propertyId() == null ? pr.source().ref() : pr.propertyId();
                properties.add(unit);
                if (pr.residential()) {
                    // a co-owned unit: one title per owner, the same unit and area
                    homes.putIfAbsent(unit, pr.areaM2() == null ? 0.0 : pr.areaM2().doubleValue());
                    PersonVariables.ref(refs, "homes", pr.source());
                    PersonVariables.ref(refs, "home_area_per_member", pr.source());
                }
                PersonVariables.ref(refs, "properties", pr.source());
            }
            for (PersonFact.Rental r : x.fact().rentals()) {
                rentals.add(r.contractNo() == null ? r.source().ref() : r.contractNo());
                PersonVariables.ref(refs, "rentals", r.source());
            }
        }
        double area = 0;
        for (double a : homes.values()) {
            area += a;
        }
        for (Member x : members) {
            PersonFact f = x.fact();
            if (f.resident() && f.age() >= 0 && f.age() < 16 && !residentGenerations.contains(generation(x.role()) - 1)
                    && generations.contains(generation(x.role()) - 1)) {
                leftBehind++;
            }
        }
        m.put("members", (long) members.size());
        m.put("residents", residents);
        m.put("elderly", elderly);
        m.put("children", children);
        m.put("child_members", childMembers);
        m.put("generations", (long) generations.size());
        m.put("left_behind_children", leftBehind);
        m.put("disabled_members", disabled);
        m.put("assistance", List.copyOf(assistance));
        m.put("groups", List.copyOf(groups));
        m.put("homes", (long) homes.size());
        m.put("home_area_per_member", members.isEmpty() ? 0.0 : area / members.size());
        m.put("properties", (long) properties.size());
        m.put("rentals", (long) rentals.size());
        m.put("urban", urban);
        m.put("township", township);
        m.put("family_brackets", List.copyOf(family.brackets()));
        m.put("family_lines", List.copyOf(family.lines()));
        m.put("family_typical_di", family.typicalDi());
        m.put("family_warning", family.warning());
        return new PersonVariables.Values(m, refs);
    }

    /** The names of a list of variables, in order. */
    public static List<String> names(List<FactVariable> vars) {
        Set<String> s = new LinkedHashSet<>();
        vars.forEach(v -> s.add(v.name()));
        return List.copyOf(s);
    }
}
