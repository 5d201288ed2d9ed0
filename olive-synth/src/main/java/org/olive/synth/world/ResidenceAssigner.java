package org.olive.synth.world;

import java.util.SplittableRandom;
import org.olive.synth.livelihood.Livelihood;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;

/**
 * Decides who of the registered lives away (人户分离) and who studies. College students (55% of 18–22 year-olds)
 * study on the mainland; of the others, the shares living away are {@value #AWAY_18_22} at 18–22,
 * {@value #AWAY_23_34} at 23–34, {@value #AWAY_35_54} at 35–54 and {@value #AWAY_55_PLUS} later; minors follow
 * their mother (or father) when she lives away, with probability {@value #CHILD_FOLLOWS}.
 */
public final class ResidenceAssigner {

    public static final double COLLEGE_SHARE = 0.55;
    public static final double AWAY_18_22 = 0.30, AWAY_23_34 = 0.40, AWAY_35_54 = 0.15, AWAY_55_PLUS = 0.04;
    public static final double CHILD_FOLLOWS = 0.85;
    /** The young leave the small island villages more than the county seat's communities. */
    public static final double URBAN_AWAY_FACTOR = 0.75, RURAL_AWAY_FACTOR = 1.3;
    /** School levels: 学前, 小学, 初中, 高中, 中职, 专科, 本科, 研究生. */
    public static final String[] LEVELS = {"学前", "小学", "初中", "高中", "中职", "专科", "本科", "研究生"};

    private final World world;
    private final SplittableRandom r;

    public ResidenceAssigner(World world, SplittableRandom r) {
        this.world = world;
        this.r = r;
    }

    public void assignInitial() {
        int day = world.today();
        for (Person p : world.persons) {
            if (p.residence != Residence.LOCAL) {
                continue;
            }
            int a = p.age(day);
            if (a < 18) {
                continue;
            }
            double away;
            if (a <= 22) {
                if (r.nextDouble() < COLLEGE_SHARE) {
                    makeCollegeStudent(p, a, day);
                    continue;
                }
                away = AWAY_18_22;
            } else if (a <= 34) {
                away = AWAY_23_34;
            } else if (a <= 54) {
                away = AWAY_35_54;
            } else {
                away = AWAY_55_PLUS;
            }
            away *= world.county.urban(p.village) ? URBAN_AWAY_FACTOR : RURAL_AWAY_FACTOR;
            if (r.nextDouble() < away) {
                p.residence = Residence.AWAY;
            }
        }
        for (Person p : world.persons) {
            if (p.residence == Residence.LOCAL && p.age(day) < 18) {
                Person parent = p.mother != null ? p.mother : p.father;
                if (parent != null && parent.residence == Residence.AWAY && r.nextDouble() < CHILD_FOLLOWS) {
                    p.residence = Residence.AWAY;
                }
                schoolChild(p, day);
            }
        }
    }

    /** Enrols a minor living here in the level fitting the age. */
    public void schoolChild(Person p, int day) {
        int a = p.age(day);
        int level = a < 3 ? -1 : a < 6 ? 0 : a < 12 ? 1 : a < 15 ? 2 : a < 18 ? (r.nextDouble() < 0.7 ? 3 : 4) : -1;
        p.schoolLevel = level;
        if (level >= 0) {
            p.job = Livelihood.STUDENT;
            int yearsIn = level == 0 ? a - 3 : level == 1 ? a - 6 : level == 2 ? a - 12 : a - 15;
            p.enrolledDay = day - yearsIn * 365 - r.nextInt(300);
        }
    }

    public void makeCollegeStudent(Person p, int age, int day) {
        p.job = Livelihood.STUDENT;
        p.residence = Residence.AWAY;
        p.schoolLevel = r.nextDouble() < 0.45 ? 5 : 6;
        int yearsIn = Math.max(0, Math.min(age - 18, p.schoolLevel == 5 ? 2 : 3));
        p.enrolledDay = day - yearsIn * 365 - r.nextInt(200);
        p.education = 60;
    }
}
