package org.olive.synth.datasets;

import java.io.IOException;
import java.util.SplittableRandom;
import org.olive.synth.history.SchoolFees;
import org.olive.synth.income.Economy;
import org.olive.synth.income.IncomeModel;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.RowSink;
import org.olive.synth.population.Household;
import org.olive.synth.population.Person;
import org.olive.synth.world.ResidenceAssigner;

/**
 * Housing, utilities, education and collective dividends. Electricity and water follow the number of members
 * actually present in the month ({@value #KWH_BASE} kWh + {@value #KWH_PER_PERSON} per person-month, more in
 * summer and winter; {@value #WATER_BASE} m³ + {@value #WATER_PER_PERSON} per person-month), which makes
 * utility use a trace of who lives in a registered home.
 */
public final class HouseholdWriters {

    public static final double KWH_BASE = 25, KWH_PER_PERSON = 95, WATER_BASE = 0.8, WATER_PER_PERSON = 3.1;
    private static final double[] KWH_SEASON = {1.25, 1.2, 1.0, 0.9, 0.95, 1.1, 1.4, 1.45, 1.1, 0.9, 0.95, 1.15};
    private static final String[] COLLEGES = {"浙江国际海运职业技术学院", "浙江旅游职业学院", "宁波职业技术学院", "浙江交通职业技术学院"};
    private static final String[] UNIVERSITIES = {"浙江海洋大学", "宁波大学", "浙江工商大学", "上海海事大学", "浙江师范大学", "上海海洋大学"};
    private static final String[] GRADUATE_SCHOOLS = {"浙江大学", "上海海洋大学", "宁波大学"};

    private final SplittableRandom r;

    public HouseholdWriters(long seed) {
        this.r = new SplittableRandom(seed ^ 0x7F4A7C15L);
    }

    public void ownership(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.PROPERTY_OWNERSHIP);
        if (c.firstPeriod) {
            for (Holdings.Property p : c.world.properties) {
                if (p.registeredDay() <= c.last) {
                    property(s, c, p);
                }
            }
        } else {
            for (Holdings.Property p : c.world.events.properties) {
                property(s, c, p);
            }
        }
        c.files.close(s);
    }

    private void property(RowSink s, WriteContext c, Holdings.Property p) {
        s.text(p.id());
        s.id(p.owner().id, p.owner().birthYear);
        s.name(p.owner().name);
        s.text(org.olive.synth.output.Text.fixed(p.areaM2(), 2));
        s.text(p.use());
        s.date(p.registeredDay());
        s.text(c.villageCode(p.village()));
        s.endRow();
    }

    public void rentals(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.PROPERTY_RENTALS);
        for (Holdings.Rental rt : c.firstPeriod ? c.world.rentals : c.world.events.rentals) {
            boolean include = c.firstPeriod ? rt.start <= c.last && rt.end >= c.first
                    : rt.start >= c.first && rt.start <= c.last;
            if (!include) {
                continue;
            }
            s.text(rt.number);
            s.id(rt.landlord.id, rt.landlord.birthYear);
            s.name(rt.landlord.name);
            s.text(rt.property.id());
            s.money(rt.monthlyRentCents);
            s.date(rt.start);
            s.date(rt.end);
            s.endRow();
        }
        c.files.close(s);
    }

    public void utilities(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.UTILITIES);
        int days = c.last - c.first + 1;
        double season = KWH_SEASON[c.period.monthValue() - 1];
        for (Household h : c.world.households) {
            if (h.members.isEmpty() || h.head == null || !h.head.registered()) {
                continue;
            }
            double personMonths = 0;
            for (Person p : h.members) {
                personMonths += p.presentDaysBetween(c.first, c.last) / (double) days;
            }
            double kwh = (KWH_BASE + KWH_PER_PERSON * personMonths) * season * (0.85 + 0.3 * r.nextDouble());
            double water = (WATER_BASE + WATER_PER_PERSON * personMonths) * (0.85 + 0.3 * r.nextDouble());
            s.text(h.utilityAccount);
            s.id(h.head.id, h.head.birthYear);
            s.text(c.villageCode(h.village));
            s.text(c.month);
            s.num(Math.round(kwh));
            s.text(org.olive.synth.output.Text.fixed(water, 1));
            s.endRow();
        }
        c.files.close(s);
    }

    public void education(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.EDUCATION);
        for (Person p : c.world.persons) {
            boolean enrolled = p.schoolLevel >= 0 && p.enrolledDay <= c.last;
            boolean graduate = p.graduatedDay >= 0 && p.graduatedDay > c.last - 730 && p.graduatedDay <= c.last
                    && !p.graduationStatus.isEmpty();
            if ((!enrolled && !graduate) || !p.registered()) {
                continue;
            }
            int level = enrolled ? p.schoolLevel : (p.education == 30 ? 5 : p.education == 20 ? 6 : 7);
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(school(c, p, level));
            s.text(ResidenceAssigner.LEVELS[level]);
            s.dateOrEmpty(p.enrolledDay);
            s.dateOrEmpty(enrolled ? -1 : p.graduatedDay);
            s.text(enrolled ? "在读" : p.graduationStatus);
            s.endRow();
        }
        c.files.close(s);
    }

    /** 学生缴费: one row per pupil or student and month with fees paid ({@code history.SchoolFees}). */
    public void educationFees(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.EDUCATION_FEE);
        for (Person p : c.world.persons) {
            if (p.mFeeDay < 0 || p.schoolLevel < 0) {
                continue;
            }
            s.id(p.id, p.birthYear);
            s.name(p.name);
            s.text(school(c, p, p.schoolLevel));
            s.text(ResidenceAssigner.LEVELS[p.schoolLevel]);
            s.text(SchoolFees.term(c.period.year(), c.period.monthValue(), p.schoolLevel));
            s.text(c.month);
            s.money(p.mTuition);
            s.money(p.mAccommodation);
            s.money(p.mOtherFees);
            s.date(p.mFeeDay);
            s.endRow();
        }
        c.files.close(s);
    }

    private String school(WriteContext c, Person p, int level) {
        String town = c.world.county.divisions().get(c.world.county.village(p.village).parentCode()).name();
        int h = Math.floorMod(p.index * 31 + 7, 1000);
        return switch (level) {
            case 0 -> c.world.county.name() + town + "中心幼儿园";
            case 1 -> c.world.county.name() + town + "中心小学";
            case 2 -> c.world.county.name() + town + "初级中学";
            case 3 -> c.world.county.highSchool();
            case 4 -> c.world.county.name() + "职业技术学校";
            case 5 -> COLLEGES[h % COLLEGES.length];
            case 6 -> UNIVERSITIES[h % UNIVERSITIES.length];
            default -> GRADUATE_SCHOOLS[h % GRADUATE_SCHOOLS.length];
        };
    }

    public void dividends(WriteContext c) throws IOException {
        RowSink s = c.open(Catalog.DIVIDENDS);
        double g = Economy.growth(c.period);
        for (Household h : c.world.households) {
            if (!h.collectiveShares || h.head == null || !h.head.registered()) {
                continue;
            }
            int holders = h.registeredCount();
            if (holders == 0) {
                continue;
            }
            s.text(h.number);
            s.id(h.head.id, h.head.birthYear);
            s.name(h.head.name);
            s.text(c.villageCode(h.village));
            s.num(c.period.year());
            s.num(holders);
            s.money(IncomeModel.villageDividendPerMember(h.village, g) * holders);
            s.endRow();
        }
        c.files.close(s);
    }
}
