package org.olive.synth.livelihood;

import org.olive.synth.population.Person;

/** A sea-area aquaculture licence (水域滩涂养殖证), mostly mussel rafts. Net margin {@link #MARGIN} of output. */
public final class Licence {

    /** Net margin of aquaculture output value. */
    public static final double MARGIN = 0.45;

    public final int index;
    public final String number;
    public final Person holder;
    public final double areaMu;
    public final String species;
    public final int village;
    public long monthOutput;

    public Licence(int index, String number, Person holder, double areaMu, String species, int village) {
        this.index = index;
        this.number = number;
        this.holder = holder;
        this.areaMu = areaMu;
        this.species = species;
        this.village = village;
    }
}
