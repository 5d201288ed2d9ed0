package org.olive.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.olive.period.Period;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.Encoding;

/**
 * 惠民惠农补贴发放明细 (subsidy_payment) and the policy truth of a clean 6,000-person county over 2023-01..2024-04:
 * the file says what the truth says was paid; take-up is below 100 % and lower for the policies one applies for;
 * payments to the ineligible are present but few; the skill bonus's effect file is the mean of its treated families,
 * and each treated family's gain is the wage rise's share of the recipient's wages in the 12 months after; the policy
 * payments are in the truth's transfer income.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubsidiesTest {

    static final Period FROM = Period.of(2023, 1);
    static final Period TO = Period.of(2024, 4);
    Path out;
    List<List<String>> eligibility;
    List<List<String>> receipts;

    @BeforeAll
    void generate() throws Exception {
        out = Counties.temp("subsidies");
        SynthOptions o = SynthOptions.defaults(out).withPersons(6000).withPeriods(FROM, TO)
                .withFaults(FaultRates.none()).withTouristVisitsPerYear(10_000);
        new CountyGenerator(o).generate();
        eligibility = Files2.csv(out.resolve("truth/policy_eligibility.csv"), java.nio.charset.StandardCharsets.UTF_8);
        receipts = Files2.csv(out.resolve("truth/policy_receipts.csv"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String key(List<String> row) {
        return row.get(0) + "|" + row.get(1) + "|" + row.get(2);
    }

    /** Per policy: eligible person-months, of them paid. */
    private Map<String, int[]> takeUp() {
        Set<String> paid = new HashSet<>();
        for (List<String> r : receipts.subList(1, receipts.size())) {
            paid.add(key(r));
        }
        Map<String, int[]> byPolicy = new TreeMap<>();
        for (List<String> r : eligibility.subList(1, eligibility.size())) {
            int[] c = byPolicy.computeIfAbsent(r.get(1), k -> new int[2]);
            c[0]++;
            if (paid.contains(key(r))) {
                c[1]++;
            }
        }
        return byPolicy;
    }

    @Test
    void theFileCarriesWhatTheTruthSaysWasPaid() throws Exception {
        Period p = Period.of(2024, 2);
        List<List<String>> file = Files2.csv(out.resolve(p.toString()).resolve(Catalog.SUBSIDY_PAYMENT.fileName(p)),
                Encoding.GB18030.charset());
        assertThat(file.get(0)).containsExactly("公民身份号码", "姓名", "户号", "补贴项目代码", "补贴项目名称", "补贴所属期",
                "发放金额", "发放部门", "发放日期", "银行账号后四位");
        Map<String, BigDecimal> fromFile = new HashMap<>();
        for (List<String> r : file.subList(1, file.size())) {
            assertThat(r.get(5)).isEqualTo("202402");
            assertThat(r.get(8)).startsWith("2024-02-");
            assertThat(new BigDecimal(r.get(6))).isPositive();
            fromFile.merge(r.get(0), new BigDecimal(r.get(6)), BigDecimal::add);
        }
        Map<String, BigDecimal> fromTruth = new HashMap<>();
        for (List<String> r : receipts.subList(1, receipts.size())) {
            if (r.get(0).equals(p.toString())) {
                fromTruth.merge(r.get(2), new BigDecimal(r.get(3)), BigDecimal::add);
            }
        }
        assertThat(fromFile).isEqualTo(fromTruth).isNotEmpty();
    }

    @Test
    void takeUpIsBelowFullAndLowerForThePoliciesOneAppliesFor() {
        Map<String, int[]> t = takeUp();
        Map<String, Double> share = new TreeMap<>();
        t.forEach((k, c) -> share.put(k, c[1] / (double) c[0]));
        System.out.println("take-up by policy (paid eligible person-months / eligible person-months): " + share);
        assertThat(share).containsKeys("OLD_AGE_ALLOWANCE", "DISABLED_CARE", "CHILDCARE", "SKILL_BONUS");
        // a monthly automatic payment: take-up less the months of delay
        assertThat(share.get("OLD_AGE_ALLOWANCE")).isBetween(0.85, 0.97);
        assertThat(share.get("DISABLED_CARE")).isBetween(0.75, 0.97);
        share.values().forEach(v -> assertThat(v).isLessThan(1.0));
        // one-off and yearly policies are due in every month of eligibility but paid once: count persons instead
        Map<String, double[]> persons = personTakeUp();
        System.out.println("take-up by policy (persons ever paid / persons ever eligible): "
                + persons.entrySet().stream().map(e -> e.getKey() + "=" + String.format("%.3f", e.getValue()[1] / e.getValue()[0])).toList());
        double automatic = persons.get("OLD_AGE_ALLOWANCE")[1] / persons.get("OLD_AGE_ALLOWANCE")[0];
        double skill = persons.get("SKILL_BONUS")[1] / persons.get("SKILL_BONUS")[0];
        assertThat(automatic).isBetween(0.88, 1.0);
        assertThat(skill).isBetween(0.5, 0.9).isLessThan(automatic);
    }

    private Map<String, double[]> personTakeUp() {
        Set<String> paid = new HashSet<>();
        for (List<String> r : receipts.subList(1, receipts.size())) {
            if (r.get(4).equals("true")) {
                paid.add(r.get(1) + "|" + r.get(2));
            }
        }
        Map<String, Set<String>> eligible = new TreeMap<>();
        for (List<String> r : eligibility.subList(1, eligibility.size())) {
            eligible.computeIfAbsent(r.get(1), k -> new HashSet<>()).add(r.get(1) + "|" + r.get(2));
        }
        Map<String, double[]> out = new TreeMap<>();
        eligible.forEach((k, v) -> out.put(k, new double[]{v.size(), v.stream().filter(paid::contains).count()}));
        return out;
    }

    @Test
    void somePaymentsGoToTheIneligibleAndTheTruthSaysWhich() {
        Set<String> eligibleKeys = new HashSet<>();
        for (List<String> r : eligibility.subList(1, eligibility.size())) {
            eligibleKeys.add(key(r));
        }
        int leaks = 0;
        int all = receipts.size() - 1;
        for (List<String> r : receipts.subList(1, receipts.size())) {
            boolean flagged = r.get(4).equals("false");
            assertThat(flagged).as("eligible flag of " + r).isEqualTo(!eligibleKeys.contains(key(r)));
            leaks += flagged ? 1 : 0;
        }
        double share = leaks / (double) all;
        System.out.println("payments " + all + ", to the ineligible " + leaks + " (" + String.format("%.4f", share) + ")");
        assertThat(share).isBetween(0.005, 0.04);
    }

    @Test
    void theSkillBonusEffectIsTheMeanOfItsTreatedFamiliesAndTheWageRiseShowsInTheirWages() throws Exception {
        List<List<String>> effects = Files2.csv(out.resolve("truth/policy_effects.csv"), java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> families = Files2.csv(out.resolve("truth/policy_effect_families.csv"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(effects.get(0)).containsExactly("policy_code", "effect_12m", "treated_families", "definition");
        List<String> skill = effects.stream().filter(r -> r.get(0).equals("SKILL_BONUS")).findFirst().orElseThrow();
        List<String> none = effects.stream().filter(r -> r.get(0).equals("OLD_AGE_ALLOWANCE")).findFirst().orElseThrow();
        assertThat(new BigDecimal(none.get(1))).isZero();
        assertThat(Integer.parseInt(none.get(2))).isPositive();
        List<List<String>> treated = families.subList(1, families.size());
        System.out.println("skill bonus: effect " + skill.get(1) + " yuan over 12 months, " + skill.get(2) + " families");
        assertThat(treated).hasSize(Integer.parseInt(skill.get(2))).isNotEmpty();
        double mean = treated.stream().mapToDouble(r -> Double.parseDouble(r.get(4))).average().orElseThrow();
        assertThat(Double.parseDouble(skill.get(1))).isCloseTo(mean, within(0.01));
        // each gain: a 6–8 % rise of the wages paid in the 12 months after the payment, less contributions and tax
        Map<String, Double> wages = new HashMap<>();
        for (List<String> r : treated) {
            Period paid = Period.parse(r.get(3));
            for (int k = 1; k <= 12; k++) {
                Period q = paid.plusMonths(k);
                for (String line : Files.readAllLines(out.resolve("truth").resolve(q.toString()).resolve("incomes.csv"))) {
                    if (line.contains(r.get(1))) {
                        String[] f = line.split(",");
                        if (f[1].equals(r.get(1))) {
                            wages.merge(r.get(1), Double.parseDouble(f[4]), Double::sum);
                        }
                    }
                }
            }
            double gain = Double.parseDouble(r.get(4));
            double wage12 = wages.getOrDefault(r.get(1), 0.0);
            assertThat(gain).as("gain of " + r).isPositive().isLessThanOrEqualTo(wage12 * 0.08 / 1.08 + 0.5)
                    .isGreaterThanOrEqualTo(wage12 * 0.06 / 1.06 * 0.5);
        }
    }

    @Test
    void thePaymentsAreTransferIncomeInTheTruth() throws Exception {
        Period p = Period.of(2024, 2);
        Map<String, Double> paid = new HashMap<>();
        for (List<String> r : receipts.subList(1, receipts.size())) {
            if (r.get(0).equals(p.toString())) {
                paid.merge(r.get(2), Double.parseDouble(r.get(3)), Double::sum);
            }
        }
        List<String> lines = Files.readAllLines(out.resolve("truth").resolve(p.toString()).resolve("incomes.csv"));
        int checked = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            Double v = paid.get(f[1]);
            if (v != null) {
                assertThat(Double.parseDouble(f[7])).as("transfer_in of " + f[1]).isGreaterThanOrEqualTo(v - 0.005);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(paid.size() / 2);
    }
}
