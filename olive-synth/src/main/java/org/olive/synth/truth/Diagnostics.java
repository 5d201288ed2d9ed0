package org.olive.synth.truth;

import java.util.Locale;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.population.Person;
import org.olive.synth.world.World;

/**
 * A calibration aid: residents and mean trailing disposable income by urban/rural and livelihood, printed when
 * the system property {@code olive.synth.diagnostics} is set. It reads the simulation only; no output changes.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    public static String table(World world, FamilyIndex f) {
        int L = Livelihood.values().length;
        long[][] n = new long[2][L];
        double[][] sum = new double[2][L];
        for (int i = 0; i < world.persons.size(); i++) {
            if (f.anchor[i] < 0 || !f.resident[i]) {
                continue;
            }
            Person p = world.persons.get(i);
            int u = world.county.urban(world.persons.get(f.anchor[i]).village) ? 0 : 1;
            n[u][p.job.ordinal()]++;
            sum[u][p.job.ordinal()] += p.trailingDisposable() / 100.0;
        }
        StringBuilder sb = new StringBuilder("livelihood               urban n / mean DI      rural n / mean DI\n");
        for (Livelihood l : Livelihood.values()) {
            int k = l.ordinal();
            sb.append(String.format(Locale.ROOT, "%-22s %8d %10.0f   %8d %10.0f%n", l.name(), n[0][k],
                    n[0][k] == 0 ? 0 : sum[0][k] / n[0][k], n[1][k], n[1][k] == 0 ? 0 : sum[1][k] / n[1][k]));
        }
        return sb.toString();
    }
}
