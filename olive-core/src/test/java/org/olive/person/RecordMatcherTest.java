package org.olive.person;

import org.junit.jupiter.api.Test;
import org.olive.identity.IdNumber;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordMatcherTest {

    static final String VILLAGE = "330922100201";
    static final LocalDate BIRTH = LocalDate.of(1968, 4, 12);

    static final Candidate WANG = person(1, IdNumber.compose("330922", BIRTH, 17, true).value(), "王建国", "M", BIRTH, VILLAGE);
    static final Candidate LI = person(2, IdNumber.compose("330922", BIRTH, 18, false).value(), "李秀英", "F", BIRTH, VILLAGE);
    static final Candidate CHEN = person(3, IdNumber.compose("330922", LocalDate.of(1990, 1, 2), 3, true).value(), "陈伟",
            "M", LocalDate.of(1990, 1, 2), "330922101202");

    static Candidate person(long key, String id, String name, String sex, LocalDate birth, String village) {
        return new Candidate(key, id, name, sex, birth, Set.of(village));
    }

    static String wrongCheck(String id) {
        char c = id.charAt(17) == '1' ? '2' : '1';
        return id.substring(0, 17) + c;
    }

    final RecordMatcher matcher = new RecordMatcher(MatchRules.defaults(), List.of(WANG, LI, CHEN));

    @Test
    void aWrongCheckCharacterIsMatchedOnTheIdBodyWithItsEvidence() {
        MatchResult r = matcher.match(new MatchQuery(wrongCheck(WANG.idNumber()), "王建国", "M", BIRTH, VILLAGE));

        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(WANG);
        assertThat(r.best().total()).isEqualTo(12 + 5 + 4 + 1 + 2);
        assertThat(r.best().comparisons()).extracting(FieldComparison::field, FieldComparison::outcome, FieldComparison::contribution)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MatchField.ID_BODY, FieldComparison.Outcome.AGREED, 12.0),
                        org.assertj.core.groups.Tuple.tuple(MatchField.NAME, FieldComparison.Outcome.AGREED, 5.0),
                        org.assertj.core.groups.Tuple.tuple(MatchField.BIRTH_DATE, FieldComparison.Outcome.AGREED, 4.0),
                        org.assertj.core.groups.Tuple.tuple(MatchField.SEX, FieldComparison.Outcome.AGREED, 1.0),
                        org.assertj.core.groups.Tuple.tuple(MatchField.VILLAGE, FieldComparison.Outcome.AGREED, 2.0));
        assertThat(r.best().explain()).startsWith("ID_BODY AGREED +12").endsWith("= +24").doesNotContain(WANG.idNumber().substring(6, 14));
        assertThat(r.reason()).contains("reaches the match threshold +11");
    }

    @Test
    void aWrongCheckCharacterAloneIsEnoughWhenTheDatasetHasNoBirthOrSexColumn() {
        MatchResult r = matcher.match(new MatchQuery(wrongCheck(LI.idNumber()), "李秀英", null, null, null));

        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(LI);
        // birth date and sex decoded from the raw ID are part of the ID body: not counted twice
        assertThat(r.best().comparisons()).filteredOn(c -> c.field() == MatchField.BIRTH_DATE).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(FieldComparison.Outcome.MISSING));
        assertThat(r.best().total()).isEqualTo(17);
    }

    @Test
    void aLegacy15DigitIdIsComparedAfterUpgrade() {
        String id = WANG.idNumber();
        String legacy = id.substring(0, 6) + id.substring(8, 17);
        MatchResult r = matcher.match(new MatchQuery(legacy, "王建国", "M", BIRTH, VILLAGE));
        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(WANG);
    }

    @Test
    void aMissingIdWithEveryOtherFieldEqualIsMatched() {
        MatchResult r = matcher.match(new MatchQuery("", "王建国", "M", BIRTH, VILLAGE));
        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(WANG);
        assertThat(r.best().total()).isEqualTo(12);
        assertThat(r.runnerUp().candidate()).isEqualTo(LI);
    }

    @Test
    void aNameTypoWithoutAnyIdGoesToReview() {
        // the generator's NAME_TYPO: 王 -> 汪; same birth date, sex and village
        MatchResult r = matcher.match(new MatchQuery(null, "汪建国", "M", BIRTH, VILLAGE));

        assertThat(r.status()).isEqualTo(MatchStatus.REVIEW);
        assertThat(r.best().candidate()).isEqualTo(WANG);
        assertThat(r.matched()).isNull();
        assertThat(r.best().total()).isEqualTo(3 + 4 + 1 + 2);
        assertThat(r.best().comparisons()).filteredOn(c -> c.field() == MatchField.NAME).singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(FieldComparison.Outcome.PARTIAL);
                    assertThat(c.weight()).isEqualTo(5);
                    assertThat(c.contribution()).isEqualTo(3);
                });
        assertThat(r.reason()).contains("between the review threshold");
    }

    @Test
    void aNameTypoTogetherWithAWrongCheckCharacterIsMatched() {
        MatchResult r = matcher.match(new MatchQuery(wrongCheck(WANG.idNumber()), "汪建国", "M", BIRTH, VILLAGE));
        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(WANG);
    }

    @Test
    void twoEquallyGoodCandidatesGoToReview() {
        Candidate twin = person(9, IdNumber.compose("330922", BIRTH, 41, true).value(), "王建国", "M", BIRTH, VILLAGE);
        RecordMatcher m = new RecordMatcher(MatchRules.defaults(), List.of(WANG, LI, twin));

        MatchResult r = m.match(new MatchQuery(null, "王建国", "M", BIRTH, VILLAGE));

        assertThat(r.status()).isEqualTo(MatchStatus.REVIEW);
        assertThat(r.best().total()).isEqualTo(r.runnerUp().total());
        assertThat(r.reason()).contains("ambiguous");
        assertThat(r.matched()).isNull();
    }

    @Test
    void nothingSimilarHasNoCandidate() {
        MatchResult none = matcher.match(new MatchQuery("12345", "赵六", "F", LocalDate.of(2001, 5, 5), VILLAGE));
        assertThat(none.status()).isEqualTo(MatchStatus.NO_CANDIDATE);
        assertThat(none.best()).isNull();
        assertThat(none.reason()).contains("no person of the registry");

        // same birth date only: compared, but far below the review threshold
        MatchResult weak = matcher.match(new MatchQuery(null, "赵六", "F", BIRTH, "330922999999"));
        assertThat(weak.status()).isEqualTo(MatchStatus.NO_CANDIDATE);
        assertThat(weak.best()).isNotNull();
        assertThat(weak.reason()).contains("below the review threshold");
    }

    @Test
    void contradictingBirthDateAndNameOutweighAnIdBody() {
        MatchResult r = matcher.match(new MatchQuery(wrongCheck(CHEN.idNumber()), "周芳", "F", LocalDate.of(1955, 3, 3), VILLAGE));
        assertThat(r.status()).isNotEqualTo(MatchStatus.MATCHED);
    }

    @Test
    void oneDigitTypoInTheIdBodyIsPartialEvidence() {
        String id = WANG.idNumber();
        char d = id.charAt(15) == '0' ? '1' : '0';
        String typo = id.substring(0, 15) + d + id.substring(16);
        MatchResult r = matcher.match(new MatchQuery(typo, "王建国", "M", BIRTH, VILLAGE));
        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.best().comparisons().get(0).outcome()).isEqualTo(FieldComparison.Outcome.PARTIAL);
    }

    @Test
    void namesOneCharacterApart() {
        assertThat(RecordMatcher.oneEditApart("王建国", "汪建国")).isTrue();
        assertThat(RecordMatcher.oneEditApart("王建国", "王国")).isTrue();
        assertThat(RecordMatcher.oneEditApart("王建国", "王建国")).isFalse();
        assertThat(RecordMatcher.oneEditApart("王建国", "汪健国")).isFalse();
        assertThat(RecordMatcher.oneEditApart("王", "汪")).isFalse();
        assertThat(RecordMatcher.normalizeName(" 王 建国\u3000")).isEqualTo("王建国");
    }

    @Test
    void rulesAreValidatedAndLoadableFromProperties() {
        MatchRules r = MatchRules.fromProperties(Map.of("matchThreshold", "15", "margin", " 2.5"));
        assertThat(r.matchThreshold()).isEqualTo(15);
        assertThat(r.margin()).isEqualTo(2.5);
        assertThat(r.nameAgree()).isEqualTo(MatchRules.defaults().nameAgree());
        assertThatThrownBy(() -> MatchRules.fromProperties(Map.of("matchTreshold", "15")))
                .hasMessageContaining("unknown match rule 'matchTreshold'");
        assertThatThrownBy(() -> MatchRules.fromProperties(Map.of("reviewThreshold", "20")))
                .hasMessageContaining("reviewThreshold (20.0) must not exceed matchThreshold (11.0)");
        assertThatThrownBy(() -> MatchRules.fromProperties(Map.of("nameDisagree", "x")))
                .hasMessageContaining("'nameDisagree' must be a number");
    }
}
