package org.olive.indicator;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The county's persons for the county indicators, column-wise: a {@link HouseholdSample} (families, their disposable
 * income, members' ages and weights) plus the attributes the breakdowns and the pilot indicators need — township,
 * village, urban flag, sex, age, income-monitored and family-relationship-accurate flags. The full population has
 * weight 1 per resident; a survey sample carries its design weights.
 *
 * <p>Unknown attributes are kept as such (null or a negative age) and counted in the group {@link #UNKNOWN} of a
 * breakdown; for the equivalence scale a person of unknown age counts as an adult. Build with {@link #builder()}.
 *
 * <p>Key-group memberships ({@link Breakdown#KEY_GROUP}) are kept apart from the attributes: a person may be in any
 * number of the key groups, each a list of person indices ({@link #keyGroups()}, {@link #members(int)}).
 */
public final class CountyPersons {

    /** Group code of persons whose attribute of the breakdown is unknown. */
    public static final String UNKNOWN = "UNKNOWN";
    public static final String URBAN = "URBAN";
    public static final String RURAL = "RURAL";

    private final HouseholdSample sample;
    private final String[] township;
    private final String[] village;
    private final String[] sex;
    private final byte[] urban;
    private final int[] age;
    private final boolean[] monitored;
    private final boolean[] relationshipAccurate;
    private final List<String> keyGroups;
    private final int[][] members;

    private CountyPersons(Builder b) {
        this.sample = b.households.build();
        int n = b.persons;
        this.township = Arrays.copyOf(b.township, n);
        this.village = Arrays.copyOf(b.village, n);
        this.sex = Arrays.copyOf(b.sex, n);
        this.urban = Arrays.copyOf(b.urban, n);
        this.age = Arrays.copyOf(b.age, n);
        this.monitored = Arrays.copyOf(b.monitored, n);
        this.relationshipAccurate = Arrays.copyOf(b.accurate, n);
        this.keyGroups = List.copyOf(b.keyGroups.keySet());
        this.members = new int[keyGroups.size()][];
        int g = 0;
        for (int[] list : b.keyGroups.values()) {
            // list[0] is the count; members in person order, each once
            int[] m = Arrays.copyOfRange(list, 1, 1 + list[0]);
            Arrays.sort(m);
            this.members[g++] = Arrays.stream(m).distinct().toArray();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Families, members, family DI and weights. */
    public HouseholdSample sample() {
        return sample;
    }

    public int persons() {
        return age.length;
    }

    /** The 9-digit township code, or null when unknown. */
    public String township(int p) {
        return township[p];
    }

    /** The 12-digit village code, or null when unknown. */
    public String village(int p) {
        return village[p];
    }

    /** M, F or null. */
    public String sex(int p) {
        return sex[p];
    }

    /** True urban, false rural, null unknown. */
    public Boolean urban(int p) {
        return urban[p] < 0 ? null : urban[p] == 1;
    }

    /** Age in whole years, or −1 when unknown. */
    public int age(int p) {
        return age[p];
    }

    public boolean monitored(int p) {
        return monitored[p];
    }

    public boolean relationshipAccurate(int p) {
        return relationshipAccurate[p];
    }

    /** The key groups (the groups of {@link Breakdown#KEY_GROUP}) in display order: those declared, then any other met. */
    public List<String> keyGroups() {
        return keyGroups;
    }

    /** The persons of the key group at index {@code g} of {@link #keyGroups()}, ascending, each once (a copy). */
    public int[] members(int g) {
        return members[g].clone();
    }

    int membersCount(int g) {
        return members[g].length;
    }

    int member(int g, int i) {
        return members[g][i];
    }

    /**
     * The group code of a person in a partition ({@link #UNKNOWN} when the attribute is unknown).
     *
     * @throws IllegalArgumentException for {@link Breakdown#KEY_GROUP}, which is no partition: see {@link #members(int)}
     */
    public String group(Breakdown b, int p, AgeGroups ageGroups) {
        String g = switch (b) {
            case COUNTY -> "";
            case TOWNSHIP -> township[p];
            case VILLAGE -> village[p];
            case URBAN_RURAL -> urban[p] < 0 ? null : urban[p] == 1 ? URBAN : RURAL;
            case SEX -> sex[p];
            case AGE_GROUP -> ageGroups.labelOf(age[p]);
            case KEY_GROUP -> throw new IllegalArgumentException("KEY_GROUP is no partition: a person is in any number of "
                    + "key groups (members)");
        };
        return g == null || g.isEmpty() && b != Breakdown.COUNTY ? UNKNOWN : g;
    }

    /** Adds families (with income amounts) and persons in any order; indices are 0-based in the order added. */
    public static final class Builder {
        private final HouseholdSample.Builder households = HouseholdSample.builder();
        private int persons;
        private String[] township = new String[16];
        private String[] village = new String[16];
        private String[] sex = new String[16];
        private byte[] urban = new byte[16];
        private int[] age = new int[16];
        private boolean[] monitored = new boolean[16];
        private boolean[] accurate = new boolean[16];
        private final Map<String, int[]> keyGroups = new LinkedHashMap<>(); // id → {count, person…}

        private Builder() {
        }

        /**
         * Declares the key groups (those enabled at the period) in display order: a declared group without members is
         * still a group of {@link Breakdown#KEY_GROUP}, with no persons.
         */
        public Builder keyGroups(Collection<String> ids) {
            for (String id : ids) {
                keyGroups.computeIfAbsent(id, k -> new int[9]);
            }
            return this;
        }

        /**
         * Puts a person (an index returned by {@link #addPerson}) in a key group; a group not declared is added after
         * the declared ones. The same membership given twice counts once.
         */
        public Builder addMembership(int person, String groupId) {
            if (person < 0 || person >= persons) {
                throw new IllegalArgumentException("no person " + person + " (" + persons + " added)");
            }
            if (groupId == null || groupId.isEmpty()) {
                throw new IllegalArgumentException("a key group id is required");
            }
            int[] list = keyGroups.computeIfAbsent(groupId, k -> new int[9]);
            if (list[0] + 1 == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                keyGroups.put(groupId, list);
            }
            list[++list[0]] = person;
            return this;
        }

        /** Adds a family with no income yet and returns its index. */
        public int addFamily(String id) {
            return households.addHousehold(id);
        }

        /** Adds an amount to a family's DI (negative for a loss or an outgoing transfer). */
        public Builder addIncome(int family, double amount) {
            households.addIncome(family, amount);
            return this;
        }

        /**
         * Adds a person to a family.
         *
         * @param weight               1 for the full population, the design weight for a survey sample
         * @param age                  whole years, or a negative number when unknown
         * @param sex                  M, F or null
         * @param township             9-digit township code or null
         * @param village              12-digit village code or null
         * @param urban                urban (true), rural (false) or unknown (null)
         * @param monitored            the person's income is monitored (pilot indicator 5)
         * @param relationshipAccurate the person's family relationship is accurate (pilot indicator 4)
         * @return the person's index
         */
        public int addPerson(int family, double weight, int age, String sex, String township, String village, Boolean urban,
                             boolean monitored, boolean relationshipAccurate) {
            households.addPerson(family, age < 0 ? EquivalenceScale.OECD_ADULT_AGE : age, "", weight);
            if (persons == this.age.length) {
                int n = persons * 2;
                this.township = Arrays.copyOf(this.township, n);
                this.village = Arrays.copyOf(this.village, n);
                this.sex = Arrays.copyOf(this.sex, n);
                this.urban = Arrays.copyOf(this.urban, n);
                this.age = Arrays.copyOf(this.age, n);
                this.monitored = Arrays.copyOf(this.monitored, n);
                this.accurate = Arrays.copyOf(this.accurate, n);
            }
            this.township[persons] = township;
            this.village[persons] = village;
            this.sex[persons] = sex;
            this.urban[persons] = urban == null ? -1 : urban ? (byte) 1 : 0;
            this.age[persons] = age < 0 ? -1 : age;
            this.monitored[persons] = monitored;
            this.accurate[persons] = relationshipAccurate;
            return persons++;
        }

        /** The persons; every family must have at least one person. */
        public CountyPersons build() {
            return new CountyPersons(this);
        }
    }
}
