package org.olive.fact;

import org.olive.period.Period;
import org.olive.rule.FactVariable;
import org.olive.rule.FactVariable.Type;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented facts that person rules (key groups, tiers, person tags) may name, and their values for one person at
 * a period, built from the {@link PersonFact}, the person's occupation and their family's income situation. The list
 * {@link #VARIABLES} is the reference (docs/person-facts.md is written from it); a rule naming anything else is
 * refused when it is checked.
 *
 * <p>Unknown values are not missing: numbers that are unknown are -1, strings "", lists empty, so that a rule never
 * fails on an absent record; a rule that still fails at run time is false with a counted warning ({@link
 * org.olive.rule.Rule#test}).
 */
public final class PersonVariables {

    /** The occupation ledger's decision for the person, as far as rules use it ("" when none). */
    public record Work(String occupation, String source, String industry) {
        public static final Work NONE = new Work("", "NONE", "");
    }

    /**
     * The person's family at the period: its brackets and lines (family_flag ids), typical-family DI, size and warning
     * colour (RED, YELLOW, GREEN; "" when the family has no income figure or no warning step ran).
     */
    public record Family(List<String> brackets, List<String> lines, double typicalDi, int members, String warning) {
        public static final Family NONE = new Family(List.of(), List.of(), -1, 0);

        public Family(List<String> brackets, List<String> lines, double typicalDi, int members) {
            this(brackets, lines, typicalDi, members, "");
        }

        public Family {
            warning = warning == null ? "" : warning;
        }
    }

    public static final List<FactVariable> VARIABLES = List.of(
            v("age", Type.INT, "age at the period's last day; -1 unknown (person_period)"),
            v("sex", Type.STRING, "M or F; '' unknown"),
            v("registered", Type.BOOL, "on the 户籍 list at the period"),
            v("resident", Type.BOOL, "on the 常住 list at the period"),
            v("floating", Type.BOOL, "on the 流动 list at the period"),
            v("urban", Type.BOOL, "lives in a village whose urban-rural class is urban (111–123)"),
            v("township", Type.STRING, "township code of residence (else registration)"),
            v("village", Type.STRING, "village code of residence (else registration)"),
            v("education", Type.STRING, "highest education as delivered (hukou), '' unknown"),
            v("cert_best_level", Type.INT, "best skill-certificate level held, 1 (高级技师) … 5 (初级工); 0 none"),
            v("cert_occupations", Type.STRING_LIST, "GB/T 6565 codes of the skill certificates held"),
            v("cert_latest_months", Type.INT, "whole months from the issue of the latest skill certificate (issued by the "
                    + "period's last day) to the period: 0 issued in the period; -1 none"),
            v("cert_latest_level", Type.INT, "level of that latest certificate (the best, when several were issued in "
                    + "its month); 0 none"),
            v("employed", Type.BOOL, "social insurance with an employer in the facts' employment window"),
            v("employer_industries", Type.STRING_LIST, "GB/T 4754 小类 of those employers (market-entity register)"),
            v("employer_kinds", Type.STRING_LIST, "market-entity kinds of those employers (LLC, INDIVIDUAL …)"),
            v("employee_industries", Type.STRING_LIST, "GB/T 4754 小类 of the employers the person works for as an "
                    + "employee: those employers less the entities the person operates or represents (an owner insured "
                    + "at the own firm is its owner, not its employee)"),
            v("occupation", Type.STRING, "the occupation ledger's GB/T 6565 中类 (e.g. '4-03'); '' unknown"),
            v("occupation_source", Type.STRING, "the evidence that gave it: CERTIFICATE, EMPLOYER … NONE"),
            v("industry", Type.STRING, "the occupation ledger's GB/T 4754 小类; '' none"),
            v("businesses", Type.RECORD_LIST, "entities operated or represented: {kind, industry, employees (-1 "
                    + "unknown), revenue (-1 unknown), open, months_open (whole months from the register's founding "
                    + "date to the period; -1 unknown)}"),
            v("platform_months", Type.INT, "months with platform-work income in the trailing 12"),
            v("platform_kinds", Type.STRING_LIST, "platform-work kinds of the trailing 12 months (DELIVERY …)"),
            v("fishery_roles", Type.STRING_LIST, "VESSEL_OWNER, CREW, AQUACULTURE in the trailing 12 months"),
            v("crew_months", Type.INT, "months aboard a fishing vessel in the trailing 12"),
            v("bnb_months", Type.INT, "months a B&B the person owns reported in the trailing 12"),
            v("bnb_last_report_months", Type.INT, "months since the latest B&B report (0 = this period); -1 none"),
            v("graduations", Type.RECORD_LIST, "education register entries: {level (JUNIOR_COLLEGE …), "
                    + "months_since (since graduation; -1 not graduated), status}"),
            v("assistance", Type.STRING_LIST, "assistance types open at the period's last day (DIBAO, DIBIAN, TEKUN …)"),
            v("disability_grade", Type.INT, "most severe disability grade, 1–4; 0 none"),
            v("benefits", Type.STRING_LIST, "benefit types paid in the trailing 12 months (EMPLOYEE_PENSION …)"),
            v("properties", Type.INT, "property titles held, any use (不动产登记, delivered up to the period)"),
            v("homes", Type.INT, "residential titles held (住宅, 农村宅基地 …)"),
            v("home_area", Type.DOUBLE, "floor area of those residential titles, m²; 0 none"),
            v("rentals", Type.INT, "registered rental contracts as landlord running at the period's last day"),
            v("rent_monthly", Type.DOUBLE, "their monthly rent together, yuan; 0 none"),
            v("family_brackets", Type.STRING_LIST, "the family's income brackets (income.yaml ids)"),
            v("family_lines", Type.STRING_LIST, "the lines the family is below (dibao, dibian, tekun, assist, safety_net)"),
            v("family_typical_di", Type.DOUBLE, "the family's DI as the brackets test it (per capita × typical size); -1 "
                    + "unknown"),
            v("family_members", Type.INT, "members of the person's family; 0 none"),
            v("family_warning", Type.STRING, "the family's warning colour at the period (step warnings, warnings.yaml): "
                    + "RED, YELLOW or GREEN; '' when the family has no income figure"));

    private PersonVariables() {
    }

    private static FactVariable v(String name, Type type, String description) {
        return new FactVariable(name, type, description);
    }

    /**
     * A person's values and, per fact, the records behind it (the evidence a decision names; rendered as {@code
     * dataset:file:row} only when a decision names them, see {@link #evidence}).
     */
    public record Values(Map<String, Object> values, Map<String, List<PersonFact.Source>> refs) {
        /** The records behind a fact as references ({@code dataset:file:row}), empty when none. */
        public List<String> refsOf(String fact) {
            List<PersonFact.Source> l = refs.get(fact);
            return l == null ? List.of() : l.stream().map(PersonFact.Source::ref).toList();
        }
    }

    /** Binds every declared fact for one person at period {@code p}. */
    public static Values of(PersonFact f, Work work, Family family, Period p) {
        Map<String, Object> m = new HashMap<>(64);
        Map<String, List<PersonFact.Source>> refs = new HashMap<>();
        YearMonth now = p.month();
        m.put("age", (long) f.age());
        m.put("sex", nz(f.sex()));
        m.put("registered", f.registered());
        m.put("resident", f.resident());
        m.put("floating", f.floating());
        m.put("urban", f.urban());
        m.put("township", nz(f.township()));
        m.put("village", nz(f.village()));
        m.put("education", nz(f.education()));

        long best = 0;
        long latestMonths = -1;
        long latestLevel = 0;
        Set<String> certCodes = new TreeSet<>();
        for (PersonFact.Certificate c : f.certificates()) {
            if (c.issued() != null && !c.issued().isAfter(p.lastDay()) && c.level() >= 1 && c.level() <= 5) {
                long months = (p.lastDay().getYear() - c.issued().getYear()) * 12L
                        + p.lastDay().getMonthValue() - c.issued().getMonthValue();
                if (latestMonths < 0 || months < latestMonths || (months == latestMonths && c.level() < latestLevel)) {
                    latestMonths = months;
                    latestLevel = c.level();
                }
                ref(refs, "cert_latest_months", c.source());
                ref(refs, "cert_latest_level", c.source());
            }
            if (c.level() >= 1 && c.level() <= 5 && (best == 0 || c.level() < best)) {
                best = c.level();
            }
            certCodes.add(nz(c.occupationCode()));
            ref(refs, "cert_best_level", c.source());
            ref(refs, "cert_occupations", c.source());
        }
        m.put("cert_best_level", best);
        m.put("cert_occupations", List.copyOf(certCodes));
        m.put("cert_latest_months", latestMonths);
        m.put("cert_latest_level", latestLevel);

        Set<String> industries = new TreeSet<>();
        Set<String> employeeIndustries = new TreeSet<>();
        Set<String> own = new HashSet<>();
        for (PersonFact.Business b : f.businesses()) {
            if (b.uscc() != null && !b.uscc().isBlank()) {
                own.add(b.uscc().strip());
            }
        }
        Set<String> kinds = new TreeSet<>();
        boolean employed = false;
        for (PersonFact.Employment e : f.employments()) {
            if (e.employerUscc() == null || e.employerUscc().isBlank()) {
                continue;
            }
            employed = true;
            if (e.industryCode() != null && !e.industryCode().isBlank()) {
                industries.add(e.industryCode());
                if (!own.contains(e.employerUscc().strip())) {
                    employeeIndustries.add(e.industryCode());
                    ref(refs, "employee_industries", e.source());
                }
            }
            if (e.employerKind() != null && !e.employerKind().isBlank()) {
                kinds.add(e.employerKind());
            }
            ref(refs, "employed", e.source());
            ref(refs, "employer_industries", e.source());
            ref(refs, "employer_kinds", e.source());
        }
        m.put("employed", employed);
        m.put("employer_industries", List.copyOf(industries));
        m.put("employer_kinds", List.copyOf(kinds));
        m.put("employee_industries", List.copyOf(employeeIndustries));
        m.put("occupation", nz(work.occupation()));
        m.put("occupation_source", nz(work.source()));
        m.put("industry", nz(work.industry()));

        List<Map<String, Object>> businesses = new ArrayList<>();
        for (PersonFact.Business b : f.businesses()) {
            Map<String, Object> r = new HashMap<>(8);
            r.put("kind", nz(b.kind()));
            r.put("industry", nz(b.industryCode()));
            r.put("employees", b.employees() == null ? -1L : (long) b.employees());
            r.put("revenue", b.revenue() == null ? -1.0 : b.revenue().doubleValue());
            r.put("open", b.open());
            r.put("months_open", b.founded() == null || b.founded().isAfter(p.lastDay()) ? -1L
                    : (p.lastDay().getYear() - b.founded().getYear()) * 12L + p.lastDay().getMonthValue()
                    - b.founded().getMonthValue());
            businesses.add(r);
            ref(refs, "businesses", b.source());
        }
        m.put("businesses", businesses);

        Set<String> platformMonths = new TreeSet<>();
        Set<String> platformKinds = new TreeSet<>();
        for (PersonFact.PlatformWork w : f.platformWork()) {
            if (w.income() == null || w.income().signum() > 0) {
                platformMonths.add(w.month());
            }
            platformKinds.add(nz(w.kind()));
            ref(refs, "platform_months", w.source());
            ref(refs, "platform_kinds", w.source());
        }
        m.put("platform_months", (long) platformMonths.size());
        m.put("platform_kinds", List.copyOf(platformKinds));

        Set<String> roles = new TreeSet<>();
        Set<String> crewMonths = new TreeSet<>();
        for (PersonFact.FisheryWork w : f.fishery()) {
            roles.add(nz(w.role()));
            if ("CREW".equals(w.role())) {
                crewMonths.add(w.month());
                ref(refs, "crew_months", w.source());
            }
            ref(refs, "fishery_roles", w.source());
        }
        m.put("fishery_roles", List.copyOf(roles));
        m.put("crew_months", (long) crewMonths.size());

        Set<String> bnbMonths = new TreeSet<>();
        long lastReport = -1;
        for (PersonFact.Bnb b : f.bnbs()) {
            bnbMonths.add(b.month());
            long ago = monthsBetween(b.month(), now);
            if (ago >= 0 && (lastReport < 0 || ago < lastReport)) {
                lastReport = ago;
            }
            ref(refs, "bnb_months", b.source());
            ref(refs, "bnb_last_report_months", b.source());
        }
        m.put("bnb_months", (long) bnbMonths.size());
        m.put("bnb_last_report_months", lastReport);

        List<Map<String, Object>> graduations = new ArrayList<>();
        for (PersonFact.Graduation g : f.graduations()) {
            Map<String, Object> r = new HashMap<>(4);
            r.put("level", nz(g.level()));
            r.put("months_since", g.graduated() == null || g.graduated().isAfter(p.lastDay()) ? -1L
                    : ChronoUnit.MONTHS.between(YearMonth.from(g.graduated()), now));
            r.put("status", nz(g.employmentStatus()));
            graduations.add(r);
            ref(refs, "graduations", g.source());
        }
        m.put("graduations", graduations);

        Set<String> assistance = new TreeSet<>();
        for (PersonFact.Assistance a : f.assistance()) {
            boolean open = (a.start() == null || !a.start().isAfter(p.lastDay()))
                    && (a.end() == null || a.end().isAfter(p.lastDay()) || a.end().isEqual(p.lastDay()));
            if (open) {
                assistance.add(nz(a.type()));
                ref(refs, "assistance", a.source());
            }
        }
        m.put("assistance", List.copyOf(assistance));
        m.put("disability_grade", (long) f.disabilityGrade());

        Set<String> benefits = new TreeSet<>();
        for (PersonFact.Benefit b : f.benefits()) {
            benefits.add(nz(b.type()));
            ref(refs, "benefits", b.source());
        }
        m.put("benefits", List.copyOf(benefits));

        long homes = 0;
        double homeArea = 0;
        for (PersonFact.Property x : f.properties()) {
            if (x.residential()) {
                homes++;
                homeArea += x.areaM2() == null ? 0 : x.areaM2().doubleValue();
                ref(refs, "homes", x.source());
                ref(refs, "home_area", x.source());
            }
            ref(refs, "properties", x.source());
        }
        m.put("properties", (long) f.properties().size());
        m.put("homes", homes);
        m.put("home_area", homeArea);
        double rent = 0;
        for (PersonFact.Rental x : f.rentals()) {
            rent += x.monthlyRent() == null ? 0 : x.monthlyRent().doubleValue();
            ref(refs, "rentals", x.source());
            ref(refs, "rent_monthly", x.source());
        }
        m.put("rentals", (long) f.rentals().size());
        m.put("rent_monthly", rent);

        m.put("family_brackets", List.copyOf(family.brackets()));
        m.put("family_lines", List.copyOf(family.lines()));
        m.put("family_typical_di", family.typicalDi());
        m.put("family_members", (long) family.members());
        m.put("family_warning", family.warning());
        return new Values(m, refs);
    }

    /**
     * The evidence of a decision: each named fact with its value and up to three of its records, e.g.
     * {@code cert_best_level=3 [skill_cert:2023-01/证书.csv:17]}.
     */
    public static String evidence(Values v, List<String> facts, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (String name : facts) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(name).append('=').append(show(v.values().get(name)));
            List<PersonFact.Source> r = v.refs().get(name);
            if (r != null && !r.isEmpty()) {
                sb.append(" [");
                for (int i = 0; i < Math.min(3, r.size()); i++) {
                    sb.append(i == 0 ? "" : ", ").append(r.get(i).ref());
                }
                if (r.size() > 3) {
                    sb.append(", +").append(r.size() - 3);
                }
                sb.append(']');
            }
        }
        return sb.length() <= maxLength ? sb.toString() : sb.substring(0, Math.max(0, maxLength - 1)) + "…";
    }

    private static String show(Object o) {
        if (o instanceof List<?> l && l.size() > 5) {
            return l.subList(0, 5) + "+" + (l.size() - 5);
        }
        return String.valueOf(o);
    }

    static void ref(Map<String, List<PersonFact.Source>> refs, String fact, PersonFact.Source s) {
        if (s != null) {
            List<PersonFact.Source> l = refs.computeIfAbsent(fact, k -> new ArrayList<>(2));
            if (l.size() < 20 && !l.contains(s)) {
                l.add(s);
            }
        }
    }

    private static long monthsBetween(String month, YearMonth now) {
        try {
            return ChronoUnit.MONTHS.between(YearMonth.parse(month), now);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The names of {@link #VARIABLES}, in order. */
    public static List<String> names() {
        Set<String> s = new LinkedHashSet<>();
        VARIABLES.forEach(x -> s.add(x.name()));
        return List.copyOf(s);
    }
}
