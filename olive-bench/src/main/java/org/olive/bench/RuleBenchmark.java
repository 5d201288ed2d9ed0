package org.olive.bench;

import org.olive.fact.PersonFact;
import org.olive.fact.PersonVariables;
import org.olive.fact.TagVariables;
import org.olive.group.GroupClassifier;
import org.olive.period.Period;
import org.olive.pipeline.group.GroupSettings;
import org.olive.pipeline.tag.TagSettings;
import org.olive.tag.TagClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The per-person cost of the rules of steps {@code groups} and {@code tags} (issue 13), on one thread, with the
 * built-in profile's groups.yaml (11 groups, the population rule and the tiers) and tags.yaml: binding a person's rule
 * facts ({@link PersonVariables#of}), the group rules, the person tags and the family tags. The persons are drawn
 * with a fixed seed to resemble the synthetic county's mix (a third employed, some with certificates, businesses,
 * platform work, fishery, assistance, pensions, homes). Each result is microseconds per person (or family).
 *
 * <pre>java -jar olive-bench/target/olive-bench.jar RuleBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleBenchmark {

    static final int PERSONS = 2_000;
    static final Period P = Period.of(2024, 4);

    List<PersonFact> facts;
    List<PersonVariables.Values> variables;
    List<PersonVariables.Values> tagVariables;
    List<PersonVariables.Values> families;
    GroupClassifier groups;
    TagClassifier tags;
    org.olive.policy.PolicyClassifier policies;
    List<List<String>> personTagIds;
    List<org.olive.policy.PolicyVariables.FamilySide> sides;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(20230101);
        facts = new ArrayList<>(PERSONS);
        for (int i = 0; i < PERSONS; i++) {
            facts.add(person(r, i));
        }
        groups = GroupSettings.builtIn().at(P);
        tags = TagSettings.builtIn().at(P);
        variables = new ArrayList<>();
        tagVariables = new ArrayList<>();
        for (PersonFact f : facts) {
            PersonVariables.Values v = PersonVariables.of(f, work(f), family(r), P);
            variables.add(v);
            List<String> g = groups.classify(v).stream().map(GroupClassifier.Hit::groupId).toList();
            tagVariables.add(TagVariables.person(v, g, "head",
                    new TagVariables.Income(r.nextInt(80_000), r.nextInt(3) == 0 ? r.nextInt(50_000) : 0, 0, 0)));
        }
        policies = org.olive.pipeline.policy.PolicySettings.builtIn().at(P);
        personTagIds = new ArrayList<>();
        sides = new ArrayList<>();
        for (PersonVariables.Values v : tagVariables) {
            personTagIds.add(tags.person(v).stream().map(TagClassifier.Hit::tagId).toList());
            double perCapita = 5_000 + r.nextInt(80_000);
            sides.add(new org.olive.policy.PolicyVariables.FamilySide(List.of(), r.nextInt(20) == 0 ? List.of("DIBAO")
                    : List.of(), r.nextInt(3), perCapita, 14_000));
        }
        families = new ArrayList<>();
        for (int i = 0; i + 3 <= PERSONS; i += 3) {
            families.add(TagVariables.family(List.of(new TagVariables.Member(facts.get(i), "head", List.of()),
                    new TagVariables.Member(facts.get(i + 1), "spouse", List.of()),
                    new TagVariables.Member(facts.get(i + 2), "child", List.of())), family(r), P));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PERSONS)
    public void personFacts(Blackhole bh) {
        SplittableRandom r = new SplittableRandom(1);
        for (PersonFact f : facts) {
            bh.consume(PersonVariables.of(f, work(f), family(r), P));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PERSONS)
    public void groupRules(Blackhole bh) {
        for (PersonVariables.Values v : variables) {
            if (groups.inPopulation(v)) {
                List<GroupClassifier.Hit> hits = groups.classify(v);
                bh.consume(hits);
                if (!hits.isEmpty()) {
                    bh.consume(groups.tier(v));
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PERSONS)
    public void personTags(Blackhole bh) {
        for (PersonVariables.Values v : tagVariables) {
            bh.consume(tags.person(v));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PERSONS / 3)
    public void familyTags(Blackhole bh) {
        for (PersonVariables.Values v : families) {
            bh.consume(tags.family(v));
        }
    }

    /** Step policies' facts of a person (their tag facts, tags and family side; issue 15), without the rules. */
    @Benchmark
    @OperationsPerInvocation(PERSONS)
    public void policyPersonFacts(Blackhole bh) {
        for (int i = 0; i < PERSONS; i++) {
            bh.consume(org.olive.policy.PolicyVariables.person(tagVariables.get(i), personTagIds.get(i), sides.get(i)));
        }
    }

    /** Step policies per person: the facts and every person policy of the built-in policies.yaml in force. */
    @Benchmark
    @OperationsPerInvocation(PERSONS)
    public void policyPersons(Blackhole bh) {
        for (int i = 0; i < PERSONS; i++) {
            bh.consume(policies.person(org.olive.policy.PolicyVariables.person(tagVariables.get(i), personTagIds.get(i),
                    sides.get(i))));
        }
    }

    // ------------------------------------------------------------------------------------------ the persons

    private static PersonVariables.Work work(PersonFact f) {
        return f.employments().isEmpty() ? PersonVariables.Work.NONE
                : new PersonVariables.Work("6-31", "EMPLOYER", f.employments().get(0).industryCode());
    }

    private static PersonVariables.Family family(SplittableRandom r) {
        double di = 20_000 + r.nextInt(400_000);
        return new PersonVariables.Family(di >= 100_000 ? List.of("middle_10_50") : List.of(),
                di < 40_000 ? List.of("dibian") : List.of(), di, 1 + r.nextInt(5));
    }

    private static final String[] INDUSTRIES = {"1331", "5531", "6110", "6210", "0411", "3731", "7291", "5812"};
    private static final String[] BENEFITS = {"EMPLOYEE_PENSION", "RESIDENT_PENSION", "UNEMPLOYMENT"};

    private static PersonFact.Source src(String dataset, long row) {
        return new PersonFact.Source(dataset, "2024-04", "2024-04/" + dataset + ".csv", row);
    }

    static PersonFact person(SplittableRandom r, long key) {
        int age = r.nextInt(90);
        boolean working = age >= 18 && age < 60;
        List<PersonFact.Certificate> certs = new ArrayList<>();
        if (working && r.nextInt(6) == 0) {
            certs.add(new PersonFact.Certificate("6-31-01-01", 1 + r.nextInt(5), LocalDate.of(2020, 3, 1), src("skill_cert", key)));
        }
        List<PersonFact.Employment> jobs = new ArrayList<>();
        if (working && r.nextInt(3) == 0) {
            String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
            for (int m = 0; m < 3; m++) {
                jobs.add(new PersonFact.Employment(P.minusMonths(m).toString(), "91330922MA" + key, "LLC", industry,
                        "110", src("social_insurance", key * 3 + m)));
            }
        }
        List<PersonFact.Business> businesses = new ArrayList<>();
        if (working && r.nextInt(12) == 0) {
            businesses.add(new PersonFact.Business("92330922MA" + key, "INDIVIDUAL", "5812", 2, BigDecimal.valueOf(300_000),
                    true, src("market_entity", key)));
        }
        List<PersonFact.PlatformWork> platform = new ArrayList<>();
        if (working && r.nextInt(25) == 0) {
            for (int m = 0; m < 6; m++) {
                platform.add(new PersonFact.PlatformWork(P.minusMonths(m).toString(), "美团", "DELIVERY",
                        BigDecimal.valueOf(4_000), src("platform_work", key * 6 + m)));
            }
        }
        List<PersonFact.FisheryWork> fishery = new ArrayList<>();
        if (working && r.nextInt(10) == 0) {
            for (int m = 0; m < 8; m++) {
                fishery.add(new PersonFact.FisheryWork(P.minusMonths(m).toString(), "CREW", "浙嵊渔" + key, "船员",
                        src("fishery_crew", key * 8 + m)));
            }
        }
        List<PersonFact.Graduation> graduations = new ArrayList<>();
        if (age >= 20 && age < 26 && r.nextInt(3) == 0) {
            graduations.add(new PersonFact.Graduation("BACHELOR", LocalDate.of(2023, 6, 30), "浙江海洋大学", "EMPLOYED",
                    src("education", key)));
        }
        List<PersonFact.Benefit> benefits = new ArrayList<>();
        if (age >= 60) {
            for (int m = 0; m < 12; m++) {
                benefits.add(new PersonFact.Benefit(P.minusMonths(m).toString(), BENEFITS[r.nextInt(2)],
                        BigDecimal.valueOf(2_500), src("benefits", key * 12 + m)));
            }
        }
        List<PersonFact.Assistance> assistance = new ArrayList<>();
        if (r.nextInt(40) == 0) {
            assistance.add(new PersonFact.Assistance("DIBAO", LocalDate.of(2022, 1, 1), null, BigDecimal.valueOf(1_100),
                    src("assistance", key)));
        }
        List<PersonFact.Property> properties = new ArrayList<>();
        if (age >= 25 && r.nextInt(2) == 0) {
            properties.add(new PersonFact.Property("P" + key, "RESIDENTIAL", BigDecimal.valueOf(60 + r.nextInt(80)),
                    LocalDate.of(2015, 5, 1), src("property_ownership", key)));
        }
        return new PersonFact(key, "F" + key / 3, r.nextBoolean() ? "M" : "F", age, true, r.nextInt(10) != 0, false,
                "330922100", "330922100201", r.nextBoolean(), age >= 22 && r.nextInt(4) == 0 ? "20" : "60", certs, jobs,
                businesses, platform, fishery, List.of(), graduations, benefits, assistance,
                r.nextInt(50) == 0 ? 1 + r.nextInt(4) : 0, properties, List.of());
    }
}
