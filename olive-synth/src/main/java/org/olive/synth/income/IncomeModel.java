package org.olive.synth.income;

import java.util.SplittableRandom;
import org.olive.period.Period;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.livelihood.Entity;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.Licence;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.livelihood.Vessel;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.Assistance;
import org.olive.synth.world.World;

/**
 * Computes every person's income of the month by the national disposable-income components (domain.md §4) and
 * books them in the truth ledger; the month figures stay on the person for the departmental writers.
 *
 * <ul>
 *   <li>Wages: employees' gross pay with a year-end bonus in December ({@value #BONUS_PUBLIC} months in the
 *       public sector, {@value #BONUS_ENTERPRISE} elsewhere), tourism wages following the season, fishing crew
 *       shares, platform pay and informal piece-work (which leaves no record).</li>
 *   <li>Net business: vessel owners (catch less crew shares and costs), mussel farmers (output × margin), B&amp;B
 *       owners (revenue × margin), individual businesses.</li>
 *   <li>Net property: registered rents, SME owners' dividends (December), village collective dividends
 *       (December, rural hukou members), and unrecorded interest on savings.</li>
 *   <li>Transfers in: pensions, unemployment benefit, social assistance, and unrecorded remittances from
 *       children living away to parents of 60+.</li>
 *   <li>Transfers out: income tax, personal social-insurance and housing-fund contributions.</li>
 * </ul>
 * Illness cuts earnings to {@value #ILL_EARNINGS} of normal while it lasts.
 */
public final class IncomeModel {

    public static final double BONUS_PUBLIC = 1.5, BONUS_ENTERPRISE = 1.0;
    public static final double ILL_EARNINGS = 0.3;
    /** Base B&amp;B room occupancy over the year. */
    public static final double BNB_OCCUPANCY = 0.36;
    /** Net margin of an individual business on revenue (for the yearly report). */
    public static final double INDIVIDUAL_MARGIN = 0.22;
    /** SME owner's monthly salary from the own firm, 2022. */
    public static final double SME_SALARY = 8000;
    /** Unrecorded interest per adult per month, working age and 60+, 2022. */
    public static final double INTEREST_ADULT = 90, INTEREST_ELDERLY = 160;
    /** Unrecorded remittance from children living away, per month, 2022. */
    public static final double REMITTANCE = 300;
    /** Orders per yuan of platform pay, by platform kind (delivery, ride-hailing, courier, live streaming). */
    private static final double[] YUAN_PER_ORDER = {7.5, 28, 2.6, 350};
    private static final double CATCH_SUM;

    static {
        double s = 0;
        for (double c : Economy.CATCH) {
            s += c;
        }
        CATCH_SUM = s;
    }

    private final World world;
    private final SplittableRandom r;

    public IncomeModel(World world) {
        this.world = world;
        this.r = world.stream(5);
    }

    public void month() {
        Period p = world.period;
        int slot = world.slot();
        double g = Economy.growth(p);
        for (Person x : world.persons) {
            x.clearMonth(slot);
            x.clearMonthFigures();
        }
        for (Entity e : world.entities) {
            if (p.monthValue() == 1) {
                e.revenueYear = 0;
                e.profitYear = 0;
            }
        }
        fishing(p, g, slot);
        aquaculture(p, g, slot);
        bnbs(p, g, slot);
        int day = world.today();
        boolean december = p.monthValue() == 12;
        markParentsOfAway(day);
        for (Person x : world.persons) {
            if (!x.alive() || x.residence == Residence.GONE) {
                continue;
            }
            boolean here = x.residence == Residence.LOCAL
                    || (x.residence == Residence.MIGRANT && (x.seasonMonths & (1 << (p.monthValue() - 1))) != 0);
            if (x.residence == Residence.AWAY || !here) {
                if (x.registered() && december && x.household.collectiveShares) {
                    villageDividend(x, g, slot);
                }
                continue;
            }
            earnings(x, p, g, slot, december);
            transfers(x, p, g, slot, day);
            if (x.registered() && december && x.household.collectiveShares) {
                villageDividend(x, g, slot);
            }
        }
        rents(p, slot);
        assistance(slot);
    }

    private double ill(Person x) {
        return x.illnessMonths > 0 ? ILL_EARNINGS : 1;
    }

    private void earnings(Person x, Period p, double g, int slot, boolean december) {
        Livelihood job = x.job;
        double f = ill(x);
        switch (job) {
            case CIVIL_SERVANT, TEACHER, HEALTH_WORKER, PORT_WORKER, SHIPPING_CREW, EMPLOYEE, TOURISM_WORKER -> {
                double bonus = job.publicSector() ? BONUS_PUBLIC : BONUS_ENTERPRISE;
                double regular = job.annual2022() * x.level * g / (12 + bonus);
                if (job == Livelihood.TOURISM_WORKER) {
                    regular *= 0.75 + 0.25 * Economy.tourism(p);
                }
                // a wage rise after training (the skill bonus, history.Subsidies): the counterfactual without it is
                // kept for the truth of the policy's effect
                double raise = x.wageRaise;
                double pay = regular * raise * f + (december ? regular * raise * bonus : 0);
                wage(x, pay, regular * raise, g, slot, p, job.publicSector() || job == Livelihood.PORT_WORKER
                        || job == Livelihood.SHIPPING_CREW, raise);
                if (x.employer != null) {
                    x.employer.revenueYear += Math.round(pay * 100 * 2.2);
                    x.employer.profitYear += Math.round(pay * 100 * 0.18);
                }
            }
            case SME_OWNER -> {
                double salary = SME_SALARY * g;
                wage(x, salary, salary, g, slot, p, false, 1);
                double profit = Math.max(0, job.annual2022() * x.level * g - SME_SALARY * 12 * g) / 12;
                Entity e = x.employer;
                if (e != null) {
                    e.profitYear += Math.round(profit * 100);
                    e.revenueYear += Math.round((profit + salary) * 100 / 0.12);
                }
                if (december && e != null) {
                    long div = Math.round(e.profitYear * 0.8);
                    x.mDividend = div;
                    x.mDividendTax = Math.round(div * 0.2);
                    x.book(slot, Person.PROPERTY, div);
                    x.book(slot, Person.TRANSFER_OUT, x.mDividendTax);
                }
            }
            case INDIVIDUAL_BUSINESS -> {
                String ind = x.industry;
                double season = ind.equals("6210") || ind.equals("6291") || ind.equals("5224")
                        ? 0.6 + 0.4 * Economy.tourism(p) : 1;
                long net = Math.round(job.annual2022() * x.level * g / 12 * season * f * 100);
                x.mBusiness = net;
                x.book(slot, Person.BUSINESS, net);
                if (x.employer != null) {
                    x.employer.profitYear += net;
                    x.employer.revenueYear += Math.round(net / INDIVIDUAL_MARGIN);
                }
                flexible(x, g, slot);
            }
            case PLATFORM_WORKER -> {
                int k = Math.max(0, Math.min(3, x.assetIndex));
                double season = k == 0 ? 0.7 + 0.3 * Economy.tourism(p) : 1;
                long pay = Math.round(job.annual2022() * x.level * g / 12 * season * f * 100);
                x.mPlatform = pay;
                x.mOrders = (int) Math.max(1, Math.round(pay / 100.0 / (YUAN_PER_ORDER[k] * g)));
                x.book(slot, Person.WAGE, pay);
                flexible(x, g, slot);
            }
            case INFORMAL -> {
                long pay = Math.round(job.annual2022() * x.level * g / 12 * (0.8 + 0.4 * r.nextDouble()) * f * 100);
                x.book(slot, Person.WAGE, pay);
            }
            case FISHING_CREW, VESSEL_OWNER, MUSSEL_FARMER, BNB_OWNER -> flexible(x, g, slot);
            default -> {
            }
        }
    }

    /**
     * Books a wage and, for formal employees, its social-insurance and housing-fund contributions and the cumulative
     * withholding tax. With a {@code raise} above 1 the same month is also computed without it (pay and regular pay
     * divided by the raise, on the tax year's counterfactual cumulation), and the difference in net pay is the
     * month's {@link Person#mRaiseGain}: the effect of the rise on disposable income, nothing else changed.
     */
    private void wage(Person x, double pay, double regular, double g, int slot, Period p, boolean highFund, double raise) {
        long gross = Math.round(pay * 100);
        x.mGross = gross;
        x.book(slot, Person.WAGE, gross);
        if (!x.formal) {
            x.mRaiseGain = raise == 1 ? 0 : gross - Math.round(pay / raise * 100);
            return;
        }
        if (p.monthValue() == 1) {
            x.taxYtd = 0;
            x.taxableYtd = 0;
            x.cfTaxYtd = 0;
            x.cfTaxableYtd = 0;
        }
        Deductions d = deductions(x, pay, regular, g, highFund, x.taxableYtd, x.taxYtd);
        x.mSiBase = d.siBase;
        x.mSiPersonal = d.siPersonal;
        x.mSiEmployer = d.siEmployer;
        x.mHfBase = d.hfBase;
        x.mHfPersonal = d.hfPersonal;
        x.mTax = d.tax;
        x.taxableYtd = d.taxableYtd;
        x.taxYtd = d.taxYtd;
        x.book(slot, Person.TRANSFER_OUT, x.mSiPersonal + x.mHfPersonal + x.mTax);
        if (raise == 1) {
            x.cfTaxableYtd = x.taxableYtd;
            x.cfTaxYtd = x.taxYtd;
            x.mRaiseGain = 0;
        } else {
            Deductions cf = deductions(x, pay / raise, regular / raise, g, highFund, x.cfTaxableYtd, x.cfTaxYtd);
            x.cfTaxableYtd = cf.taxableYtd;
            x.cfTaxYtd = cf.taxYtd;
            long cfGross = Math.round(pay / raise * 100);
            x.mRaiseGain = (gross - d.siPersonal - d.hfPersonal - d.tax) - (cfGross - cf.siPersonal - cf.hfPersonal - cf.tax);
        }
    }

    /** A formal wage's contributions and withholding (cents), and the tax year's cumulation after it. */
    private record Deductions(long siBase, long siPersonal, long siEmployer, long hfBase, long hfPersonal, long tax,
                              long taxableYtd, long taxYtd) {
    }

    private static Deductions deductions(Person x, double pay, double regular, double g, boolean highFund,
                                         long taxableYtd, long taxYtd) {
        double base = Math.max(Economy.SI_FLOOR * g, Math.min(Economy.SI_CAP * g, regular));
        long siBase = Math.round(base * 100);
        long siPersonal = Math.round(base * (Economy.PENSION_PERSONAL + Economy.MEDICAL_PERSONAL
                + Economy.UNEMPLOYMENT_PERSONAL) * 100);
        long siEmployer = Math.round(base * (Economy.PENSION_EMPLOYER + Economy.MEDICAL_EMPLOYER
                + Economy.UNEMPLOYMENT_EMPLOYER + Economy.INJURY_EMPLOYER) * 100);
        double hf = 0;
        long hfBase = 0;
        long hfPersonal = 0;
        if (x.housingFund) {
            double hb = Math.min(regular, 3 * Economy.SI_CAP * g / 3 * 1.5);
            hfBase = Math.round(hb * 100);
            hf = hb * (highFund ? Economy.HF_HIGH : Economy.HF_LOW);
            hfPersonal = Math.round(hf * 100);
        }
        long taxable = taxableYtd + Math.round((pay - IncomeTax.MONTHLY_DEDUCTION - siPersonal / 100.0 - hf) * 100);
        long due = Math.round(IncomeTax.annual(taxable / 100.0) * 100);
        long tax = Math.max(0, due - taxYtd);
        return new Deductions(siBase, siPersonal, siEmployer, hfBase, hfPersonal, tax, taxable, taxYtd + tax);
    }

    private void flexible(Person x, double g, int slot) {
        if (!x.flexibleInsurance) {
            return;
        }
        double base = Economy.SI_FLOOR * g;
        x.mSiBase = Math.round(base * 100);
        x.mSiPersonal = Math.round(base * (Economy.FLEXIBLE_PENSION + Economy.FLEXIBLE_MEDICAL) * 100);
        x.book(slot, Person.TRANSFER_OUT, x.mSiPersonal);
    }

    private void transfers(Person x, Period p, double g, int slot, int day) {
        int age = x.age(day);
        if (x.pension > 0 && age >= (x.male ? 60 : 55)) {
            x.mPension = Math.round(x.pension * Economy.pensionGrowth(p) * 100);
            x.book(slot, Person.TRANSFER_IN, x.mPension);
        }
        if (x.benefitMonths > 0 && x.job == Livelihood.UNEMPLOYED) {
            x.mUnemployment = Math.round(org.olive.synth.livelihood.LivelihoodAssigner.UNEMPLOYMENT_BENEFIT * g * 100);
            x.benefitMonths--;
            x.book(slot, Person.TRANSFER_IN, x.mUnemployment);
        }
        if (age >= 18) {
            x.mInterest = Math.round((age >= 60 ? INTEREST_ELDERLY : INTEREST_ADULT * Math.min(3, x.level)) * g * 100);
            x.book(slot, Person.PROPERTY, x.mInterest);
        }
        if (age >= 60 && x.registered() && hasChildAway(x)) {
            x.mRemittance = Math.round(REMITTANCE * g * 100);
            x.book(slot, Person.TRANSFER_IN, x.mRemittance);
        }
    }

    private java.util.BitSet parentOfAway = new java.util.BitSet();

    /** Marks the parents of adult children (22+) who live away and are still registered in the same hukou. */
    private void markParentsOfAway(int day) {
        parentOfAway.clear();
        for (Person c : world.persons) {
            if (c.residence == Residence.AWAY && c.household != null && day - c.birthDay >= 22 * 365.2425) {
                if (c.father != null && c.father.household == c.household) {
                    parentOfAway.set(c.father.index);
                }
                if (c.mother != null && c.mother.household == c.household) {
                    parentOfAway.set(c.mother.index);
                }
            }
        }
    }

    private boolean hasChildAway(Person x) {
        return parentOfAway.get(x.index) || x.childrenElsewhere;
    }

    /** Village collective dividend per shareholder member (cents): 250–1,850 yuan in 2022 by village. */
    public static long villageDividendPerMember(int village, double g) {
        return Math.round((250 + (village * 397L) % 1600) * g * 100);
    }

    private void villageDividend(Person x, double g, int slot) {
        long cents = villageDividendPerMember(x.village, g);
        x.mDividend += cents;
        x.book(slot, Person.PROPERTY, cents);
    }

    private void fishing(Period p, double g, int slot) {
        double idx = Economy.catchIndex(p);
        for (Vessel v : world.vessels) {
            v.monthCatch = 0;
            Person owner = v.owner;
            if (!owner.alive() || owner.job != Livelihood.VESSEL_OWNER || idx == 0) {
                continue;
            }
            double shares = 0;
            for (Person c : v.crew) {
                if (!c.alive() || c.job != Livelihood.FISHING_CREW || c.assetIndex != v.index
                        || c.residence == Residence.AWAY || c.residence == Residence.GONE) {
                    continue;
                }
                double share = Livelihood.FISHING_CREW.annual2022() * c.level * g / CATCH_SUM * idx * ill(c);
                long cents = Math.round(share * 100);
                c.mCrewShare = cents;
                c.book(slot, Person.WAGE, cents);
                shares += share;
            }
            double catchValue = shares > 0 ? shares / Vessel.CREW_SHARE
                    : Livelihood.VESSEL_OWNER.annual2022() * owner.level * g / CATCH_SUM * idx
                    / (1 - Vessel.COST_SHARE - Vessel.CREW_SHARE);
            double ownerNet = catchValue * (1 - Vessel.COST_SHARE - Vessel.CREW_SHARE) * ill(owner);
            // the owner's own skill and boat scale the catch above the crew's shares
            ownerNet *= 0.6 + 0.4 * owner.level;
            v.monthCatch = Math.round(catchValue * 100);
            long net = Math.round(ownerNet * 100);
            owner.mBusiness += net;
            owner.book(slot, Person.BUSINESS, net);
        }
    }

    private void aquaculture(Period p, double g, int slot) {
        double h = Economy.harvest(p);
        for (Licence l : world.licences) {
            l.monthOutput = 0;
            Person x = l.holder;
            if (!x.alive() || x.job != Livelihood.MUSSEL_FARMER || x.assetIndex != l.index) {
                continue;
            }
            double output = Livelihood.MUSSEL_FARMER.annual2022() * x.level * g / Licence.MARGIN * h * ill(x);
            l.monthOutput = Math.round(output * 100);
            long net = Math.round(output * Licence.MARGIN * 100);
            x.mBusiness += net;
            x.book(slot, Person.BUSINESS, net);
        }
    }

    private void bnbs(Period p, double g, int slot) {
        double t = Economy.tourism(p);
        int days = p.month().lengthOfMonth();
        double[] gradeFactor = {1.2, 1.05, 0.95};
        for (Bnb b : world.bnbs) {
            b.roomNights = 0;
            b.revenue = 0;
            Person x = b.owner;
            if (b.closed >= 0 || !x.alive() || x.job != Livelihood.BNB_OWNER || x.assetIndex != b.index) {
                continue;
            }
            double occ = Math.min(0.97, BNB_OCCUPANCY * t * gradeFactor[b.grade] * (0.7 + 0.3 * x.level)
                    * (0.85 + 0.3 * r.nextDouble()));
            b.roomNights = (int) Math.round(b.rooms * days * occ);
            double revenue = b.roomNights * Bnb.PRICE_2022[b.grade] * g * (p.monthValue() == 7 || p.monthValue() == 8 ? 1.25 : 1);
            b.revenue = Math.round(revenue * 100);
            long net = Math.round(revenue * Bnb.MARGIN * 100);
            x.mBusiness += net;
            x.book(slot, Person.BUSINESS, net);
            b.entity.revenueYear += b.revenue;
            b.entity.profitYear += net;
        }
    }

    private void rents(Period p, int slot) {
        int first = world.today();
        for (Holdings.Rental rt : world.rentals) {
            if (rt.start > world.lastDay() || rt.end < first) {
                continue;
            }
            Person l = rt.landlord;
            if (!l.alive()) {
                continue;
            }
            l.mRent += rt.monthlyRentCents;
            l.book(slot, Person.PROPERTY, rt.monthlyRentCents);
            if (rt.declared) {
                long tax = Math.round(IncomeTax.rent(rt.monthlyRentCents / 100.0) * 100);
                l.mRentTax += tax;
                l.book(slot, Person.TRANSFER_OUT, tax);
            }
        }
    }

    private void assistance(int slot) {
        int first = world.today();
        for (Assistance a : world.assistance) {
            if ((a.end >= 0 && a.end < first) || a.start > world.lastDay()) {
                continue;
            }
            Person x = a.person;
            if (!x.alive()) {
                continue;
            }
            x.mAssistance += a.monthlyCents;
            x.book(slot, Person.TRANSFER_IN, a.monthlyCents);
        }
    }
}
