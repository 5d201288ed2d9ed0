package org.olive.income;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A named income bracket of family annual DI, [lower, upper), valid over a span of dates (domain.md §5). Its id is the
 * id of its family flag (family_flag kind BRACKET): renaming it makes a new flag.
 *
 * @param id       lower-case letters, digits and '_', at most 40 characters, e.g. {@code middle_10_50}
 * @param nameZh   its Chinese name (pages in zh-CN, and the indicators' bracket name)
 * @param nameEn   its English name
 * @param basis    what is tested: per-capita DI × the typical family size, or the family's own DI
 * @param lower    inclusive lower bound, yuan a year, at least 0
 * @param upper    exclusive upper bound, above {@code lower}
 * @param validity the days it applies; a period is tested on its last day
 */
public record Bracket(String id, String nameZh, String nameEn, BracketBasis basis, double lower, double upper,
                      Validity validity) {

    /** The id of the pilot's 10–50万 bracket (pilot indicator 2), in the built-in profile. */
    public static final String MIDDLE_10_50 = "middle_10_50";
    /** The id of the pilot's 20–60万 bracket (pilot indicator 3), in the built-in profile. */
    public static final String MIDDLE_20_60 = "middle_20_60";

    public Bracket {
        if (id == null || !id.matches("[a-z][a-z0-9_]{0,39}")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits and '_' (at most 40, "
                    + "starting with a letter)");
        }
        if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("a bracket needs its Chinese and English names (name_zh, name_en)");
        }
        if (basis == null) {
            throw new IllegalArgumentException("basis is PER_CAPITA_TIMES_3 or FAMILY_DI");
        }
        if (!(lower >= 0 && lower < upper) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("[lower, upper) needs 0 <= lower < upper, found [" + plain(lower) + ", "
                    + plain(upper) + ")");
        }
        if (validity == null) {
            validity = Validity.ALWAYS;
        }
    }

    /** Whether the bracket applies on a day. */
    public boolean validOn(LocalDate day) {
        return validity.covers(day);
    }

    /** The family figure tested: per-capita DI × the typical size, or the family's DI. */
    public double figure(double perCapita, double familyDi, int typicalSize) {
        return basis == BracketBasis.PER_CAPITA_TIMES_3 ? perCapita * typicalSize : familyDi;
    }

    /** Whether a family figure is inside [lower, upper). */
    public boolean contains(double figure) {
        return figure >= lower && figure < upper;
    }

    /** The name for a locale: Chinese for zh, else English. */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
