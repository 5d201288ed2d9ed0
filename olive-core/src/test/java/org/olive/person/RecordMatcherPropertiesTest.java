package org.olive.person;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.olive.identity.IdNumber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the matcher over generated registries. */
class RecordMatcherPropertiesTest {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国";

    @Provide
    Arbitrary<List<Candidate>> registries() {
        Arbitrary<Candidate> person = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 20_000),
                Arbitraries.integers().between(0, 499),
                Arbitraries.of(true, false),
                Arbitraries.strings().withChars(GIVEN).ofMinLength(1).ofMaxLength(2),
                Arbitraries.integers().between(0, SURNAMES.length() - 1),
                Arbitraries.integers().between(1, 30)).as((day, seq, male, given, surname, village) -> {
                    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(day);
                    return new Candidate(0, IdNumber.compose("330922", birth, seq, male).value(), SURNAMES.charAt(surname) + given,
                            male ? "M" : "F", birth, Set.of(String.format("330922100%03d", village)));
                });
        return person.list().ofMinSize(1).ofMaxSize(60).map(RecordMatcherPropertiesTest::withKeysAndUniqueIds);
    }

    private static List<Candidate> withKeysAndUniqueIds(List<Candidate> in) {
        List<Candidate> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Candidate c : in) {
            if (ids.add(c.idNumber())) {
                out.add(new Candidate(out.size() + 1, c.idNumber(), c.name(), c.sex(), c.birthDate(), c.villages()));
            }
        }
        return out;
    }

    @Property(tries = 200)
    void aWrongCheckCharacterIsAlwaysMatchedToItsOwner(@ForAll("registries") List<Candidate> registry,
                                                       @ForAll @IntRange(min = 0, max = 59) int pick) {
        Candidate p = registry.get(pick % registry.size());
        String id = p.idNumber();
        String bad = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        RecordMatcher m = new RecordMatcher(MatchRules.defaults(), registry);

        MatchResult r = m.match(new MatchQuery(bad, p.name(), p.sex(), p.birthDate(), p.villages().iterator().next()));

        assertThat(r.status()).isEqualTo(MatchStatus.MATCHED);
        assertThat(r.matched()).isEqualTo(p);
    }

    @Property(tries = 200)
    void theTotalIsTheSumOfContributionsAndMatchedImpliesThresholdAndMargin(@ForAll("registries") List<Candidate> registry,
                                                                           @ForAll @IntRange(min = 0, max = 59) int pick,
                                                                           @ForAll boolean dropName) {
        Candidate p = registry.get(pick % registry.size());
        RecordMatcher m = new RecordMatcher(MatchRules.defaults(), registry);
        MatchResult r = m.match(new MatchQuery(null, dropName ? null : p.name(), p.sex(), p.birthDate(), null));

        assertThat(r.best()).isNotNull();
        double sum = r.best().comparisons().stream().mapToDouble(FieldComparison::contribution).sum();
        assertThat(r.best().total()).isEqualTo(sum);
        if (r.status() == MatchStatus.MATCHED) {
            assertThat(r.best().total()).isGreaterThanOrEqualTo(MatchRules.defaults().matchThreshold());
            if (r.runnerUp() != null) {
                assertThat(r.best().total() - r.runnerUp().total()).isGreaterThanOrEqualTo(MatchRules.defaults().margin());
            }
        }
        // name, birth date and sex alone (no ID, no village) never reach the match threshold: 5 + 4 + 1 = 10
        assertThat(r.status()).isNotEqualTo(MatchStatus.MATCHED);
    }
}
