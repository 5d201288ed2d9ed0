package org.olive.geography;

/**
 * An administrative division: the county, a township (乡镇) or a village/community (村/社区), keyed by its
 * 12-digit NBS statistical code.
 *
 * @param urbanRural      for villages, the class that decides whether residents count as urban or rural
 * @param urbanRuralBasis how that class was decided, so that the choice is explainable
 */
public record Division(String code, String name, Level level, String parentCode, UrbanRural urbanRural,
                       String urbanRuralBasis) {

    public enum Level { COUNTY, TOWNSHIP, VILLAGE }

    /** The 9-digit township code (乡级) that the 12-digit code starts with. */
    public String townshipCode() {
        return code.substring(0, 9);
    }

    /** Short name without the administrative suffix: 东海社区居委会 → 东海社区, 基湖村委会 → 基湖村. */
    public String shortName() {
        if (name.endsWith("居委会")) {
            return name.substring(0, name.length() - 3);
        }
        if (name.endsWith("村委会")) {
            return name.substring(0, name.length() - 2);
        }
        return name;
    }
}
