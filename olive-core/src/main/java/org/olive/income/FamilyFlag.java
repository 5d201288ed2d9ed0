package org.olive.income;

/**
 * A flag of a family in a period (family_flag): a bracket it is in, a line it is below.
 *
 * @param kind     BRACKET or LINE
 * @param id       the bracket's id or the line's ({@link LinesAt#DIBAO} …)
 * @param evidence what was tested against what, with the profile keys that gave the bound (at most 400 characters)
 */
public record FamilyFlag(FlagKind kind, String id, String evidence) {

    public FamilyFlag {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a flag needs a kind and an id");
        }
        if (evidence != null && evidence.length() > 400) {
            evidence = evidence.substring(0, 399) + "…";
        }
    }
}
