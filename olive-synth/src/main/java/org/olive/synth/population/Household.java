package org.olive.synth.population;

import java.util.ArrayList;
import java.util.List;

/**
 * A registration household (户): a hukou number, an address in a village, a head and its members in order of
 * registration. The relation codes of the hukou file are derived from the true kinship links relative to the
 * head ({@link org.olive.synth.family.RelationCodes}).
 */
public final class Household {

    public final int index;
    public final String number;
    public int village;
    public int houseNo;
    public Person head;
    public final List<Person> members = new ArrayList<>(4);
    /** Utility account number (one per household). */
    public final String utilityAccount;
    /** Cached registration address and the village it was built for. */
    public String address;
    public int addressVillage = -1;
    /** True if the family holds rural collective shares (rural villages). */
    public boolean collectiveShares;

    public Household(int index, String number, int village, int houseNo, String utilityAccount) {
        this.index = index;
        this.number = number;
        this.village = village;
        this.houseNo = houseNo;
        this.utilityAccount = utilityAccount;
    }

    public void add(Person p) {
        members.add(p);
        p.household = this;
    }

    public void remove(Person p) {
        members.remove(p);
        if (p.household == this) {
            p.household = null;
        }
    }

    /** Members still registered (alive and not moved out). */
    public int registeredCount() {
        int n = 0;
        for (Person p : members) {
            if (p.registered()) {
                n++;
            }
        }
        return n;
    }
}
