package org.olive.person;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches records whose ID number is invalid or missing to persons of the registry, with a score that says which
 * fields agreed and how much each weighed ({@link MatchRules}). Never guesses silently: a record is MATCHED only when
 * its best candidate reaches the match threshold <em>and</em> beats the runner-up by the margin; a plausible but
 * weaker or ambiguous candidate goes to REVIEW; anything else is NO_CANDIDATE.
 *
 * <p>Signals compared ({@link MatchField}): the first 17 characters of the raw ID (a wrong check character leaves
 * them intact; a 15-digit legacy ID is upgraded first), the name (equal, or one character different), the birth date
 * and sex (from the record's own columns, or else decoded from the raw ID — in that case only when the ID body did not
 * already agree, so the same evidence is not counted twice), and the village.
 *
 * <p>Blocking: candidates are indexed once by ID body, by birth date and by normalised name; a record is compared
 * only with the candidates sharing one of these keys (its ID body, its birth date from its column or its raw ID, its
 * name). Building is linear in the candidates and each record costs the size of its blocks, so matching is linear
 * overall. Birth dates are indexed without the sex so that a record with a wrong sex still finds its person.
 *
 * <p>Instances are immutable and thread-safe once built.
 */
public final class RecordMatcher {

    private final MatchRules rules;
    private final Map<String, List<Candidate>> byIdBody = new HashMap<>();
    private final Map<LocalDate, List<Candidate>> byBirthDate = new HashMap<>();
    private final Map<String, List<Candidate>> byName = new HashMap<>();
    private final int size;

    public RecordMatcher(MatchRules rules, Collection<Candidate> candidates) {
        this.rules = rules;
        for (Candidate c : candidates) {
            byIdBody.computeIfAbsent(c.idBody(), k -> new ArrayList<>(1)).add(c);
            if (c.birthDate() != null) {
                byBirthDate.computeIfAbsent(c.birthDate(), k -> new ArrayList<>(4)).add(c);
            }
            String n = normalizeName(c.name());
            if (n != null) {
                byName.computeIfAbsent(n, k -> new ArrayList<>(2)).add(c);
            }
        }
        this.size = candidates.size();
    }

    public MatchRules rules() {
        return rules;
    }

    /** The number of candidates indexed. */
    public int size() {
        return size;
    }

    /** Scores the record against the candidates of its blocks and decides its status. */
    public MatchResult match(MatchQuery query) {
        String body = idBody(query.rawId());
        LocalDate idBirth = body == null ? null : birthDateOf(body);
        String name = normalizeName(query.name());
        Map<Candidate, Boolean> seen = new IdentityHashMap<>();
        List<Candidate> block = new ArrayList<>();
        addAll(block, seen, body == null ? null : byIdBody.get(body));
        addAll(block, seen, query.birthDate() == null ? null : byBirthDate.get(query.birthDate()));
        addAll(block, seen, idBirth == null ? null : byBirthDate.get(idBirth));
        addAll(block, seen, name == null ? null : byName.get(name));

        List<MatchResult.Scored> scored = new ArrayList<>(block.size());
        for (Candidate c : block) {
            scored.add(score(query, body, idBirth, name, c));
        }
        scored.sort(Comparator.comparingDouble(MatchResult.Scored::total).reversed()
                .thenComparingLong(s -> s.candidate().key()));
        MatchResult.Scored best = scored.isEmpty() ? null : scored.get(0);
        MatchResult.Scored second = scored.size() < 2 ? null : scored.get(1);
        return decide(best, second, scored.size());
    }

    private MatchResult decide(MatchResult.Scored best, MatchResult.Scored second, int compared) {
        if (best == null) {
            return new MatchResult(MatchStatus.NO_CANDIDATE, null, null, 0,
                    "no person of the registry shares the ID body, birth date or name");
        }
        String top = "best score " + MatchResult.signed(best.total());
        if (best.total() < rules.reviewThreshold()) {
            return new MatchResult(MatchStatus.NO_CANDIDATE, best, second, compared,
                    top + " is below the review threshold " + MatchResult.signed(rules.reviewThreshold()));
        }
        double gap = second == null ? Double.POSITIVE_INFINITY : best.total() - second.total();
        boolean distinct = gap >= rules.margin();
        if (best.total() >= rules.matchThreshold() && distinct) {
            return new MatchResult(MatchStatus.MATCHED, best, second, compared,
                    top + " reaches the match threshold " + MatchResult.signed(rules.matchThreshold())
                            + (second == null ? " and no other candidate" : " and beats the runner-up by "
                            + MatchResult.signed(gap).substring(1) + " (margin " + MatchResult.signed(rules.margin()).substring(1) + ")"));
        }
        if (!distinct) {
            return new MatchResult(MatchStatus.REVIEW, best, second, compared,
                    top + " but the runner-up scores " + MatchResult.signed(second.total()) + ", within the margin "
                            + MatchResult.signed(rules.margin()).substring(1) + ": ambiguous");
        }
        return new MatchResult(MatchStatus.REVIEW, best, second, compared,
                top + " is between the review threshold " + MatchResult.signed(rules.reviewThreshold())
                        + " and the match threshold " + MatchResult.signed(rules.matchThreshold()));
    }

    private MatchResult.Scored score(MatchQuery q, String body, LocalDate idBirth, String name, Candidate c) {
        List<FieldComparison> out = new ArrayList<>(5);
        // ID body
        FieldComparison idCmp;
        if (body == null) {
            idCmp = missing(MatchField.ID_BODY, rules.idBodyAgree(), q.rawId() == null || q.rawId().isBlank()
                    ? "no ID number in the record" : "the raw ID has no usable 17-digit body");
        } else if (body.equals(c.idBody())) {
            idCmp = new FieldComparison(MatchField.ID_BODY, FieldComparison.Outcome.AGREED, rules.idBodyAgree(),
                    rules.idBodyAgree(), "first 17 characters equal: only the check character differs");
        } else if (nearlyEqual(body, c.idBody())) {
            idCmp = new FieldComparison(MatchField.ID_BODY, FieldComparison.Outcome.PARTIAL, rules.idBodyAgree(),
                    rules.idBodyNear(), "first 17 characters differ in one digit or one swap of neighbours");
        } else {
            idCmp = new FieldComparison(MatchField.ID_BODY, FieldComparison.Outcome.DISAGREED, rules.idBodyAgree(),
                    rules.idBodyDisagree(), "first 17 characters differ");
        }
        out.add(idCmp);
        boolean bodyAgreed = idCmp.outcome() == FieldComparison.Outcome.AGREED;
        // name
        String cn = normalizeName(c.name());
        if (name == null || cn == null) {
            out.add(missing(MatchField.NAME, rules.nameAgree(), name == null ? "no name in the record" : "no name for the person"));
        } else if (name.equals(cn)) {
            out.add(new FieldComparison(MatchField.NAME, FieldComparison.Outcome.AGREED, rules.nameAgree(), rules.nameAgree(), "equal"));
        } else if (oneEditApart(name, cn)) {
            out.add(new FieldComparison(MatchField.NAME, FieldComparison.Outcome.PARTIAL, rules.nameAgree(),
                    rules.nameOneCharDiffers(), "one character differs (" + name + " / " + cn + ")"));
        } else {
            out.add(new FieldComparison(MatchField.NAME, FieldComparison.Outcome.DISAGREED, rules.nameAgree(),
                    rules.nameDisagree(), "different (" + name + " / " + cn + ")"));
        }
        // birth date
        LocalDate birth = q.birthDate();
        String birthSource = "record";
        if (birth == null && idBirth != null) {
            birth = idBirth;
            birthSource = "raw ID";
        }
        if (birth == null || c.birthDate() == null) {
            out.add(missing(MatchField.BIRTH_DATE, rules.birthDateAgree(), birth == null ? "no birth date in the record" : "no birth date for the person"));
        } else if (birthSource.equals("raw ID") && bodyAgreed) {
            out.add(missing(MatchField.BIRTH_DATE, rules.birthDateAgree(), "only in the raw ID: already counted in ID_BODY"));
        } else if (birth.equals(c.birthDate())) {
            out.add(new FieldComparison(MatchField.BIRTH_DATE, FieldComparison.Outcome.AGREED, rules.birthDateAgree(),
                    rules.birthDateAgree(), "equal (from the " + birthSource + ")"));
        } else {
            out.add(new FieldComparison(MatchField.BIRTH_DATE, FieldComparison.Outcome.DISAGREED, rules.birthDateAgree(),
                    rules.birthDateDisagree(), "different (" + birth + " in the " + birthSource + ", " + c.birthDate() + " for the person)"));
        }
        // sex
        String sex = sexOf(q.sex());
        String sexSource = "record";
        if (sex == null && body != null) {
            sex = (body.charAt(16) - '0') % 2 == 1 ? "M" : "F";
            sexSource = "raw ID";
        }
        String cs = sexOf(c.sex());
        if (sex == null || cs == null) {
            out.add(missing(MatchField.SEX, rules.sexAgree(), sex == null ? "no sex in the record" : "no sex for the person"));
        } else if (sexSource.equals("raw ID") && bodyAgreed) {
            out.add(missing(MatchField.SEX, rules.sexAgree(), "only in the raw ID: already counted in ID_BODY"));
        } else if (sex.equals(cs)) {
            out.add(new FieldComparison(MatchField.SEX, FieldComparison.Outcome.AGREED, rules.sexAgree(), rules.sexAgree(),
                    "equal (from the " + sexSource + ")"));
        } else {
            out.add(new FieldComparison(MatchField.SEX, FieldComparison.Outcome.DISAGREED, rules.sexAgree(), rules.sexDisagree(),
                    "different (" + sex + " in the " + sexSource + ", " + cs + " for the person)"));
        }
        // village
        String village = q.villageCode() == null || q.villageCode().isBlank() ? null : q.villageCode().strip();
        if (village == null || c.villages().isEmpty()) {
            out.add(missing(MatchField.VILLAGE, rules.villageAgree(), village == null ? "no village in the record" : "no village known for the person"));
        } else if (c.villages().contains(village)) {
            out.add(new FieldComparison(MatchField.VILLAGE, FieldComparison.Outcome.AGREED, rules.villageAgree(),
                    rules.villageAgree(), "the person is known at " + village));
        } else {
            out.add(new FieldComparison(MatchField.VILLAGE, FieldComparison.Outcome.DISAGREED, rules.villageAgree(),
                    rules.villageDisagree(), "the person is not known at " + village));
        }
        double total = 0;
        for (FieldComparison f : out) {
            total += f.contribution();
        }
        return new MatchResult.Scored(c, total, out);
    }

    private static FieldComparison missing(MatchField f, double weight, String detail) {
        return new FieldComparison(f, FieldComparison.Outcome.MISSING, weight, 0, detail);
    }

    private static void addAll(List<Candidate> block, Map<Candidate, Boolean> seen, List<Candidate> more) {
        if (more != null) {
            for (Candidate c : more) {
                if (seen.put(c, Boolean.TRUE) == null) {
                    block.add(c);
                }
            }
        }
    }

    /**
     * The 17-character body of a raw ID, or {@code null} when it has none: the first 17 characters of an 18-character
     * value whose first 17 are digits, a 17-digit value (check character lost), or a 15-digit legacy value upgraded
     * (19 inserted before the year). Spaces are ignored.
     */
    static String idBody(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\s", "").toUpperCase();
        if ((s.length() == 18 || s.length() == 17) && allDigits(s, 17)) {
            return s.substring(0, 17);
        }
        if (s.length() == 15 && allDigits(s, 15)) {
            return s.substring(0, 6) + "19" + s.substring(6, 15);
        }
        return null;
    }

    private static LocalDate birthDateOf(String body) {
        try {
            return LocalDate.of(Integer.parseInt(body.substring(6, 10)), Integer.parseInt(body.substring(10, 12)),
                    Integer.parseInt(body.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** One digit different, or two neighbouring digits swapped. */
    static boolean nearlyEqual(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (diffs++ == 0) {
                    first = i;
                }
                if (diffs > 2) {
                    return false;
                }
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    /**
     * True when two different names are one character apart: one replaced, inserted or deleted (by code point). Both
     * must have at least two characters, so that two one-character values are not called similar.
     */
    static boolean oneEditApart(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.min(x.length, y.length) < 2 || Math.abs(x.length - y.length) > 1) {
            return false;
        }
        int i = 0;
        while (i < x.length && i < y.length && x[i] == y[i]) {
            i++;
        }
        int j = 0;
        while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] == y[y.length - 1 - j]) {
            j++;
        }
        return Math.max(x.length, y.length) - i - j == 1 && Math.min(x.length, y.length) - i - j == 0
                || x.length == y.length && x.length - i - j == 1;
    }

    /** Names compared without spaces (also full-width) and in Unicode NFKC form, so full-width letters equal ASCII. */
    static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]", "");
        return n.isEmpty() ? null : n;
    }

    private static String sexOf(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toUpperCase();
        return t.equals("M") || t.equals("F") ? t : null;
    }
}
