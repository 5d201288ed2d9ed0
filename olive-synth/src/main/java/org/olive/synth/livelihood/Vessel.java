package org.olive.synth.livelihood;

import java.util.ArrayList;
import java.util.List;
import org.olive.synth.population.Person;

/**
 * A fishing vessel: owner, crew and monthly catch. During the moratorium (休渔期, May–September) it stays in
 * port and catches nothing. Of the catch value, {@link #CREW_SHARE} goes to the crew as shares and
 * {@link #COST_SHARE} to fuel, ice and repairs; the owner keeps the rest as net business income.
 */
public final class Vessel {

    /** Share of the catch value paid to the crew. */
    public static final double CREW_SHARE = 0.45;
    /** Share of the catch value spent on running costs. */
    public static final double COST_SHARE = 0.38;

    public final int index;
    public final String number;
    public final Person owner;
    public final int powerKw;
    public final String gear;
    public final int village;
    public final List<Person> crew = new ArrayList<>();
    public long monthCatch;

    public Vessel(int index, String number, Person owner, int powerKw, String gear, int village) {
        this.index = index;
        this.number = number;
        this.owner = owner;
        this.powerKw = powerKw;
        this.gear = gear;
        this.village = village;
    }
}
