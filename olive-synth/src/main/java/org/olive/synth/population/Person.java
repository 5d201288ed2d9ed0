package org.olive.synth.population;

import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Livelihood;

/**
 * One simulated person: identity, kinship links, registration, residence, livelihood, and the rolling
 * ledgers (presence days and monthly income) from which the ground truth is computed. Mutable and kept in a
 * list in creation order; nothing iterates hash maps.
 */
public final class Person {

    /** Income components of the truth ledger. */
    public static final int WAGE = 0, BUSINESS = 1, PROPERTY = 2, TRANSFER_IN = 3, TRANSFER_OUT = 4, COMPONENTS = 5;

    public final int index;
    public final String id;
    public final String name;
    public final boolean male;
    public final int birthDay;
    public final int birthYear;
    /** 6-digit address code of the ID: 330922 for natives, elsewhere for migrants and married-in spouses. */
    public final String origin;
    public String ethnicity = "01";

    public Household household;
    /** Village index: registration village, or for migrants the village of residence. */
    public int village;
    public int previousVillage = -1;
    public Person spouse;
    public Person father;
    public Person mother;
    /** GB/T 2261.2 marital status: 10, 20, 30, 40. */
    public int marital = 10;
    /** GB/T 4658 education code. */
    public int education = 90;
    public Residence residence = Residence.LOCAL;
    public int deathDay = -1;
    public int moveOutDay = -1;
    /** Migrants: residence-permit registration and end dates. */
    public int permitStart = -1;
    public int permitEnd = -1;
    public String migrationReason = "务工";
    /** Has grown-up children registered and living elsewhere (not simulated), who support and remit. */
    public boolean childrenElsewhere;
    /** Seasonal migrants are present only in their season (months bitmask, bit m-1 for month m). */
    public int seasonMonths = 0xFFF;

    public Livelihood job = Livelihood.NONE;
    public Entity employer;
    public String occupation = "";
    public String industry = "";
    /** Person's earnings level factor (log-normal, mean one within the livelihood). */
    public double level = 1;
    /** Formal employment: social insurance, withholding and (for some) housing fund. */
    public boolean formal;
    public boolean housingFund;
    public boolean flexibleInsurance;
    /** Pension per month in 2022 yuan, or 0. */
    public double pension;
    public int pensionType;
    /** Months of unemployment benefit left. */
    public int benefitMonths;
    public int disabilityGrade;
    public int disabilityCategory;
    public int disabilityIssued;
    /** Index of the platform for platform workers, of the vessel/licence/B&B for those livelihoods. */
    public int assetIndex = -1;
    /**
     * Truth of the key groups (GroupTruth): 12-month rings of the months with platform income and with fishery
     * activity, bit 0 the current month, bit 11 eleven months ago.
     */
    public int platformMonths;
    public int fisheryMonths;
    /** Student details: level code index and enrolment day, or graduation day. */
    public int schoolLevel = -1;
    public int enrolledDay = -1;
    public int graduatedDay = -1;
    public String graduationStatus = "";
    /**
     * Education fees paid this month (学杂费, cents; set by {@code history.SchoolFees}): tuition (学费 / 保教费),
     * accommodation (住宿费) and other fees (伙食费, 代办费, 教材费), and the day paid; and the 12-month ring of the
     * totals paid, indexed like the income ledger's month slots.
     */
    public long mTuition, mAccommodation, mOtherFees;
    public int mFeeDay = -1;
    public final int[] educationFees = new int[12];
    /** Serious illness: months of treatment left and its monthly cost in cents. */
    public int illnessMonths;
    public long illnessCostPerMonth;
    /** Persistent data-entry fault: coded 10 配偶 in the hukou. */
    public boolean spouseCodeFault;
    /** Dead but left listed as normal in the hukou (fault). */
    public boolean deadButListed;
    /** Income tax withheld so far this calendar year (cents) and cumulative taxable wages (cents). */
    public long taxYtd;
    public long taxableYtd;
    /**
     * The wage rise after a skill bonus (history.Subsidies; 1 = none), the tax year's cumulation without it, and this
     * month's gain in net pay from it (cents): the truth of the policy's effect is computed against the same person
     * without the rise.
     */
    public double wageRaise = 1;
    public long cfTaxYtd, cfTaxableYtd;
    public long mRaiseGain;

    // ---- figures of the current month, in cents; set by the income model and read by the writers ----
    public boolean mPresentAllMonth;
    public long mGross, mSiBase, mSiPersonal, mSiEmployer, mHfBase, mHfPersonal, mTax;
    public long mBusiness, mPlatform, mCrewShare, mPension, mUnemployment, mAssistance;
    public int mOrders;
    /** Policy payments received this month through the 一卡通 (history.Subsidies), cents; transfer income. */
    public long mSubsidy;
    public long mDividend, mDividendTax, mRent, mRentTax, mMedicalTotal, mMedicalOop, mInterest, mRemittance;

    /** Clears the month figures. */
    public void clearMonthFigures() {
        mGross = mSiBase = mSiPersonal = mSiEmployer = mHfBase = mHfPersonal = mTax = 0;
        mBusiness = mPlatform = mCrewShare = mPension = mUnemployment = mAssistance = 0;
        mOrders = 0;
        mDividend = mDividendTax = mRent = mRentTax = mMedicalTotal = mMedicalOop = mInterest = mRemittance = 0;
        mRaiseGain = 0;
        mSubsidy = 0;
    }

    /** Presence ring: bit (day &amp; 511) set when on the islands at some time that day. */
    public final long[] presence = new long[8];
    /** On the islands at the current moment of the simulation (start of the month being simulated). */
    public boolean inCounty;
    /** A residence change this month: day and whether it is an arrival (true) or a departure (false). */
    public int transitionDay = -1;
    public boolean transitionIn;
    /** Hukou number and relation code when the person left the hukou (death or move-out), for the listing. */
    public Household lastHousehold;
    public String lastRelation = "";
    /** Pending return crossing (epoch second) when off the islands, or -1. */
    public long returnAt = -1;
    public boolean pendingIn;
    /** Monthly income ring: 12 months × 5 components, cents. */
    public final int[] ledger = new int[12 * COMPONENTS];

    public Person(int index, String id, String name, boolean male, int birthDay, int birthYear, String origin) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.male = male;
        this.birthDay = birthDay;
        this.birthYear = birthYear;
        this.origin = origin;
    }

    public boolean alive() {
        return deathDay < 0;
    }

    /** Holds the county's hukou: alive, not moved out, and in a household. */
    public boolean registered() {
        return deathDay < 0 && moveOutDay < 0 && household != null;
    }

    /** Age in whole years on a day. */
    public int age(int day) {
        return (int) ((day - birthDay) / 365.2425);
    }

    public boolean married() {
        return spouse != null;
    }

    public boolean isMigrant() {
        return residence == Residence.MIGRANT;
    }

    // ---- presence ----

    public void setPresent(int day, boolean present) {
        int b = day & 511;
        if (present) {
            presence[b >>> 6] |= 1L << (b & 63);
        } else {
            presence[b >>> 6] &= ~(1L << (b & 63));
        }
    }

    /** Days present between two days, both included (at most 512 days apart). */
    public int presentDaysBetween(int firstDay, int lastDay) {
        int n = 0;
        int d = firstDay;
        while (d <= lastDay) {
            int b = d & 511;
            int bit = b & 63;
            int take = Math.min(64 - bit, lastDay - d + 1);
            long mask = take == 64 ? -1L : ((1L << take) - 1) << bit;
            n += Long.bitCount(presence[b >>> 6] & mask);
            d += take;
        }
        return n;
    }

    /** Days present in the 365 days ending with {@code lastDay}. */
    public int presentDays(int lastDay) {
        return presentDaysBetween(lastDay - 364, lastDay);
    }

    // ---- income ledger ----

    public void book(int monthSlot, int component, long cents) {
        ledger[monthSlot * COMPONENTS + component] += (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, cents));
    }

    public void clearMonth(int monthSlot) {
        java.util.Arrays.fill(ledger, monthSlot * COMPONENTS, monthSlot * COMPONENTS + COMPONENTS, 0);
    }

    public long month(int monthSlot, int component) {
        return ledger[monthSlot * COMPONENTS + component];
    }

    /** Trailing-12-month total of a component, cents. */
    public long trailing(int component) {
        long s = 0;
        for (int m = 0; m < 12; m++) {
            s += ledger[m * COMPONENTS + component];
        }
        return s;
    }

    /** Education fees paid in the trailing 12 months, cents. */
    public long trailingEducation() {
        long s = 0;
        for (int v : educationFees) {
            s += v;
        }
        return s;
    }

    /** Trailing-12-month disposable income, cents. */
    public long trailingDisposable() {
        return trailing(WAGE) + trailing(BUSINESS) + trailing(PROPERTY) + trailing(TRANSFER_IN) - trailing(TRANSFER_OUT);
    }
}
