package org.olive.synth.crossing;

import java.util.SplittableRandom;
import org.olive.period.Period;
import org.olive.synth.income.Economy;
import org.olive.synth.world.MonthEvents;
import org.olive.synth.world.World;

/**
 * Tourist visits: {@code touristVisitsPerYear} spread over the months by the tourism index (summer peak,
 * holidays, the typhoon dip), each to a township by its tourist share, arriving through the township's
 * terminal (more on Fridays and Saturdays) and staying 0–5 nights (day trips {@value #DAY_TRIP_SHARE}). A
 * visitor is drawn from a pool of {@value #POOL_FACTOR}× the yearly visits, so some come back. Departures
 * after the month end are carried to the next month. The month's arrivals, overnight visitors and nights by
 * township feed the tourism dataset, so that it agrees with the crossings.
 */
public final class TouristFlow {

    public static final double DAY_TRIP_SHARE = 0.22;
    public static final int POOL_FACTOR = 4;
    private static final double[] NIGHTS = {0.22, 0.38, 0.28, 0.09, 0.02, 0.01};

    private final World world;
    private final int visitsPerYear;
    private final SplittableRandom r;
    private final double indexSum;
    private long[] carry = new long[1024];
    private int carryCount;
    private long[] next = new long[1024];
    private int nextCount;

    public TouristFlow(World world, int visitsPerYear) {
        this.world = world;
        this.visitsPerYear = visitsPerYear;
        this.r = world.stream(11);
        double s = 0;
        for (double t : Economy.TOURISM) {
            s += t;
        }
        this.indexSum = s;
    }

    public void month(CrossingBuffer out, MonthEvents ev) {
        Period p = world.period;
        int days = p.month().lengthOfMonth();
        int monthSeconds = days * 86400;
        // departures carried from last month
        for (int i = 0; i < carryCount; i += 2) {
            out.add(carry[i], false, true, (int) (carry[i + 1] >>> 40), carry[i + 1] & CrossingBuffer.REF_MASK);
        }
        nextCount = 0;
        long visits = Math.round(visitsPerYear * Economy.tourism(p) / indexSum);
        var county = world.county;
        int nt = county.townships().size();
        double[] share = new double[nt];
        double sum = 0;
        for (int t = 0; t < nt; t++) {
            sum += county.island(t).touristShare();
            share[t] = sum;
        }
        int firstDow = p.firstDay().getDayOfWeek().getValue();
        long pool = Math.max(1, (long) visitsPerYear * POOL_FACTOR);
        for (long v = 0; v < visits; v++) {
            double u = r.nextDouble() * sum;
            int t = 0;
            while (t < nt - 1 && share[t] < u) {
                t++;
            }
            int port = county.portIndexOfTownship(t);
            long ref = (long) (r.nextDouble() * pool);
            int day = arrivalDay(days, firstDow);
            int nights = nights();
            int arrive = day * 86400 + (nights == 0 ? 7 * 3600 + r.nextInt(4 * 3600) : 8 * 3600 + r.nextInt(7 * 3600));
            int leave = (day + nights) * 86400 + (nights == 0 ? 14 * 3600 + r.nextInt(3 * 3600) + 1800 : 9 * 3600 + r.nextInt(8 * 3600));
            out.add(arrive, true, true, port, ref);
            if (leave < monthSeconds) {
                out.add(leave, false, true, port, ref);
            } else {
                addNext(leave - monthSeconds, port, ref);
            }
            ev.touristArrivals[t]++;
            if (nights > 0) {
                ev.touristOvernight[t]++;
                ev.touristNights[t] += nights;
            }
        }
        long[] tmp = carry;
        carry = next;
        next = tmp;
        carryCount = nextCount;
    }

    private void addNext(long second, int port, long ref) {
        if (nextCount + 2 > next.length) {
            next = java.util.Arrays.copyOf(next, next.length * 2);
        }
        next[nextCount++] = second;
        next[nextCount++] = ((long) port << 40) | ref;
    }

    private int arrivalDay(int days, int firstDow) {
        while (true) {
            int d = r.nextInt(days);
            int dow = (firstDow - 1 + d) % 7 + 1;
            double w = dow == 5 || dow == 6 ? 1.0 : 0.55;
            if (r.nextDouble() < w) {
                return d;
            }
        }
    }

    private int nights() {
        double u = r.nextDouble();
        for (int i = 0; i < NIGHTS.length; i++) {
            if ((u -= NIGHTS[i]) < 0) {
                return i;
            }
        }
        return 1;
    }
}
