package org.olive.synth.history;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.population.Person;
import org.olive.synth.world.MonthEvents;
import org.olive.synth.world.World;

/**
 * The housing market: rental contracts that end are renewed with probability {@value #RENEW} at a rent
 * {@value #RENT_STEP} higher (a new registered contract), and newly-wed couples buy a flat with probability
 * {@value #NEWLYWEDS_BUY} (a new title in the husband's name).
 */
public final class Housing {

    public static final double RENEW = 0.75, RENT_STEP = 0.03, NEWLYWEDS_BUY = 0.25;

    private final World world;
    private final SplittableRandom r;
    private final LivelihoodAssigner jobs;

    public Housing(World world, LivelihoodAssigner jobs) {
        this.world = world;
        this.r = world.stream(37);
        this.jobs = jobs;
    }

    public void month() {
        int first = world.today();
        int last = world.lastDay();
        List<Holdings.Rental> renewals = new ArrayList<>();
        for (Holdings.Rental rt : world.rentals) {
            if (rt.end >= first && rt.end <= last && rt.landlord.alive() && r.nextDouble() < RENEW) {
                renewals.add(rt);
            }
        }
        for (Holdings.Rental rt : renewals) {
            jobs.addRental(rt.landlord, rt.property, rt.end + 1, rt.monthlyRentCents / 100.0 * (1 + RENT_STEP));
        }
        for (MonthEvents.Marriage m : world.events.marriages) {
            Person h = m.husband();
            if (!m.divorce() && h.registered() && r.nextDouble() < NEWLYWEDS_BUY) {
                world.events.properties.add(jobs.addProperty(h, 70 + r.nextInt(60), "住宅", m.day(), h.village));
            }
        }
        // contracts are registered in the month they start
        for (Holdings.Rental rt : world.rentals) {
            if (rt.start >= first && rt.start <= last) {
                world.events.rentals.add(rt);
            }
        }
    }
}
