package org.olive.editing;

/**
 * What a rule says of one value.
 *
 * <ul>
 *   <li>{@code SUPPORTED}: the value is positively confirmed by related evidence (e.g. a withheld tax that fits the
 *       income): no other rule may edit it.</li>
 *   <li>{@code NONE}: the rule finds nothing wrong, or cannot judge (too little evidence); the next rule may.</li>
 *   <li>{@code CORRECT}: a ×10ⁿ slip; {@link #value} is the value divided back.</li>
 *   <li>{@code EXCLUDE}: the value is not usable and has no safe correction.</li>
 * </ul>
 *
 * @param evidence why, in words, with the figures compared (kept with the edit)
 */
public record Verdict(Kind kind, double value, int power, String evidence) {

    public enum Kind { SUPPORTED, NONE, CORRECT, EXCLUDE }

    public static final Verdict NONE = new Verdict(Kind.NONE, Double.NaN, 0, "");

    public static Verdict supported(String evidence) {
        return new Verdict(Kind.SUPPORTED, Double.NaN, 0, evidence);
    }

    public static Verdict correct(double value, int power, String evidence) {
        return new Verdict(Kind.CORRECT, value, power, evidence);
    }

    public static Verdict exclude(String evidence) {
        return new Verdict(Kind.EXCLUDE, Double.NaN, 0, evidence);
    }

    /** Whether the value is edited (corrected or excluded). */
    public boolean edits() {
        return kind == Kind.CORRECT || kind == Kind.EXCLUDE;
    }
}
