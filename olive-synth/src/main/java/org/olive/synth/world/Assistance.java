package org.olive.synth.world;

import org.olive.synth.population.Person;

/** A social-assistance spell of one person (社会救助): type, current monthly amount, start and end. */
public final class Assistance {

    public final Person person;
    public final String familyNo;
    public final String type;
    public long monthlyCents;
    public final int start;
    public int end = -1;

    public Assistance(Person person, String familyNo, String type, long monthlyCents, int start) {
        this.person = person;
        this.familyNo = familyNo;
        this.type = type;
        this.monthlyCents = monthlyCents;
        this.start = start;
    }
}
