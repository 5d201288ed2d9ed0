package org.olive.person;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights and thresholds of record matching. Each field contributes its agreement weight when it agrees, a
 * smaller partial weight when it nearly agrees, a penalty (zero or negative) when it disagrees and nothing when a
 * value is missing; the total decides the status (see {@link RecordMatcher}).
 *
 * <p>The weights follow the Fellegi–Sunter idea — roughly the log-odds that an agreement is due to the same person
 * rather than chance in a county of about 80 000 people — but are rounded and capped so that the rules read
 * plainly and no single field other than the ID body can reach a threshold on its own. The defaults
 * ({@link #defaults()}) and why:
 * <ul>
 *   <li><b>ID body</b> (first 17 characters of an ID whose check character is wrong, or the 15-digit legacy form
 *   upgraded): agree <b>12</b> — a 17-character body is unique to one person, and a wrong check character is the
 *   commonest clerical slip, so this alone nearly reaches the match threshold; one digit different (or two adjacent
 *   digits swapped) <b>5</b>, a likely typing slip; disagree <b>−2</b>, mild, since the raw ID is known to be bad.</li>
 *   <li><b>Name</b>: equal <b>5</b>; one character different <b>3</b> (clerks replace a character by a
 *   similar-sounding one: 王/汪, 张/章); different <b>−4</b>. Chinese names repeat, hence not more.</li>
 *   <li><b>Birth date</b>: equal <b>4</b>; different <b>−5</b>, the strongest penalty: a birth date rarely changes,
 *   while names get typos and people move.</li>
 *   <li><b>Sex</b>: equal <b>1</b> (half the county agrees by chance); different <b>−4</b>.</li>
 *   <li><b>Village</b>: the record's village among the candidate's: <b>2</b>; not among them <b>−1</b>, mild,
 *   because people move and addresses go stale.</li>
 *   <li><b>Match threshold 11</b>: an ID body agreeing with nothing against it (12), or — without any ID —
 *   name, birth date, sex and village all equal (5 + 4 + 1 + 2 = 12). A name typo without an ID (10) or an exact
 *   name, birth date and sex in another village (9) goes to review: plausible, but a person should look.</li>
 *   <li><b>Review threshold 6</b>: below it the evidence is too thin (a name alone scores 5) and the record stays
 *   unresolved (NO_CANDIDATE).</li>
 *   <li><b>Margin 3</b>: the best candidate must beat the runner-up by at least 3 points (more than a sex or
 *   village difference) to be matched; two near-equal candidates go to review.</li>
 * </ul>
 *
 * <p>Rules can be read from configuration with {@link #fromProperties(Map)} (keys are the component names).
 */
public record MatchRules(double idBodyAgree, double idBodyNear, double idBodyDisagree,
                         double nameAgree, double nameOneCharDiffers, double nameDisagree,
                         double birthDateAgree, double birthDateDisagree,
                         double sexAgree, double sexDisagree,
                         double villageAgree, double villageDisagree,
                         double matchThreshold, double reviewThreshold, double margin) {

    public MatchRules {
        List<String> errors = new ArrayList<>();
        positive(errors, "idBodyAgree", idBodyAgree);
        positive(errors, "nameAgree", nameAgree);
        positive(errors, "birthDateAgree", birthDateAgree);
        positive(errors, "sexAgree", sexAgree);
        positive(errors, "villageAgree", villageAgree);
        between(errors, "idBodyNear", idBodyNear, idBodyAgree);
        between(errors, "nameOneCharDiffers", nameOneCharDiffers, nameAgree);
        notPositive(errors, "idBodyDisagree", idBodyDisagree);
        notPositive(errors, "nameDisagree", nameDisagree);
        notPositive(errors, "birthDateDisagree", birthDateDisagree);
        notPositive(errors, "sexDisagree", sexDisagree);
        notPositive(errors, "villageDisagree", villageDisagree);
        if (!(reviewThreshold <= matchThreshold)) {
            errors.add("reviewThreshold (" + reviewThreshold + ") must not exceed matchThreshold (" + matchThreshold + ")");
        }
        if (!(margin >= 0)) {
            errors.add("margin must be 0 or more, found " + margin);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid match rules: " + String.join("; ", errors));
        }
    }

    /** The default rules; see the class comment for the reasons behind each value. */
    public static MatchRules defaults() {
        return new MatchRules(12, 5, -2, 5, 3, -4, 4, -5, 1, -4, 2, -1, 11, 6, 3);
    }

    /**
     * The default rules with the given values replaced; keys are the component names ({@code matchThreshold},
     * {@code nameAgree}, ...), values decimal numbers. Throws {@link IllegalArgumentException} naming an unknown key
     * or a value that is not a number.
     */
    public static MatchRules fromProperties(Map<String, String> properties) {
        RecordComponent[] components = MatchRules.class.getRecordComponents();
        Map<String, Double> values = new LinkedHashMap<>();
        MatchRules d = defaults();
        try {
            for (RecordComponent c : components) {
                values.put(c.getName(), (Double) c.getAccessor().invoke(d));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        properties.forEach((k, v) -> {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException("unknown match rule '" + k + "'; known: " + values.keySet());
            }
            try {
                values.put(k, Double.parseDouble(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("match rule '" + k + "' must be a number, found '" + v + "'");
            }
        });
        Double[] a = values.values().toArray(new Double[0]);
        return new MatchRules(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14]);
    }

    private static void positive(List<String> errors, String name, double v) {
        if (!(v > 0)) {
            errors.add(name + " must be positive, found " + v);
        }
    }

    private static void notPositive(List<String> errors, String name, double v) {
        if (!(v <= 0)) {
            errors.add(name + " must be 0 or negative (a penalty), found " + v);
        }
    }

    private static void between(List<String> errors, String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            errors.add(name + " must be between 0 and the agreement weight " + max + ", found " + v);
        }
    }
}
