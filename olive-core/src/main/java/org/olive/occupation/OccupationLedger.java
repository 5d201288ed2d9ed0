package org.olive.occupation;

import org.olive.fact.PersonFact;
import org.olive.period.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The occupation ledger (职业一本账): decides one person's occupation at a period from their {@link PersonFact}s and
 * the {@link OccupationRules} (docs/occupations.md). Every source that has evidence becomes a candidate; the first in
 * the rules' precedence decides the 中类 and the reason, and every candidate's records are kept as evidence. A pure
 * function: the same facts and rules give the same occupation.
 */
public final class OccupationLedger {

    static final int REASON_LENGTH = 200;
    static final int EVIDENCE_LENGTH = 2000;

    private OccupationLedger() {
    }

    /** What one source says: the occupation it gives, its industry, the reason and the records. */
    private record Candidate(OccupationSource source, String code, String detail, String industry, double confidence,
                             String reason, String evidence) {
    }

    /** The person's occupation at period {@code p}. */
    public static Occupation decide(PersonFact f, OccupationRules r, Period p) {
        if (!r.workingAge().contains(f.sex(), f.age())) {
            String why = f.age() < 0 ? "age unknown: not counted as working age"
                    : f.age() < r.workingAge().from() ? "below working age (" + f.age() + ")" : "above working age (" + f.age() + ")";
            return new Occupation(f.personKey(), null, null, null, OccupationSource.NONE.name(), 0, why, "");
        }
        Map<OccupationSource, Candidate> found = new EnumMap<>(OccupationSource.class);
        employer(f, r).ifPresent(c -> found.put(c.source(), c));
        business(f, r).ifPresent(c -> found.put(c.source(), c));
        platform(f, r, p).ifPresent(c -> found.put(c.source(), c));
        fishery(f, r, p).ifPresent(c -> found.put(c.source(), c));
        aquaculture(f, r, p).ifPresent(c -> found.put(c.source(), c));
        bnb(f, r, p).ifPresent(c -> found.put(c.source(), c));
        pension(f, r, p).ifPresent(c -> found.put(c.source(), c));
        // the work candidates in precedence order: a certificate takes its industry from the first of them
        List<Candidate> work = r.precedence().stream().map(found::get)
                .filter(c -> c != null && c.source() != OccupationSource.PENSION).toList();
        certificate(f, r, work).ifPresent(c -> found.put(c.source(), c));
        for (OccupationSource s : r.precedence()) {
            Candidate c = found.get(s);
            if (c != null) {
                StringBuilder evidence = new StringBuilder(c.evidence());
                for (OccupationSource other : r.precedence()) {
                    Candidate o = found.get(other);
                    if (o != null && o != c) {
                        evidence.append(" | also ").append(o.evidence());
                    }
                }
                return new Occupation(f.personKey(), c.code(), c.detail(), c.industry(), s.name(), c.confidence(),
                        clip(c.reason(), REASON_LENGTH), clip(evidence.toString(), EVIDENCE_LENGTH));
            }
        }
        return new Occupation(f.personKey(), null, null, null, OccupationSource.NONE.name(), 0,
                clip(unknownReason(f, r, p), REASON_LENGTH), clip(unknownEvidence(f), EVIDENCE_LENGTH));
    }

    // ------------------------------------------------------------------------------------------- candidates

    private static Optional<Candidate> certificate(PersonFact f, OccupationRules r, List<Candidate> work) {
        OccupationClassification gbt = OccupationClassification.gbt6565();
        Optional<PersonFact.Certificate> best = f.certificates().stream()
                .filter(c -> gbt.level2(c.occupationCode()).isPresent())
                .min(Comparator.comparingInt(PersonFact.Certificate::level)
                        .thenComparing(PersonFact.Certificate::issued, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(PersonFact.Certificate::occupationCode));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        PersonFact.Certificate c = best.get();
        String code = gbt.level2(c.occupationCode()).orElseThrow();
        String industry = work.stream().map(Candidate::industry).filter(i -> i != null).findFirst().orElse(null);
        boolean corroborated = !work.isEmpty();
        String reason = "skill certificate " + c.occupationCode() + " " + gbt.name(c.occupationCode()).orElse("")
                + " level " + c.level() + (c.issued() == null ? "" : " issued " + c.issued())
                + (corroborated ? "; working (" + work.get(0).source().name().toLowerCase(java.util.Locale.ROOT) + ")"
                : "; no current work record");
        String evidence = "certificate " + c.occupationCode() + " level " + c.level() + " " + c.issued() + " ["
                + c.source().ref() + "]";
        return Optional.of(new Candidate(OccupationSource.CERTIFICATE, code, c.occupationCode(), industry,
                r.confidence(corroborated ? OccupationSource.CERTIFICATE.name() : OccupationRules.CERTIFICATE_WITHOUT_WORK),
                reason, evidence));
    }

    private static Optional<Candidate> employer(PersonFact f, OccupationRules r) {
        Map<String, List<PersonFact.Employment>> byEmployer = new TreeMap<>();
        for (PersonFact.Employment e : f.employments()) {
            if (e.employerUscc() != null && !e.employerUscc().isBlank()) {
                byEmployer.computeIfAbsent(e.employerUscc(), k -> new ArrayList<>()).add(e);
            }
        }
        if (byEmployer.isEmpty()) {
            return Optional.empty();
        }
        // the employer of the most months, then of the latest month, then the lowest credit code
        List<PersonFact.Employment> months = byEmployer.values().stream().max(Comparator
                .<List<PersonFact.Employment>>comparingInt(l -> distinctMonths(l))
                .thenComparing(l -> latest(l))
                .thenComparing(l -> l.get(0).employerUscc(), Comparator.reverseOrder())).orElseThrow();
        PersonFact.Employment e = months.stream().max(Comparator.comparing(PersonFact.Employment::month)).orElseThrow();
        String industry = industryClass(months.stream().map(PersonFact.Employment::industryCode)
                .filter(i -> i != null).findFirst().orElse(null));
        String code = r.occupationOfIndustry(industry);
        boolean classified = r.classifies(industry);
        IndustryClassification gbt = IndustryClassification.gbt4754();
        String reason = "social insurance with employer " + e.employerUscc() + " in " + distinctMonths(months)
                + " of the last " + r.employmentMonths() + " months; "
                + (industry == null ? "employer not in the market-entity register: " + code + " (fallback)"
                : "industry " + industry + " " + gbt.name(industry).orElse("") + " → " + code + (classified ? "" : " (fallback)"));
        String evidence = "employment " + e.employerUscc() + " " + e.employerKind() + " " + industry + " months "
                + months.stream().map(PersonFact.Employment::month).distinct().sorted().collect(Collectors.joining(","))
                + " [" + e.source().ref() + "]";
        return Optional.of(new Candidate(OccupationSource.EMPLOYER, code, null, industry,
                r.confidence(classified ? OccupationSource.EMPLOYER.name() : OccupationRules.EMPLOYER_UNCLASSIFIED),
                reason, evidence));
    }

    private static Optional<Candidate> business(PersonFact f, OccupationRules r) {
        Optional<PersonFact.Business> best = f.businesses().stream().filter(PersonFact.Business::open)
                .max(Comparator.<PersonFact.Business>comparingInt(b -> b.employees() == null ? 0 : b.employees())
                        .thenComparing(b -> b.revenue() == null ? BigDecimal.ZERO : b.revenue())
                        .thenComparing(PersonFact.Business::uscc, Comparator.reverseOrder()));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        PersonFact.Business b = best.get();
        String industry = industryClass(b.industryCode());
        boolean manager = b.kind() != null && r.managerKinds().contains(b.kind());
        String code = manager ? r.managerOccupation() : r.occupationOfIndustry(industry);
        String reason = (manager ? "runs " : "operates ") + b.kind() + " " + b.uscc() + " (industry " + industry + ") → "
                + code + (manager ? " (manager of an enterprise)" : "");
        String evidence = "business " + b.uscc() + " " + b.kind() + " " + industry + " employees " + b.employees()
                + " revenue " + b.revenue() + " [" + b.source().ref() + "]";
        return Optional.of(new Candidate(OccupationSource.BUSINESS, code, null, industry,
                r.confidence(OccupationSource.BUSINESS.name()), reason, evidence));
    }

    private static Optional<Candidate> platform(PersonFact f, OccupationRules r, Period p) {
        String since = since(p, r.months(OccupationSource.PLATFORM));
        Map<String, List<PersonFact.PlatformWork>> byKind = new TreeMap<>();
        for (PersonFact.PlatformWork w : f.platformWork()) {
            if (w.month() != null && w.month().compareTo(since) >= 0 && w.month().compareTo(p.toString()) <= 0
                    && r.targets().containsKey("PLATFORM:" + w.kind())) {
                byKind.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w);
            }
        }
        if (byKind.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, List<PersonFact.PlatformWork>> best = byKind.entrySet().stream().max(Comparator
                .<Map.Entry<String, List<PersonFact.PlatformWork>>>comparingInt(e -> (int) e.getValue().stream()
                        .map(PersonFact.PlatformWork::month).distinct().count())
                .thenComparing(e -> e.getValue().stream().map(w -> w.income() == null ? BigDecimal.ZERO : w.income())
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow();
        OccupationRules.Target t = r.targets().get("PLATFORM:" + best.getKey());
        List<PersonFact.PlatformWork> ws = best.getValue();
        PersonFact.PlatformWork last = ws.stream().max(Comparator.comparing(PersonFact.PlatformWork::month)).orElseThrow();
        long months = ws.stream().map(PersonFact.PlatformWork::month).distinct().count();
        String reason = "platform work " + best.getKey() + " (" + last.platform() + ") in " + months + " of the last "
                + r.months(OccupationSource.PLATFORM) + " months → " + (t.detail() == null ? t.occupation() : t.detail());
        String evidence = "platform " + last.platform() + " " + best.getKey() + " months " + ws.stream()
                .map(PersonFact.PlatformWork::month).distinct().sorted().collect(Collectors.joining(",")) + " [" + last.source().ref() + "]";
        return Optional.of(new Candidate(OccupationSource.PLATFORM, t.occupation(), t.detail(), t.industry(),
                r.confidence(OccupationSource.PLATFORM.name()), reason, evidence));
    }

    private static Optional<Candidate> fishery(PersonFact f, OccupationRules r, Period p) {
        String since = since(p, r.months(OccupationSource.FISHERY));
        for (String role : List.of("VESSEL_OWNER", "CREW")) {
            List<PersonFact.FisheryWork> ws = f.fishery().stream().filter(w -> role.equals(w.role()) && inWindow(w.month(), since, p))
                    .toList();
            if (!ws.isEmpty()) {
                return Optional.of(monthly(OccupationSource.FISHERY, r.targets().get(role), r,
                        role.equals("CREW") ? "fishing crew" : "fishing vessel owner",
                        ws.stream().map(w -> new Monthly(w.month(), w.reference(), w.source())).toList()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Candidate> aquaculture(PersonFact f, OccupationRules r, Period p) {
        String since = since(p, r.months(OccupationSource.AQUACULTURE));
        List<Monthly> ws = f.fishery().stream().filter(w -> "AQUACULTURE".equals(w.role()) && inWindow(w.month(), since, p))
                .map(w -> new Monthly(w.month(), w.reference(), w.source())).toList();
        return ws.isEmpty() ? Optional.empty()
                : Optional.of(monthly(OccupationSource.AQUACULTURE, r.targets().get("AQUACULTURE"), r, "aquaculture licence", ws));
    }

    private static Optional<Candidate> bnb(PersonFact f, OccupationRules r, Period p) {
        String since = since(p, r.months(OccupationSource.BNB));
        List<Monthly> ws = f.bnbs().stream().filter(b -> inWindow(b.month(), since, p))
                .map(b -> new Monthly(b.month(), b.bnbNo(), b.source())).toList();
        return ws.isEmpty() ? Optional.empty()
                : Optional.of(monthly(OccupationSource.BNB, r.targets().get("BNB"), r, "owner of the operating B&B", ws));
    }

    private record Monthly(String month, String reference, PersonFact.Source source) {
    }

    private static Candidate monthly(OccupationSource s, OccupationRules.Target t, OccupationRules r, String what,
                                     List<Monthly> ws) {
        Monthly last = ws.stream().max(Comparator.comparing(Monthly::month).thenComparing(Monthly::reference)).orElseThrow();
        String months = ws.stream().map(Monthly::month).distinct().sorted().collect(Collectors.joining(","));
        long n = ws.stream().map(Monthly::month).distinct().count();
        String reason = what + " " + last.reference() + " in " + n + " of the last " + r.months(s) + " months → "
                + (t.detail() == null ? t.occupation() : t.detail());
        String evidence = s.name().toLowerCase(java.util.Locale.ROOT) + " " + last.reference() + " months " + months
                + " [" + last.source().ref() + "]";
        return new Candidate(s, t.occupation(), t.detail(), t.industry(), r.confidence(s.name()), reason, evidence);
    }

    private static Optional<Candidate> pension(PersonFact f, OccupationRules r, Period p) {
        String since = since(p, r.months(OccupationSource.PENSION));
        Optional<PersonFact.Benefit> b = f.benefits().stream()
                .filter(x -> r.pensionTypes().contains(x.type()) && inWindow(x.month(), since, p))
                .max(Comparator.comparing(PersonFact.Benefit::month));
        return b.map(x -> new Candidate(OccupationSource.PENSION, null, null, null, r.confidence(OccupationSource.PENSION.name()),
                "retired: receives " + x.type() + " (" + x.month() + "); no current work record",
                "benefit " + x.type() + " " + x.month() + " [" + x.source().ref() + "]"));
    }

    // ------------------------------------------------------------------------------------------- unknown

    private static String unknownReason(PersonFact f, OccupationRules r, Period p) {
        List<String> why = new ArrayList<>();
        why.add("no work record in the last " + r.employmentMonths() + " months");
        if (f.graduations().stream().anyMatch(g -> g.graduated() == null || g.graduated().isAfter(p.lastDay()))) {
            why.add("enrolled in education");
        }
        String since = since(p, r.employmentMonths());
        if (f.benefits().stream().anyMatch(b -> "UNEMPLOYMENT".equals(b.type()) && inWindow(b.month(), since, p))) {
            why.add("receives unemployment benefit");
        }
        if (f.employments().stream().anyMatch(e -> e.employerUscc() == null || e.employerUscc().isBlank())) {
            why.add("only flexible-employment insurance (灵活就业, no employer)");
        }
        List<String> unmapped = f.platformWork().stream().map(PersonFact.PlatformWork::kind)
                .filter(k -> !r.targets().containsKey("PLATFORM:" + k)).distinct().sorted().toList();
        if (!unmapped.isEmpty()) {
            why.add("platform work of kind " + unmapped + " that occupation.yaml does not map");
        }
        if (!f.businesses().isEmpty() && f.businesses().stream().noneMatch(PersonFact.Business::open)) {
            why.add("business closed");
        }
        return String.join("; ", why);
    }

    private static String unknownEvidence(PersonFact f) {
        List<String> refs = new ArrayList<>();
        f.employments().forEach(e -> refs.add("employment " + e.month() + " " + e.insuranceType() + " [" + e.source().ref() + "]"));
        f.graduations().forEach(g -> refs.add("education " + g.level() + " " + g.employmentStatus() + " [" + g.source().ref() + "]"));
        f.businesses().forEach(b -> refs.add("business " + b.uscc() + " closed [" + b.source().ref() + "]"));
        return String.join(" | ", refs);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** The first month of the trailing {@code months} months ending with the period. */
    static String since(Period p, int months) {
        return p.minusMonths(months - 1).toString();
    }

    private static boolean inWindow(String month, String since, Period p) {
        return month != null && month.compareTo(since) >= 0 && month.compareTo(p.toString()) <= 0;
    }

    private static int distinctMonths(List<PersonFact.Employment> l) {
        return (int) l.stream().map(PersonFact.Employment::month).distinct().count();
    }

    private static String latest(List<PersonFact.Employment> l) {
        return l.stream().map(PersonFact.Employment::month).max(String::compareTo).orElse("");
    }

    /** A 4-digit GB/T 4754 class, or null when the code is missing or not one. */
    private static String industryClass(String code) {
        return code != null && IndustryClassification.gbt4754().isClass(code.strip()) ? code.strip() : null;
    }

    static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    /** Counts of decided occupations by source, for reports (keeps the order of {@link OccupationSource}). */
    public static Map<String, Long> bySource(java.util.Collection<Occupation> occupations) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (OccupationSource s : OccupationSource.values()) {
            out.put(s.name(), 0L);
        }
        occupations.forEach(o -> out.merge(o.source(), 1L, Long::sum));
        return out;
    }
}
