package org.olive.synth.income;

import org.olive.period.Period;

/**
 * The county's economic calendar: income growth, seasonality of tourism, fishing and aquaculture, the fishing
 * moratorium, the typhoon shock, assistance lines and insurance parameters. All figures are 2022 values unless
 * said otherwise and grow by {@link #GROWTH} a year.
 */
public final class Economy {

    /**
     * Nominal growth per year after 2022 of wages, business income, insurance bases and allowances. With an
     * ageing, slowly shrinking registered population (more pensioners, whose pensions grow by
     * {@link #PENSION_GROWTH}) this yields about 6% a year of per-capita disposable income, the path of the
     * county's target (58,000 in 2022 to 69,000 in 2025).
     */
    public static final double GROWTH = 0.075;
    /** Pension increase per year (each January). */
    public static final double PENSION_GROWTH = 0.045;
    /** Tourism index by month (mean one): Spring Festival, May Day, the summer peak and National Day. */
    public static final double[] TOURISM = {0.45, 0.70, 0.50, 0.80, 1.10, 1.00, 1.70, 1.90, 1.00, 1.25, 0.50, 0.40};
    /** Catch index by month in the open season; May–August closed (休渔期), September half open. */
    public static final double[] CATCH = {0.95, 0.65, 0.85, 0.95, 0, 0, 0, 0, 0.75, 1.45, 1.35, 1.10};
    /** Aquaculture (mussel) harvest share by month. */
    public static final double[] HARVEST = {0.04, 0.02, 0.06, 0.12, 0.16, 0.16, 0.12, 0.04, 0.04, 0.08, 0.08, 0.08};
    /** The typhoon month (台风 贝碧嘉, September 2024) and its effects. */
    public static final Period TYPHOON = Period.of(2024, 9);
    /** Tourist volume and B&amp;B occupancy in the typhoon month, relative to normal. */
    public static final double TYPHOON_TOURISM = 0.35;
    /** Aquaculture output in the six months after the typhoon, relative to normal (rafts lost). */
    public static final double TYPHOON_AQUACULTURE = 0.6;
    /** Fishing vessels lose part of the month after the moratorium to the storm. */
    public static final double TYPHOON_CATCH = 0.5;

    /** Social-insurance contribution base floor and cap per month (Zhejiang 2022). */
    public static final double SI_FLOOR = 3957, SI_CAP = 19783;
    /** Personal rates: pension 8%, medical 2%, unemployment 0.5%; employer: 16%, 9.5%, 0.5%, work injury 0.4%. */
    public static final double PENSION_PERSONAL = 0.08, MEDICAL_PERSONAL = 0.02, UNEMPLOYMENT_PERSONAL = 0.005;
    public static final double PENSION_EMPLOYER = 0.16, MEDICAL_EMPLOYER = 0.095, UNEMPLOYMENT_EMPLOYER = 0.005,
            INJURY_EMPLOYER = 0.004;
    /** Flexible workers (灵活就业) pay pension 20% and medical 6% of the floor themselves. */
    public static final double FLEXIBLE_PENSION = 0.20, FLEXIBLE_MEDICAL = 0.06;
    /** Housing-fund rates: public bodies and port operators 12%, other employers 7% (each side). */
    public static final double HF_HIGH = 0.12, HF_LOW = 0.07;
    /** Minimum wage, top Zhejiang tier, 2022. */
    public static final double MIN_WAGE = 2280;

    private Economy() {
    }

    /** Growth factor of a month relative to 2022-01..2022-12 levels (mid-2022 = 1). */
    public static double growth(Period p) {
        double years = (p.year() - 2022) + (p.monthValue() - 6.5) / 12.0;
        return Math.pow(1 + GROWTH, years);
    }

    /** Pension factor: steps each January from 2022. */
    public static double pensionGrowth(Period p) {
        return Math.pow(1 + PENSION_GROWTH, p.year() - 2022);
    }

    public static double tourism(Period p) {
        double t = TOURISM[p.monthValue() - 1];
        return p.equals(TYPHOON) ? t * TYPHOON_TOURISM : t;
    }

    public static double catchIndex(Period p) {
        double c = CATCH[p.monthValue() - 1];
        return p.equals(TYPHOON) ? c * TYPHOON_CATCH : c;
    }

    public static double harvest(Period p) {
        double h = HARVEST[p.monthValue() - 1];
        int months = (p.year() - TYPHOON.year()) * 12 + p.monthValue() - TYPHOON.monthValue();
        return months >= 0 && months < 6 ? h * TYPHOON_AQUACULTURE : h;
    }

    /** True in the fishing moratorium (休渔期) months May–August, and the first half of September. */
    public static boolean moratorium(Period p) {
        return p.monthValue() >= 5 && p.monthValue() <= 8;
    }

    /**
     * 低保 standard per person per year: 2020 9,720, 2021 10,920, 2022 11,000 and 2025 14,000 (domain.md §5);
     * 2023 and 2024 interpolated (12,000, 13,000); later years grow by {@link #GROWTH}.
     */
    public static double dibao(int year) {
        return switch (year) {
            case 2020 -> 9720;
            case 2021 -> 10920;
            case 2022 -> 11000;
            case 2023 -> 12000;
            case 2024 -> 13000;
            case 2025 -> 14000;
            default -> year < 2020 ? 9720 : 14000 * Math.pow(1 + GROWTH, year - 2025);
        };
    }
}
