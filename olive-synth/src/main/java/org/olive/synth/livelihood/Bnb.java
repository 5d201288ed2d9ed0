package org.olive.synth.livelihood;

import org.olive.synth.population.Person;

/**
 * A B&amp;B (民宿), run as an individual business. Grades follow the county's 1:2:7 structure (精品 : 主题 : 普通)
 * with 2022 room prices {@link #PRICE_2022}. Occupancy follows the tourist season; the owner's net business
 * income is {@link #MARGIN} of revenue.
 */
public final class Bnb {

    public static final String[] GRADES = {"精品", "主题", "普通"};
    /** Average room price per night in 2022 by grade, yuan. */
    public static final double[] PRICE_2022 = {880, 520, 330};
    /** Net margin of revenue. */
    public static final double MARGIN = 0.42;

    public final int index;
    public final String number;
    public final String name;
    public final Entity entity;
    public final Person owner;
    public final int village;
    public final int rooms;
    public final int beds;
    public final int grade;
    public int roomNights;
    public long revenue;
    public int closed = -1;

    public Bnb(int index, String number, String name, Entity entity, Person owner, int village, int rooms, int beds,
               int grade) {
        this.index = index;
        this.number = number;
        this.name = name;
        this.entity = entity;
        this.owner = owner;
        this.village = village;
        this.rooms = rooms;
        this.beds = beds;
        this.grade = grade;
    }
}
