package org.olive.synth.world;

import java.util.SplittableRandom;

/**
 * Education attainment (GB/T 4658 codes) by age cohort, reflecting the county's older, less schooled
 * generations and the expansion of higher education: 10 研究生, 20 本科, 30 专科, 40 中等职业, 60 普通高中,
 * 70 初中, 80 小学, 90 其他 (including none).
 */
public final class Education {

    private Education() {
    }

    /** The next higher attainment: 90→80→70→60→40→30→20→10. */
    public static int oneLevelUp(int code) {
        return switch (code) {
            case 90 -> 80;
            case 80 -> 70;
            case 70 -> 60;
            case 60 -> 40;
            case 40 -> 30;
            case 30 -> 20;
            default -> 10;
        };
    }

    public static int forAge(int age, SplittableRandom r) {
        double u = r.nextDouble();
        if (age < 7) {
            return 90;
        }
        if (age < 13) {
            return 80;
        }
        if (age < 16) {
            return 70;
        }
        if (age < 19) {
            return u < 0.7 ? 60 : 40;
        }
        if (age >= 70) {
            return u < 0.30 ? 90 : u < 0.80 ? 80 : u < 0.95 ? 70 : 60;
        }
        if (age >= 55) {
            return u < 0.08 ? 90 : u < 0.38 ? 80 : u < 0.80 ? 70 : u < 0.92 ? 60 : u < 0.96 ? 40 : 30;
        }
        if (age >= 35) {
            return u < 0.12 ? 80 : u < 0.50 ? 70 : u < 0.68 ? 60 : u < 0.80 ? 40 : u < 0.91 ? 30 : u < 0.99 ? 20 : 10;
        }
        return u < 0.12 ? 70 : u < 0.22 ? 60 : u < 0.35 ? 40 : u < 0.63 ? 30 : u < 0.96 ? 20 : 10;
    }
}
