package org.olive.indicator;

import java.util.Arrays;

/**
 * A weighted sample of persons in households with each household's disposable income (DI), held column-wise so a
 * million persons fit in a few arrays. Any survey can be expressed this way, not only Olive's own ledger.
 *
 * <p>Household DI is the sum of its income amounts (person-level and household-level alike, outgoing transfers
 * already negative). Every person carries their household's income divided by the household's equivalent size
 * ({@link #equivalisedIncomes(EquivalenceScale)}). Persons are weighted individually; an area is a person's
 * attribute, used only to break the indicators down.
 *
 * <p>Build one with {@link #builder()}. Instances are immutable.
 */
public final class HouseholdSample {

    private final String[] householdIds;
    private final double[] householdIncome;
    private final int[] householdMembers;
    private final int[] householdAdults;
    private final int[] personHousehold;
    private final int[] personAge;
    private final double[] personWeight;
    private final String[] personArea;

    private HouseholdSample(Builder b) {
        this.householdIds = Arrays.copyOf(b.householdIds, b.households);
        this.householdIncome = Arrays.copyOf(b.householdIncome, b.households);
        this.personHousehold = Arrays.copyOf(b.personHousehold, b.persons);
        this.personAge = Arrays.copyOf(b.personAge, b.persons);
        this.personWeight = Arrays.copyOf(b.personWeight, b.persons);
        this.personArea = Arrays.copyOf(b.personArea, b.persons);
        this.householdMembers = new int[b.households];
        this.householdAdults = new int[b.households];
        for (int p = 0; p < personHousehold.length; p++) {
            int h = personHousehold[p];
            householdMembers[h]++;
            if (personAge[p] >= EquivalenceScale.OECD_ADULT_AGE) {
                householdAdults[h]++;
            }
        }
        for (int h = 0; h < householdMembers.length; h++) {
            if (householdMembers[h] == 0) {
                throw new IllegalArgumentException("household " + householdIds[h] + " has no members");
            }
        }
        if (personHousehold.length == 0) {
            throw new IllegalArgumentException("the sample has no persons");
        }
    }

    /** A builder adding households, persons and income amounts in any order. */
    public static Builder builder() {
        return new Builder();
    }

    public int persons() {
        return personHousehold.length;
    }

    public int households() {
        return householdIds.length;
    }

    public String householdId(int household) {
        return householdIds[household];
    }

    /** The household (0-based index) a person belongs to. */
    public int household(int person) {
        return personHousehold[person];
    }

    public double weight(int person) {
        return personWeight[person];
    }

    public String area(int person) {
        return personArea[person];
    }

    public int age(int person) {
        return personAge[person];
    }

    /** A household's disposable income: the sum of its amounts. */
    public double householdIncome(int household) {
        return householdIncome[household];
    }

    public int members(int household) {
        return householdMembers[household];
    }

    /** The person weights, in person order (a copy). */
    public double[] weights() {
        return personWeight.clone();
    }

    /** Each person's household DI divided by the household's equivalent size on the given scale. */
    public double[] equivalisedIncomes(EquivalenceScale scale) {
        double[] size = new double[householdIds.length];
        for (int h = 0; h < size.length; h++) {
            size[h] = scale.size(householdMembers[h], householdAdults[h]);
        }
        double[] out = new double[personHousehold.length];
        for (int p = 0; p < out.length; p++) {
            int h = personHousehold[p];
            out[p] = householdIncome[h] / size[h];
        }
        return out;
    }

    /** Each person's household DI (the whole family's income, not divided). */
    public double[] familyIncomes() {
        double[] out = new double[personHousehold.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = householdIncome[personHousehold[p]];
        }
        return out;
    }

    /** Collects a sample; household and person indices are 0-based in the order added. */
    public static final class Builder {
        private String[] householdIds = new String[16];
        private double[] householdIncome = new double[16];
        private int households;
        private int[] personHousehold = new int[16];
        private int[] personAge = new int[16];
        private double[] personWeight = new double[16];
        private String[] personArea = new String[16];
        private int persons;

        private Builder() {
        }

        /** Adds a household with no income yet and returns its index. */
        public int addHousehold(String id) {
            if (households == householdIds.length) {
                householdIds = Arrays.copyOf(householdIds, households * 2);
                householdIncome = Arrays.copyOf(householdIncome, households * 2);
            }
            householdIds[households] = id;
            return households++;
        }

        /**
         * Adds a person to a household.
         *
         * @param weight the person's design weight, finite and positive
         */
        public int addPerson(int household, int age, String area, double weight) {
            checkHousehold(household);
            if (age < 0) {
                throw new IllegalArgumentException("age must not be negative: " + age);
            }
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new IllegalArgumentException("weight must be a finite positive number: " + weight);
            }
            if (persons == personHousehold.length) {
                int n = persons * 2;
                personHousehold = Arrays.copyOf(personHousehold, n);
                personAge = Arrays.copyOf(personAge, n);
                personWeight = Arrays.copyOf(personWeight, n);
                personArea = Arrays.copyOf(personArea, n);
            }
            personHousehold[persons] = household;
            personAge[persons] = age;
            personWeight[persons] = weight;
            personArea[persons] = area;
            return persons++;
        }

        /** Adds an amount (negative for an outgoing transfer or a loss) to a household's DI. */
        public Builder addIncome(int household, double amount) {
            checkHousehold(household);
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException("income amount must be finite: " + amount);
            }
            householdIncome[household] += amount;
            return this;
        }

        private void checkHousehold(int household) {
            if (household < 0 || household >= households) {
                throw new IllegalArgumentException("no household with index " + household);
            }
        }

        /** The sample; every household must have at least one person. */
        public HouseholdSample build() {
            return new HouseholdSample(this);
        }
    }
}
