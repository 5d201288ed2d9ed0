package org.olive.synth.history;

import java.util.SplittableRandom;
import org.olive.synth.population.Person;
import org.olive.synth.population.Residence;
import org.olive.synth.world.World;

/**
 * Education fees (学杂费) the families pay, by the level of each enrolled pupil or student with county hukou
 * ({@link Person#schoolLevel}, the world's education state), at Zhejiang's 2024 levels (yuan):
 * <ul>
 *   <li>学前 (kindergarten): 保教费 {@value #KINDERGARTEN_PUBLIC} a term in public kindergartens,
 *       {@value #KINDERGARTEN_PRIVATE} in private ones ({@value #PRIVATE_KINDERGARTEN_SHARE} of the children), and
 *       meals of about {@value #MEALS_KINDERGARTEN} a school month;</li>
 *   <li>小学 / 初中 (compulsory education): no tuition; meals ({@value #MEALS_PRIMARY} / {@value #MEALS_JUNIOR} a
 *       month, more for boarders), 代办费 (books, insurance) at the term start, and 住宿费
 *       {@value #BOARDING_JUNIOR} a term for the boarders of the junior middle school
 *       ({@value #BOARDING_SHARE_JUNIOR} of its pupils on the islands);</li>
 *   <li>高中 (senior high): 学费 {@value #TUITION_SENIOR} a term, 住宿费 {@value #BOARDING_SENIOR} for its
 *       boarders ({@value #BOARDING_SHARE_SENIOR}), meals and 代办费;</li>
 *   <li>中职 (secondary vocational): no tuition (national free tuition), 住宿费 {@value #BOARDING_VOCATIONAL} for
 *       boarders ({@value #BOARDING_SHARE_VOCATIONAL}), meals and 代办费;</li>
 *   <li>专科 / 本科 / 研究生 (studying away): the year's tuition (about 6,000 / 5,000–6,600 / 8,000),
 *       住宿费 {@value #BOARDING_UNIVERSITY} and textbooks, paid once in September: students living away still cost
 *       their family.</li>
 * </ul>
 * Term fees are paid in the month the term starts (September, February); meals each school month (January and
 * February half). Pupils under 18 who live away with their parents go to school elsewhere and do not appear. Fees are
 * nominal (administered prices, no growth).
 */
public final class SchoolFees {

    public static final int KINDERGARTEN_PUBLIC = 2_400, KINDERGARTEN_PRIVATE = 6_000, MEALS_KINDERGARTEN = 320;
    public static final double PRIVATE_KINDERGARTEN_SHARE = 0.25;
    public static final int MEALS_PRIMARY = 240, MEALS_JUNIOR = 360, MEALS_SENIOR = 520, MEALS_BOARDER = 260;
    public static final int BOARDING_JUNIOR = 500, BOARDING_SENIOR = 800, BOARDING_VOCATIONAL = 600,
            BOARDING_UNIVERSITY = 1_200;
    public static final double BOARDING_SHARE_JUNIOR = 0.30, BOARDING_SHARE_SENIOR = 0.70,
            BOARDING_SHARE_VOCATIONAL = 0.60;
    public static final int TUITION_SENIOR = 1_250;
    private static final int[] SUNDRIES = {150, 150, 300, 500, 400};
    private static final int[] TUITION_COLLEGE = {6_000, 6_600, 7_500};
    private static final int[] TUITION_UNIVERSITY = {5_000, 5_800, 6_300, 6_600};
    private static final int TUITION_GRADUATE = 8_000;
    /** Share of a school month's meals paid, by calendar month (0 in the summer holiday). */
    private static final double[] MEAL_MONTH = {0.5, 0.5, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1};

    private final World world;
    private final SplittableRandom r;

    public SchoolFees(World world) {
        this.world = world;
        this.r = world.stream(41);
    }

    /** Sets every person's fees of the month and their slot in the 12-month ring. */
    public void month() {
        int first = world.today();
        int last = world.lastDay();
        int m = world.period.monthValue();
        int slot = world.slot();
        boolean termStart = m == 9 || m == 2;
        for (Person p : world.persons) {
            p.mTuition = p.mAccommodation = p.mOtherFees = 0;
            p.mFeeDay = -1;
            if (pays(p, last)) {
                fees(p, m, termStart);
            }
            long total = p.mTuition + p.mAccommodation + p.mOtherFees;
            if (total > 0) {
                p.mFeeDay = first + r.nextInt(Math.min(10, last - first + 1));
            }
            p.educationFees[slot] = (int) total;
        }
    }

    /** Enrolled, registered here, and at a county school or studying away at college. */
    static boolean pays(Person p, int lastDay) {
        return p.alive() && p.registered() && p.schoolLevel >= 0 && p.enrolledDay <= lastDay
                && (p.schoolLevel >= 5 || p.residence != Residence.AWAY);
    }

    private void fees(Person p, int m, boolean termStart) {
        int level = p.schoolLevel;
        boolean boarder = share(p, level) < switch (level) {
            case 2 -> BOARDING_SHARE_JUNIOR;
            case 3 -> BOARDING_SHARE_SENIOR;
            case 4 -> BOARDING_SHARE_VOCATIONAL;
            default -> 0;
        };
        if (level >= 5) {
            if (m == 9) {
                int h = Math.floorMod(p.index * 31 + 7, 1000);
                p.mTuition = yuan(level == 5 ? TUITION_COLLEGE[h % TUITION_COLLEGE.length]
                        : level == 6 ? TUITION_UNIVERSITY[h % TUITION_UNIVERSITY.length] : TUITION_GRADUATE);
                p.mAccommodation = yuan(BOARDING_UNIVERSITY);
                p.mOtherFees = yuan(300 + r.nextInt(5) * 100);
            }
            return;
        }
        if (termStart) {
            if (level == 0) {
                p.mTuition = yuan(share(p, 9) < PRIVATE_KINDERGARTEN_SHARE ? KINDERGARTEN_PRIVATE : KINDERGARTEN_PUBLIC);
            } else if (level == 3) {
                p.mTuition = yuan(TUITION_SENIOR);
            }
            if (boarder) {
                p.mAccommodation = yuan(level == 2 ? BOARDING_JUNIOR : level == 3 ? BOARDING_SENIOR : BOARDING_VOCATIONAL);
            }
            p.mOtherFees += yuan(SUNDRIES[level]);
        }
        double meals = switch (level) {
            case 0 -> MEALS_KINDERGARTEN;
            case 1 -> MEALS_PRIMARY;
            case 2 -> MEALS_JUNIOR;
            default -> MEALS_SENIOR;
        } + (boarder ? MEALS_BOARDER : 0);
        double share = MEAL_MONTH[m - 1];
        if (share > 0) {
            p.mOtherFees += Math.round(meals * share * (0.9 + 0.2 * r.nextDouble())) * 100;
        }
    }

    /** A fixed draw in [0, 1) per person and purpose (boarding at a level, a private kindergarten). */
    private static double share(Person p, int purpose) {
        long h = (p.index * 0x9E3779B97F4A7C15L) ^ (purpose * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (h >>> 11) / (double) (1L << 53);
    }

    private static long yuan(int v) {
        return v * 100L;
    }

    /** 学期 of a payment: the school year's term, or the school year for college fees paid yearly. */
    public static String term(int year, int month, int level) {
        int start = month >= 8 ? year : year - 1;
        String sy = start + "-" + (start + 1) + "学年";
        if (level >= 5) {
            return sy;
        }
        return sy + (month >= 8 || month == 1 ? "第一学期" : "第二学期");
    }
}
