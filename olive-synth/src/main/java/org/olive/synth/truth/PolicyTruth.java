package org.olive.synth.truth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.olive.period.Period;
import org.olive.synth.family.Families;
import org.olive.synth.history.Subsidies;
import org.olive.synth.output.OutputFiles;
import org.olive.synth.output.Text;

/**
 * The truth of the policy ledger, so that Olive's covered, missed and leakage figures and its estimate of a policy's
 * effect can be scored (plain UTF-8 CSV, English headers, yuan with two decimals):
 * <ul>
 *   <li>{@code truth/policy_eligibility.csv}: period, policy_code, person_id, amount — every truly eligible person
 *       (the payee of the policy) at every written period, with the amount due at the policy's frequency (a month's
 *       payment of a monthly policy, the year's of a yearly one, the one-off sum);</li>
 *   <li>{@code truth/policy_receipts.csv}: period, policy_code, person_id, amount, eligible (true/false) — what was
 *       truly paid, before faults: payments to the ineligible (after death or the end of the condition, to
 *       near-eligible people) are {@code false};</li>
 *   <li>{@code truth/policy_effects.csv}: policy_code, effect_12m, treated_families, definition — the true average
 *       effect of a payment on the recipient family's disposable income over the 12 months after it, beyond the
 *       payment itself (SKILL_BONUS: the wage rise; OLD_AGE_ALLOWANCE and CHILDCARE: none, 0);</li>
 *   <li>{@code truth/policy_effect_families.csv}: policy_code, person_id, family_id, paid_period, effect_12m — each
 *       treated family of the effect's average.</li>
 * </ul>
 */
public final class PolicyTruth {

    /** What effect_12m means, written into the file. */
    public static final String SKILL_DEFINITION = "mean over skill-bonus recipients first paid in a written period and "
            + "followed 12 months of the sum over the 12 months after the payment month of (family disposable income "
            + "with the wage rise - the same family without it): the recipient's gross wage less personal social "
            + "insurance, housing fund and withheld tax, recomputed on the tax year's cumulation without the rise; "
            + "everything else the same; the bonus itself excluded";
    public static final String NO_EFFECT_DEFINITION = "no behavioural effect is simulated: the family's income "
            + "changes only by the payment itself";

    private final BufferedWriter eligibility;
    private final BufferedWriter receipts;
    private final Path dir;
    private long eligibilityRows;
    private long receiptRows;
    private final Set<String> oldAgeFamilies = new LinkedHashSet<>();
    private final Set<String> childcareFamilies = new LinkedHashSet<>();

    public PolicyTruth(Path out) throws IOException {
        dir = out.resolve("truth");
        Files.createDirectories(dir);
        eligibility = Files.newBufferedWriter(dir.resolve("policy_eligibility.csv"), StandardCharsets.UTF_8);
        receipts = Files.newBufferedWriter(dir.resolve("policy_receipts.csv"), StandardCharsets.UTF_8);
        eligibility.write("period,policy_code,person_id,amount\n");
        receipts.write("period,policy_code,person_id,amount,eligible\n");
    }

    /** The month's eligibility and payments of a written period. */
    public void month(Period period, Subsidies subsidies) throws IOException {
        String p = period.toString();
        for (Subsidies.Entitlement e : subsidies.eligible()) {
            eligibility.write(p + "," + e.policy().name() + "," + e.person().id + "," + Text.money(e.cents()) + "\n");
            eligibilityRows++;
        }
        for (Subsidies.Payment x : subsidies.payments()) {
            receipts.write(p + "," + x.policy().name() + "," + x.person().id + "," + Text.money(x.cents()) + ","
                    + x.eligible() + "\n");
            receiptRows++;
            if (x.eligible() && x.policy() == Subsidies.Policy.OLD_AGE_ALLOWANCE) {
                oldAgeFamilies.add(Families.familyId(Families.anchor(x.person())));
            } else if (x.eligible() && x.policy() == Subsidies.Policy.CHILDCARE) {
                childcareFamilies.add(Families.familyId(Families.anchor(x.person())));
            }
        }
    }

    /** The effect of the skill bonus: the treated first paid at or after {@code from} and followed 12 months. */
    public static List<Subsidies.Treated> followed(Subsidies subsidies, Period from) {
        return subsidies.effects().stream().filter(t -> t.months == 12 && t.paidPeriod.compareTo(from.toString()) >= 0)
                .toList();
    }

    /** Mean 12-month effect in cents of the followed treated (0 when none). */
    public static long meanEffect(List<Subsidies.Treated> followed) {
        if (followed.isEmpty()) {
            return 0;
        }
        long s = 0;
        for (Subsidies.Treated t : followed) {
            s += t.total();
        }
        return Math.round(s / (double) followed.size());
    }

    /** Closes the monthly files and writes the effects; registers the files in the manifest. */
    public void finish(Subsidies subsidies, Period from, OutputFiles files) throws IOException {
        eligibility.close();
        receipts.close();
        List<Subsidies.Treated> followed = followed(subsidies, from);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("policy_effect_families.csv"), StandardCharsets.UTF_8)) {
            w.write("policy_code,person_id,family_id,paid_period,effect_12m\n");
            for (Subsidies.Treated t : followed) {
                w.write("SKILL_BONUS," + t.person.id + "," + t.familyId + "," + t.paidPeriod + "," + Text.money(t.total())
                        + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("policy_effects.csv"), StandardCharsets.UTF_8)) {
            w.write("policy_code,effect_12m,treated_families,definition\n");
            w.write(String.format(Locale.ROOT, "SKILL_BONUS,%s,%d,\"%s\"\n", Text.money(meanEffect(followed)),
                    followed.size(), SKILL_DEFINITION));
            w.write(String.format(Locale.ROOT, "OLD_AGE_ALLOWANCE,0.00,%d,\"%s\"\n", oldAgeFamilies.size(),
                    NO_EFFECT_DEFINITION));
            w.write(String.format(Locale.ROOT, "CHILDCARE,0.00,%d,\"%s\"\n", childcareFamilies.size(),
                    NO_EFFECT_DEFINITION));
        }
        files.registerOther("truth/policy_eligibility", "", dir.resolve("policy_eligibility.csv"),
                "truth/policy_eligibility.csv", eligibilityRows);
        files.registerOther("truth/policy_receipts", "", dir.resolve("policy_receipts.csv"),
                "truth/policy_receipts.csv", receiptRows);
        files.registerOther("truth/policy_effects", "", dir.resolve("policy_effects.csv"), "truth/policy_effects.csv", 3);
        files.registerOther("truth/policy_effect_families", "", dir.resolve("policy_effect_families.csv"),
                "truth/policy_effect_families.csv", followed.size());
    }
}
