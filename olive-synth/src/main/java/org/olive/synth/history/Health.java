package org.olive.synth.history;

import java.util.SplittableRandom;
import org.olive.synth.income.Economy;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * Medical care: routine settlements (monthly probability {@value #ROUTINE_YOUNG} under 60 and
 * {@value #ROUTINE_OLD} at 60+, mean cost {@value #ROUTINE_COST} and twice that for the elderly) and serious
 * illnesses (hazard per year rising with age, 2–8 months of treatment costing 15,000–60,000 a month). The
 * insurance fund pays {@value #FUND_SHARE_ROUTINE} of routine and {@value #FUND_SHARE_SERIOUS} of serious costs.
 * A serious illness cuts earnings while it lasts. New disabilities appear at {@value #DISABILITY_ONSET} a year.
 */
public final class Health {

    public static final double ROUTINE_YOUNG = 0.10, ROUTINE_OLD = 0.30, ROUTINE_COST = 520;
    public static final double FUND_SHARE_ROUTINE = 0.62, FUND_SHARE_SERIOUS = 0.70;
    public static final double DISABILITY_ONSET = 0.0015;

    private final World world;
    private final SplittableRandom r;

    public Health(World world) {
        this.world = world;
        this.r = world.stream(23);
    }

    public void month() {
        double g = Economy.growth(world.period);
        int first = world.today();
        for (Person p : world.persons) {
            if (!p.alive() || p.residence == Residence.GONE || p.residence == Residence.AWAY) {
                continue;
            }
            int age = p.age(first);
            long total = 0;
            long oop = 0;
            if (p.illnessMonths > 0) {
                p.illnessMonths--;
                total += p.illnessCostPerMonth;
                oop += Math.round(p.illnessCostPerMonth * (1 - FUND_SHARE_SERIOUS));
            } else {
                double hazard = age < 40 ? 0.004 : age < 60 ? 0.012 : age < 75 ? 0.028 : 0.045;
                if (r.nextDouble() < hazard / 12) {
                    p.illnessMonths = 2 + r.nextInt(7);
                    p.illnessCostPerMonth = Math.round((15_000 + r.nextInt(45_000)) * g * 100);
                    world.events.illnesses.add(p);
                    total += p.illnessCostPerMonth;
                    oop += Math.round(p.illnessCostPerMonth * (1 - FUND_SHARE_SERIOUS));
                }
            }
            if (r.nextDouble() < (age >= 60 ? ROUTINE_OLD : ROUTINE_YOUNG)) {
                double cost = ROUTINE_COST * (age >= 60 ? 2 : 1) * g * Math.exp(0.8 * gaussian() - 0.32);
                long c = Math.round(cost * 100);
                total += c;
                oop += Math.round(c * (1 - FUND_SHARE_ROUTINE));
            }
            p.mMedicalTotal = total;
            p.mMedicalOop = oop;
            if (p.disabilityGrade == 0 && r.nextDouble() < DISABILITY_ONSET / 12 * (age >= 60 ? 3 : 1)) {
                double u = r.nextDouble();
                p.disabilityGrade = u < 0.15 ? 1 : u < 0.40 ? 2 : u < 0.70 ? 3 : 4;
                p.disabilityCategory = 1 + r.nextInt(7);
                p.disabilityIssued = first + r.nextInt(28);
            }
        }
    }

    private double gaussian() {
        double u1 = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
