package org.olive.synth;

import java.util.Map;
import java.util.Objects;

/**
 * How the synthetic county pays the policies of the built-in policies.yaml through the 惠民惠农财政补贴"一卡通"
 * ({@code history.Subsidies}): the one place for the take-up rates, delays, leakage and the behavioural effect, so
 * that a test or an experiment can change them and the truth ({@code truth/policy_*.csv}) follows.
 *
 * @param takeUp            per policy code, the share of the truly eligible who ever receive it: a fixed draw per
 *                          person and policy, so a person who does not take a policy up stays missed. Automatic
 *                          payments from the registers (高龄津贴, 残疾人 subsidies) are high; the ones a person must
 *                          apply for (graduate subsidy, skill bonus, start-up loan interest) lower
 * @param maxDelayMonths    a new eligible is paid from 0 to this many months after becoming eligible (the months
 *                          before are missed, not paid back)
 * @param stopLagShare      when a recipient of a monthly or yearly policy stops being eligible (dies, moves the
 *                          hukou away, the family's assistance ends), the share whose payments go on for 1–3 more
 *                          months before the department stops them: payments to the ineligible
 * @param wrongPersonShare  per month, the share of the near-eligible (a 79-year-old for 高龄津贴, a certificate
 *                          holder without an insured job for the skill bonus, a graduate at a public body for the
 *                          graduate subsidy) who are paid anyway: payments to the ineligible
 * @param skillRaiseMin     lower bound of the wage rise a skill-bonus recipient gets from the month after the
 *                          payment (the bonus pays for training that the employer rewards), a fixed draw per person
 * @param skillRaiseMax     upper bound of that rise
 * @param unknownCodeRate   per row of the disbursements, while faults are on: the code cell holds a local item name
 *                          that is no policy of the library (logged as UNKNOWN_CODE in truth/faults.csv)
 */
public record SubsidyOptions(Map<String, Double> takeUp, int maxDelayMonths, double stopLagShare,
                             double wrongPersonShare, double skillRaiseMin, double skillRaiseMax,
                             double unknownCodeRate) {

    public SubsidyOptions {
        takeUp = Map.copyOf(Objects.requireNonNull(takeUp, "takeUp"));
        takeUp.forEach((k, v) -> {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("take-up of " + k + " must be between 0 and 1, found " + v);
            }
        });
        if (maxDelayMonths < 0 || stopLagShare < 0 || stopLagShare > 1 || wrongPersonShare < 0 || wrongPersonShare > 1
                || unknownCodeRate < 0 || unknownCodeRate > 1 || skillRaiseMin < 0 || skillRaiseMax < skillRaiseMin) {
            throw new IllegalArgumentException("subsidy options out of range: " + maxDelayMonths + ", " + stopLagShare
                    + ", " + wrongPersonShare + ", " + skillRaiseMin + ".." + skillRaiseMax + ", " + unknownCodeRate);
        }
    }

    /**
     * Take-up 95 % (高龄津贴), 92 % (困难残疾人生活补贴), 90 % (重度残疾人护理补贴, 独生子女奖扶), 85 % (育儿补贴), 75 %
     * (技能提升补贴), 65 % (高校毕业生就业补贴), 60 % (创业担保贷款贴息: only those who took a guaranteed loan); delay up to
     * 2 months; 40 % of stopped recipients paid 1–3 months too long; 3 % of the near-eligible paid; a wage rise of 6–8 %
     * after the skill bonus; 0.3 % unknown item names.
     */
    public static SubsidyOptions defaults() {
        return new SubsidyOptions(Map.of("OLD_AGE_ALLOWANCE", 0.95, "DISABLED_LIVING", 0.92, "DISABLED_CARE", 0.90,
                "ONE_CHILD", 0.90, "CHILDCARE", 0.85, "SKILL_BONUS", 0.75, "GRADUATE_EMPLOYMENT", 0.65,
                "STARTUP_LOAN_INTEREST", 0.60), 2, 0.40, 0.03, 0.06, 0.08, 0.003);
    }

    /** The take-up of a policy (0 when the county does not pay it). */
    public double takeUp(String code) {
        return takeUp.getOrDefault(code, 0.0);
    }

    /** The same options with another wage rise after the skill bonus (0..0 for none). */
    public SubsidyOptions withSkillRaise(double min, double max) {
        return new SubsidyOptions(takeUp, maxDelayMonths, stopLagShare, wrongPersonShare, min, max, unknownCodeRate);
    }
}
