package org.olive.synth.family;

import java.util.Arrays;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * The true families and residence of the current period: for every person alive at the month end who is
 * registered or a migrant, the family anchor, whether resident (present on ≥ 183 of the trailing 365 days)
 * and the family's trailing-12-month disposable income over its resident members (domain.md §4: per-capita
 * family DI = family DI / resident members; income of members living away is outside the county and not in
 * the ledger).
 */
public final class FamilyIndex {

    /** Days of presence in the trailing 365 that make a resident. */
    public static final int RESIDENT_DAYS = 183;

    public int[] anchor = new int[0];
    public boolean[] resident = new boolean[0];
    public int[] presentDays = new int[0];
    public long[] familyIncome = new long[0];
    public int[] familyResidents = new int[0];
    public int[] familyMembers = new int[0];
    /** Each person's trailing-12-month disposable income, cents. */
    public long[] disposable = new long[0];

    public void compute(World world) {
        int n = world.persons.size();
        if (anchor.length < n) {
            int cap = Math.max(n, anchor.length * 5 / 4 + 16);
            anchor = new int[cap];
            resident = new boolean[cap];
            presentDays = new int[cap];
            familyIncome = new long[cap];
            familyResidents = new int[cap];
            familyMembers = new int[cap];
            disposable = new long[cap];
        }
        Arrays.fill(anchor, 0, n, -1);
        Arrays.fill(resident, 0, n, false);
        Arrays.fill(familyIncome, 0, n, 0);
        Arrays.fill(familyResidents, 0, n, 0);
        Arrays.fill(familyMembers, 0, n, 0);
        int last = world.lastDay();
        for (int i = 0; i < n; i++) {
            Person p = world.persons.get(i);
            if (!relevant(p, last)) {
                continue;
            }
            int a = Families.anchor(p).index;
            anchor[i] = a;
            int days = p.presentDays(last);
            presentDays[i] = days;
            resident[i] = days >= RESIDENT_DAYS;
            familyMembers[a]++;
            disposable[i] = p.trailingDisposable();
            if (resident[i]) {
                familyResidents[a]++;
                familyIncome[a] += disposable[i];
            }
        }
    }

    /** Alive at the month end and registered here or a migrant with a permit. */
    public static boolean relevant(Person p, int lastDay) {
        if (p.deathDay >= 0 && p.deathDay <= lastDay) {
            return false;
        }
        return p.registered() || p.residence == Residence.MIGRANT;
    }

    /** Per-capita family DI (cents) of person {@code i}'s family, or -1 if the family has no resident. */
    public long perCapita(int i) {
        int a = anchor[i];
        if (a < 0 || familyResidents[a] == 0) {
            return -1;
        }
        return familyIncome[a] / familyResidents[a];
    }
}
