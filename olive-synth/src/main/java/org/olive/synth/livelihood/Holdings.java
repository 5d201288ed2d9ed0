package org.olive.synth.livelihood;

import org.olive.synth.population.Person;

/** Small records of assets and entitlements: property titles, rental contracts, skill certificates. */
public final class Holdings {

    private Holdings() {
    }

    /** A registered property title. */
    public record Property(String id, Person owner, double areaM2, String use, int registeredDay, int village) {
    }

    /** A registered rental contract; the rent is property income of the landlord. */
    public static final class Rental {
        public final String number;
        public final Person landlord;
        public final Property property;
        public final long monthlyRentCents;
        public final int start;
        public final int end;
        /** Whether the landlord declares the rent for income tax (财产租赁所得). */
        public final boolean declared;

        public Rental(String number, Person landlord, Property property, long monthlyRentCents, int start, int end,
                      boolean declared) {
            this.number = number;
            this.landlord = landlord;
            this.property = property;
            this.monthlyRentCents = monthlyRentCents;
            this.start = start;
            this.end = end;
            this.declared = declared;
        }
    }

    /** A vocational skill certificate. */
    public record Certificate(String number, Person holder, String occupation, int level, int issued) {
    }
}
