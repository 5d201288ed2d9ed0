package org.olive.pipeline.policy;

import org.olive.fact.PersonFact;
import org.olive.period.Period;
import org.olive.pipeline.tag.TagOutputs;
import org.olive.pipeline.tag.TagSubjects;
import org.olive.policy.PolicyVariables;
import org.olive.warning.WarningVariables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The persons and families of a period with the facts policy rules may name ({@link PolicyVariables}): the tag facts
 * of {@link TagSubjects}, the subjects' tags, the families' income facts as the warnings saw them, and the assistance
 * money each family received. Built once per period, from a run's outputs (step {@code policies}) or from the tables
 * a run left (the policy editor's preview and the simulator), so that both evaluate the same facts.
 */
public final class PolicySubjects {

    /** A person or family with its policy facts; {@code family} is the family key (a person's family, or itself). */
    public record Subject(String kind, String key, String family, String township, PolicyVariables.Facts facts) {
    }

    /** The assistance types whose money a means test takes out of income (assistance_received). */
    static final Set<String> MEANS_TESTED = Set.of("DIBAO", "DIBIAN", "TEKUN");

    private final TagSubjects tags;
    private final Map<String, List<String>> tagsOf;
    private final Map<String, WarningVariables.Facts> income;
    private final Map<String, TagSubjects.Subject> families = new HashMap<>();
    private final Map<String, Double> assistanceReceived = new HashMap<>();
    private final Map<String, Double> policyPayments;

    /** Subjects without the families' policy payments (tests: the fact is then 0). */
    public PolicySubjects(TagSubjects tags, Map<String, List<String>> tagsOf, Map<String, WarningVariables.Facts> income) {
        this(tags, tagsOf, income, Map.of());
    }

    /**
     * @param policyPayments the families' 一卡通 payments of the trailing 12 months ({@link #policyPayments(Connection,
     *                       Period)})
     */
    public PolicySubjects(TagSubjects tags, Map<String, List<String>> tagsOf, Map<String, WarningVariables.Facts> income,
                          Map<String, Double> policyPayments) {
        this.policyPayments = policyPayments;
        this.tags = tags;
        this.tagsOf = tagsOf;
        this.income = income;
        for (TagSubjects.Subject s : tags.families(Function.identity())) {
            families.put(s.key(), s);
        }
        Period p = tags.period();
        for (PersonFact f : tags.facts().all()) {
            if (f.familyKey() != null) {
                double received = received(f, p);
                if (received > 0) {
                    assistanceReceived.merge(f.familyKey(), received, Double::sum);
                }
            }
        }
    }

    public Period period() {
        return tags.period();
    }

    /**
     * The families' policy payments of the trailing 12 months at the period: the income step's items of source
     * {@code subsidy_payment} of the members (family_member of the period).
     */
    public static Map<String, Double> policyPayments(java.sql.Connection c, Period p) throws java.sql.SQLException {
        Map<String, Double> out = new HashMap<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT m.family_key, SUM(i.amount) FROM income_item i "
                + "JOIN family_member m ON m.person_key = i.person_key AND m.data_period = i.data_period "
                + "WHERE i.data_period = ? AND i.source = 'subsidy_payment' GROUP BY m.family_key")) {
            ps.setString(1, p.toString());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    /** The 低保/低边/特困 money of a person's spells over the trailing 12 months (monthly amount × months open). */
    static double received(PersonFact f, Period p) {
        YearMonth last = p.month();
        YearMonth first = last.minusMonths(11);
        double sum = 0;
        for (PersonFact.Assistance a : f.assistance()) {
            if (!MEANS_TESTED.contains(a.type()) || a.monthlyAmount() == null || a.monthlyAmount().signum() <= 0) {
                continue;
            }
            YearMonth from = a.start() == null ? first : YearMonth.from(a.start());
            // a spell ending on a month's last day or earlier is over by then; the month it ends in is paid
            YearMonth to = a.end() == null ? last : YearMonth.from(a.end());
            if (from.isBefore(first)) {
                from = first;
            }
            if (to.isAfter(last)) {
                to = last;
            }
            if (!to.isBefore(from)) {
                long months = to.getYear() * 12L + to.getMonthValue() - (from.getYear() * 12L + from.getMonthValue()) + 1;
                sum += a.monthlyAmount().doubleValue() * months;
            }
        }
        return sum;
    }

    /** Applies {@code f} to every family of the period with its policy facts, on all cores. */
    public <R> List<R> families(Function<Subject, R> f) {
        List<String> keys = new ArrayList<>(families.keySet());
        keys.sort(null);
        return keys.parallelStream().map(k -> families.get(k)).filter(s -> s.values() != null)
                .map(s -> f.apply(new Subject("FAMILY", s.key(), s.key(), s.township(), PolicyVariables.family(s.values(),
                        income.get(s.key()), tagsOf.getOrDefault(TagOutputs.key("FAMILY", s.key()), List.of()),
                        assistanceReceived.getOrDefault(s.key(), 0.0), policyPayments.getOrDefault(s.key(), 0.0)))))
                .toList();
    }

    /** Applies {@code f} to every person of the period with their policy facts, on all cores. */
    public <R> List<R> persons(Function<Subject, R> f) {
        return tags.persons(s -> {
            PersonFact fact = tags.facts().get(Long.parseLong(s.key()));
            String family = fact == null ? null : fact.familyKey();
            return f.apply(new Subject("PERSON", s.key(), family, s.township(), PolicyVariables.person(s.values(),
                    tagsOf.getOrDefault(TagOutputs.key("PERSON", s.key()), List.of()), side(family))));
        });
    }

    private PolicyVariables.FamilySide side(String family) {
        if (family == null) {
            return PolicyVariables.FamilySide.NONE;
        }
        TagSubjects.Subject s = families.get(family);
        WarningVariables.Facts inc = income.get(family);
        Map<String, Object> v = s == null || s.values() == null ? Map.of() : s.values().values();
        @SuppressWarnings("unchecked")
        List<String> assistance = (List<String>) v.getOrDefault("assistance", List.of());
        long children = v.get("child_members") instanceof Long n ? n : 0;
        double perCapita = inc == null ? -1 : ((Number) inc.values().get("di_per_capita")).doubleValue();
        double dibao = inc == null ? -1 : ((Number) inc.values().get("dibao_line")).doubleValue();
        return new PolicyVariables.FamilySide(tagsOf.getOrDefault(TagOutputs.key("FAMILY", family), List.of()),
                assistance, children, perCapita, dibao);
    }

    /** The person facts of the period. */
    public Map<Long, PersonFact> persons() {
        return tags.facts().byKey();
    }
}
