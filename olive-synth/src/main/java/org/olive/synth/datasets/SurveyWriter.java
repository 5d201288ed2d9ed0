package org.olive.synth.datasets;

import java.io.IOException;
import java.util.SplittableRandom;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.family.RelationCodes;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Person;

/**
 * The household income and expenditure survey (住户收支调查) of the statistics bureau: a panel of about
 * {@value #SAMPLE_SHARE} of resident families, stratified urban/rural (at least {@value #MIN_PER_STRATUM}
 * families per stratum), each member with the calendar-year income by NBS component (the true figures: the
 * survey records income by diary), consumption and food spending. Families are drawn by a seeded hash of the
 * family anchor, so the panel is stable across years; the design weight is the stratum's resident families
 * over its sampled families. Consumption is {@value #CONSUMPTION_RATE} of DI (±15%) plus medical out-of-pocket;
 * food is {@value #ENGEL} of consumption (the Engel coefficient).
 */
public final class SurveyWriter {

    public static final double SAMPLE_SHARE = 0.01;
    public static final int MIN_PER_STRATUM = 10;
    public static final double CONSUMPTION_RATE = 0.62, ENGEL = 0.29;

    private final long seed;

    public SurveyWriter(long seed) {
        this.seed = seed;
    }

    public void survey(WriteContext c) throws IOException {
        FamilyIndex f = c.families;
        int n = c.world.persons.size();
        long[] families = new long[2];
        for (int i = 0; i < n; i++) {
            if (f.anchor[i] == i && f.familyResidents[i] > 0) {
                families[urban(c, i) ? 0 : 1]++;
            }
        }
        double[] share = new double[2];
        for (int h = 0; h < 2; h++) {
            share[h] = families[h] == 0 ? 0 : Math.min(1, Math.max(SAMPLE_SHARE, MIN_PER_STRATUM / (double) families[h]));
        }
        boolean[] sampled = new boolean[n];
        long[] sampledCount = new long[2];
        for (int i = 0; i < n; i++) {
            if (f.anchor[i] == i && f.familyResidents[i] > 0) {
                int h = urban(c, i) ? 0 : 1;
                if (draw(i) < share[h]) {
                    sampled[i] = true;
                    sampledCount[h]++;
                }
            }
        }
        RowSink s = c.open(Catalog.SURVEY);
        for (int i = 0; i < n; i++) {
            int a = f.anchor[i];
            if (a < 0 || !sampled[a] || !f.resident[i]) {
                continue;
            }
            int h = urban(c, a) ? 0 : 1;
            Person p = c.world.persons.get(i);
            Person anchor = c.world.persons.get(a);
            long wage = p.trailing(Person.WAGE);
            long business = p.trailing(Person.BUSINESS);
            long property = p.trailing(Person.PROPERTY);
            long transfer = p.trailing(Person.TRANSFER_IN) - p.trailing(Person.TRANSFER_OUT);
            long di = wage + business + property + transfer;
            SplittableRandom r = new SplittableRandom(seed ^ (p.index * 0x9E3779B97F4A7C15L) ^ c.period.year());
            long consumption = Math.max(0, Math.round(di * CONSUMPTION_RATE * (0.85 + 0.3 * r.nextDouble())));
            String hh = "DC" + c.villageCode(anchor.village).substring(6) + String.format("%06d", a % 1_000_000);
            s.text(hh);
            s.id(p.id, p.birthYear);
            s.text(p.household != null && p.household.head != null ? RelationCodes.of(p.household.head, p) : "02");
            s.text(h == 0 ? "城镇" : "乡村");
            s.text(c.villageCode(anchor.village));
            s.text(org.olive.synth.output.Text.fixed(families[h] / (double) Math.max(1, sampledCount[h]), 2));
            s.money(wage);
            s.money(business);
            s.money(property);
            s.money(transfer);
            s.moneyExact(di);
            s.money(consumption);
            s.moneyExact(Math.round(consumption * ENGEL));
            s.endRow();
        }
        c.files.close(s);
    }

    private boolean urban(WriteContext c, int anchor) {
        return c.world.county.urban(c.world.persons.get(anchor).village);
    }

    private double draw(int anchor) {
        long h = (anchor + 1L) * 0xBF58476D1CE4E5B9L ^ seed;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 29;
        return (h >>> 11) / (double) (1L << 53);
    }
}
