package org.olive.policy;

import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.rule.FactVariable;
import org.olive.rule.FactVariable.Type;
import org.olive.warning.WarningVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts that policy rules (eligibility and amount, policies.yaml; docs/policies.md) may name. A person policy sees
 * the person's tag facts ({@link TagVariables#PERSON}: the person facts, key groups, income by component, role), the
 * person's tags and a few facts of their family; a family policy sees the family's tag facts ({@link TagVariables#FAMILY}:
 * structure, housing, groups) and its income situation as the warnings see it ({@link WarningVariables#FAMILY}: DI,
 * per-capita DI, rigid expenditure, the lines of its area, open assistance, vulnerability), and the family's tags.
 * Both see the parameters of policies.yaml in force at the period.
 */
public final class PolicyVariables {

    public static final List<FactVariable> PERSON;
    public static final List<FactVariable> FAMILY;

    static {
        List<FactVariable> p = new ArrayList<>(TagVariables.PERSON);
        p.add(new FactVariable("tags", Type.STRING_LIST, "the person's tags at the period (tags.yaml ids)"));
        p.add(new FactVariable("family_tags", Type.STRING_LIST, "the tags of the person's family"));
        p.add(new FactVariable("family_assistance", Type.STRING_LIST, "assistance types open for any member of the "
                + "person's family (DIBAO, DIBIAN, TEKUN, TEMPORARY, EXPENDITURE)"));
        p.add(new FactVariable("family_child_members", Type.INT, "members of the person's family with the role child "
                + "(子女) of the head"));
        p.add(new FactVariable("family_di_per_capita", Type.DOUBLE, "per-capita DI of the person's family, a year; -1 "
                + "unknown"));
        p.add(new FactVariable("family_dibao_line", Type.DOUBLE, "the 低保 standard of the family's area, yuan a person "
                + "a year; -1 unknown"));
        PERSON = List.copyOf(p);
        Map<String, FactVariable> f = new LinkedHashMap<>();
        TagVariables.FAMILY.forEach(v -> f.put(v.name(), v));
        WarningVariables.FAMILY.forEach(v -> f.putIfAbsent(v.name(), v)); // residents, assistance, urban, township: same
        f.put("tags", new FactVariable("tags", Type.STRING_LIST, "the family's tags at the period (tags.yaml ids)"));
        f.put("assistance_received", new FactVariable("assistance_received", Type.DOUBLE, "低保, 低边 and 特困 money the "
                + "members received in the trailing 12 months (the register's monthly amounts over the months of their "
                + "spells): part of di, taken out when a means test asks for income without the assistance itself"));
        f.put("policy_payments", new FactVariable("policy_payments", Type.DOUBLE, "the 一卡通 policy payments (income "
                + "source subsidy_payment) the members received in the trailing 12 months: part of di, which the 低保 "
                + "means test does not count (最低生活保障审核确认办法 2021, §12)"));
        FAMILY = List.copyOf(f.values());
    }

    /** A person's family as person policies see it. */
    public record FamilySide(List<String> tags, List<String> assistance, long childMembers, double diPerCapita,
                             double dibaoLine) {
        public static final FamilySide NONE = new FamilySide(List.of(), List.of(), 0, -1, -1);
    }

    /** A subject's facts for policy rules and, per fact, the records behind it (shown as evidence). */
    public record Facts(Map<String, Object> values, Map<String, List<String>> refs) {
    }

    private PolicyVariables() {
    }

    /**
     * The references of a subject's facts, formatted ({@code dataset:file:row}) only when asked: a rule's evidence
     * names a few facts of the few subjects it holds for, and formatting every record of every subject cost more than
     * the rules (step policies, docs/benchmarks.md "Issue 15").
     */
    private static Map<String, List<String>> refs(PersonVariables.Values v, Map<String, List<String>> more) {
        Map<String, List<org.olive.fact.PersonFact.Source>> src = v.refs();
        return new java.util.AbstractMap<>() {
            @Override
            public List<String> get(Object k) {
                List<org.olive.fact.PersonFact.Source> l = src.get(k);
                return l != null ? l.stream().map(org.olive.fact.PersonFact.Source::ref).toList() : more.get(k);
            }

            @Override
            public boolean containsKey(Object k) {
                return src.containsKey(k) || more.containsKey(k);
            }

            @Override
            public java.util.Set<Entry<String, List<String>>> entrySet() {
                Map<String, List<String>> all = new HashMap<>(more);
                src.forEach((k, l) -> all.put(k, l.stream().map(org.olive.fact.PersonFact.Source::ref).toList()));
                return all.entrySet();
            }
        };
    }

    /** A person's policy facts: their tag facts, their tags and their family's side. */
    public static Facts person(PersonVariables.Values tagFacts, List<String> tags, FamilySide family) {
        Map<String, Object> m = new HashMap<>(tagFacts.values());
        FamilySide f = family == null ? FamilySide.NONE : family;
        m.put("tags", List.copyOf(tags));
        m.put("family_tags", List.copyOf(f.tags()));
        m.put("family_assistance", List.copyOf(f.assistance()));
        m.put("family_child_members", f.childMembers());
        m.put("family_di_per_capita", f.diPerCapita());
        m.put("family_dibao_line", f.dibaoLine());
        return new Facts(m, refs(tagFacts, Map.of()));
    }

    /**
     * A family's policy facts: its tag facts, its income facts (null when the family has no income figure at the
     * period: those facts are then unknown, -1 or empty) and its tags.
     */
    public static Facts family(PersonVariables.Values tagFacts, WarningVariables.Facts income, List<String> tags,
                               double assistanceReceived, double policyPayments) {
        Map<String, Object> m = new HashMap<>(tagFacts.values());
        Map<String, List<String>> refs = refs(tagFacts, income == null ? Map.of() : income.refs());
        if (income != null) {
            income.values().forEach(m::putIfAbsent);
        } else {
            for (FactVariable v : WarningVariables.FAMILY) {
                m.putIfAbsent(v.name(), switch (v.type()) {
                    case INT -> -1L;
                    case DOUBLE -> -1.0;
                    case STRING -> "";
                    case BOOL -> false;
                    case STRING_LIST, RECORD_LIST -> List.of();
                });
            }
        }
        m.put("tags", List.copyOf(tags));
        m.put("assistance_received", assistanceReceived);
        m.put("policy_payments", policyPayments);
        return new Facts(m, refs);
    }
}
