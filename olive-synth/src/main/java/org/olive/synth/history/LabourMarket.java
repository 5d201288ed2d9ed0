package org.olive.synth.history;

import java.util.SplittableRandom;
import org.olive.synth.livelihood.Bnb;
import org.olive.synth.livelihood.Holdings;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.livelihood.Vessel;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.ResidenceAssigner;
import org.olive.synth.world.World;

/**
 * Job loss and job changes, retirement, school progression and graduations, businesses and B&amp;Bs opening and
 * closing, and new skill certificates. Annual rates are divided by 12 each month.
 */
public final class LabourMarket {

    /** Job loss per year: formal employees (who then draw unemployment benefit) and others. */
    public static final double JOB_LOSS_FORMAL = 0.025, JOB_LOSS_OTHER = 0.035;
    /** Monthly chance that an unemployed or job-seeking person finds work. */
    public static final double FIND_JOB = 0.18;
    /** Voluntary job changes per year. */
    public static final double JOB_CHANGE = 0.04;
    /** Individual businesses closing per year, and workers opening one. */
    public static final double BUSINESS_CLOSE = 0.08, BUSINESS_OPEN = 0.012;
    /** B&amp;Bs closing and opening per year (per existing B&amp;B). */
    public static final double BNB_CLOSE = 0.03, BNB_OPEN = 0.05;
    /** New skill certificates per worker per year. */
    public static final double CERTIFICATE = 0.025;
    /** College graduates coming back to work here, staying away employed, seeking work here, going on to study. */
    public static final double GRAD_RETURN = 0.40, GRAD_AWAY = 0.42, GRAD_SEEKING = 0.10;

    private final World world;
    private final SplittableRandom r;
    private final LivelihoodAssigner jobs;
    private final ResidenceAssigner schools;

    public LabourMarket(World world, LivelihoodAssigner jobs) {
        this.world = world;
        this.r = world.stream(17);
        this.jobs = jobs;
        this.schools = new ResidenceAssigner(world, world.stream(19));
    }

    public void month() {
        int first = world.today();
        int days = world.period.month().lengthOfMonth();
        int m = world.period.monthValue();
        int n = world.persons.size();
        for (int i = 0; i < n; i++) {
            Person p = world.persons.get(i);
            if (!p.alive() || p.residence == Residence.GONE) {
                continue;
            }
            int day = first + r.nextInt(days);
            int age = p.age(first);
            if (p.residence == Residence.AWAY) {
                if (p.job == Livelihood.STUDENT && m == 7) {
                    graduateOrAdvance(p, first, age);
                }
                continue;
            }
            if (p.job == Livelihood.STUDENT || (age >= 3 && age < 18 && p.residence == Residence.LOCAL)) {
                school(p, first, age, m);
                continue;
            }
            if (age < 18) {
                continue;
            }
            boolean retireAge = age >= (p.male ? 60 : 55);
            if (retireAge && !p.isMigrant() && p.pension == 0) {
                jobs.pension(p);
                if (p.job.employed() || p.job == Livelihood.UNEMPLOYED || p.job == Livelihood.NONE
                        || p.job == Livelihood.PLATFORM_WORKER || p.job == Livelihood.FISHING_CREW) {
                    jobs.setJob(p, Livelihood.RETIRED, day);
                }
                continue;
            }
            if (p.isMigrant() && retireAge) {
                continue;
            }
            switch (p.job) {
                case UNEMPLOYED, NONE -> {
                    if (!retireAge && p.disabilityGrade == 0 || p.disabilityGrade > 2) {
                        if (p.job == Livelihood.UNEMPLOYED ? r.nextDouble() < FIND_JOB : r.nextDouble() < 0.01) {
                            jobs.assignFresh(p, day);
                        }
                    }
                }
                case RETIRED, STUDENT -> {
                }
                case INDIVIDUAL_BUSINESS, SME_OWNER -> {
                    if (r.nextDouble() < BUSINESS_CLOSE / 12 * (p.job == Livelihood.SME_OWNER ? 0.5 : 1)) {
                        if (p.employer != null) {
                            p.employer.closed = day;
                        }
                        p.employer = null;
                        jobs.assignFresh(p, day);
                    }
                }
                case BNB_OWNER -> {
                    Bnb b = p.assetIndex >= 0 && p.assetIndex < world.bnbs.size() ? world.bnbs.get(p.assetIndex) : null;
                    if (b != null && b.owner == p && r.nextDouble() < BNB_CLOSE / 12) {
                        b.closed = day;
                        b.entity.closed = day;
                        p.employer = null;
                        p.assetIndex = -1;
                        jobs.assignFresh(p, day);
                    }
                }
                case FISHING_CREW -> {
                    Vessel v = p.assetIndex >= 0 && p.assetIndex < world.vessels.size() ? world.vessels.get(p.assetIndex) : null;
                    if (v == null || !v.owner.alive() || v.owner.job != Livelihood.VESSEL_OWNER) {
                        jobs.assignFresh(p, day);
                    } else if (r.nextDouble() < JOB_CHANGE / 12) {
                        jobs.assignFresh(p, day);
                    }
                }
                default -> {
                    if (p.job.employed() && r.nextDouble() < (p.formal ? JOB_LOSS_FORMAL : JOB_LOSS_OTHER) / 12
                            && !p.job.publicSector()) {
                        boolean wasFormal = p.formal;
                        jobs.setJob(p, Livelihood.UNEMPLOYED, day);
                        if (wasFormal) {
                            p.benefitMonths = 3 + r.nextInt(10);
                        }
                    } else if (!p.job.publicSector() && r.nextDouble() < JOB_CHANGE / 12) {
                        if (r.nextDouble() < BUSINESS_OPEN * 12 / JOB_CHANGE / 12 && !p.isMigrant()) {
                            jobs.setJob(p, Livelihood.INDIVIDUAL_BUSINESS, day);
                        } else {
                            jobs.assignFresh(p, day);
                        }
                    }
                }
            }
            if (!p.occupation.isEmpty() && !p.job.publicSector() && r.nextDouble() < CERTIFICATE / 12) {
                var c = new Holdings.Certificate(world.nextCertificateNo(world.period.year()), p, p.occupation,
                        jobs.certificateLevel(), day);
                world.certificates.add(c);
                world.events.certificates.add(c);
                p.level *= 1.04;
            }
        }
        newBnbs(first, days);
    }

    private void school(Person p, int first, int age, int m) {
        if (m == 9) {
            int before = p.schoolLevel;
            schools.schoolChild(p, first);
            if (p.schoolLevel != before && p.schoolLevel >= 0) {
                p.enrolledDay = first;
            }
            if (before >= 3 && p.schoolLevel < 0) {
                p.job = Livelihood.NONE;
            }
        }
        if (m == 7 && age >= 18 && p.schoolLevel >= 3 && p.schoolLevel <= 4) {
            p.graduatedDay = first;
            p.schoolLevel = -1;
            p.education = 60;
            if (r.nextDouble() < ResidenceAssigner.COLLEGE_SHARE) {
                schools.makeCollegeStudent(p, 18, first + 62);
                p.enrolledDay = first + 62;
                p.transitionDay = first + 55 + r.nextInt(6);
                p.transitionIn = false;
            } else {
                p.job = Livelihood.NONE;
                jobs.assignFresh(p, first);
            }
        }
    }

    private void graduateOrAdvance(Person p, int first, int age) {
        int years = p.schoolLevel == 5 ? 3 : p.schoolLevel == 6 ? 4 : 3;
        if ((first - p.enrolledDay) / 365.0 < years - 0.5) {
            return;
        }
        p.graduatedDay = first - 1 + 1;
        p.education = p.schoolLevel == 5 ? 30 : p.schoolLevel == 6 ? 20 : 10;
        world.events.graduates.add(p);
        double u = r.nextDouble();
        if (u < GRAD_RETURN) {
            p.graduationStatus = "已就业";
            p.schoolLevel = -1;
            p.residence = Residence.LOCAL;
            p.transitionDay = first + r.nextInt(20);
            p.transitionIn = true;
            p.job = Livelihood.NONE;
            jobs.assignFresh(p, first);
        } else if (u < GRAD_RETURN + GRAD_AWAY) {
            p.graduationStatus = "已就业";
            p.schoolLevel = -1;
            p.job = Livelihood.NONE;
        } else if (u < GRAD_RETURN + GRAD_AWAY + GRAD_SEEKING) {
            p.graduationStatus = "待就业";
            p.schoolLevel = -1;
            p.residence = Residence.LOCAL;
            p.transitionDay = first + r.nextInt(20);
            p.transitionIn = true;
            jobs.setJob(p, Livelihood.UNEMPLOYED, first);
        } else {
            p.graduationStatus = "升学";
            p.schoolLevel = 7;
            p.enrolledDay = first + 62;
        }
    }

    private void newBnbs(int first, int days) {
        int open = 0;
        for (Bnb b : world.bnbs) {
            if (b.closed < 0) {
                open++;
            }
        }
        double expected = open * BNB_OPEN / 12;
        int count = (int) expected + (r.nextDouble() < expected - (int) expected ? 1 : 0);
        for (int i = 0; i < count; i++) {
            for (int tries = 0; tries < 20; tries++) {
                Person p = world.persons.get(r.nextInt(world.persons.size()));
                int age = p.age(first);
                if (p.registered() && p.residence == Residence.LOCAL && age >= 30 && age <= 62
                        && (p.job == Livelihood.EMPLOYEE || p.job == Livelihood.INFORMAL || p.job == Livelihood.TOURISM_WORKER
                        || p.job == Livelihood.NONE || p.job == Livelihood.FISHING_CREW)
                        && !world.county.urban(p.village)) {
                    Bnb b = jobs.openBnb(p, p.village, first + r.nextInt(days));
                    jobs.addProperty(p, 120 + b.rooms * 25, "民宿", b.entity.founded, b.village);
                    world.events.properties.add(world.properties.get(world.properties.size() - 1));
                    break;
                }
            }
        }
    }
}
