package org.olive.family;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stale village codes (the generator's STALE_ADDRESS): found from the other members and the previous period. */
class HouseholdVillagesTest {

    private static final String HERE = "330922100204";
    private static final String OLD = "330922101208";
    private final List<HukouMember> rows = new ArrayList<>();

    private HukouMember row(String id, String hukouNo, String relation, String village) {
        HukouMember m = new HukouMember(id, "名" + id.substring(id.length() - 2), hukouNo, relation, "F",
                LocalDate.of(1980, 1, 1), "20", village, "NORMAL", null, "户籍人口_202503.csv 第" + (rows.size() + 2) + "行");
        rows.add(m);
        return m;
    }

    @Test
    void aMemberWhoseRowDisagreesWithTheOthersIsStaleWithItsEvidence() {
        row("330922198001010011", "H1", "02", HERE);
        row("330922198001010022", "H1", "10", HERE);
        HukouMember child = row("330922200501010033", "H1", "30", OLD);

        HouseholdVillages.Result r = HouseholdVillages.of(rows, Map.of(), 1);

        assertThat(r.villageOf()).containsEntry("H1", HERE);
        assertThat(r.stale()).singleElement().satisfies(s -> {
            assertThat(s.row()).isEqualTo(child);
            assertThat(s.householdVillage()).isEqualTo(HERE);
            assertThat(s.evidence()).contains(OLD).contains(HERE).contains("其他成员 2 人").contains("第4行");
        });
    }

    @Test
    void aStaleHeadOfATwoPersonHouseholdIsOutvotedByTheSpouseAndThePreviousPeriod() {
        HukouMember head = row("330922195409050035", "H2", "02", OLD);
        row("330922195601010022", "H2", "10", HERE);

        HouseholdVillages.Result r = HouseholdVillages.of(rows, Map.of("H2", HERE), 1);

        assertThat(r.villageOf()).containsEntry("H2", HERE);
        assertThat(r.stale()).extracting(HouseholdVillages.Stale::row).containsExactly(head);
        assertThat(r.stale().get(0).evidence()).contains("上期本户村社为 " + HERE);
        // without the previous period the tie goes to the head's row, and nothing is flagged
        HouseholdVillages.Result alone = HouseholdVillages.of(rows, Map.of(), 1);
        assertThat(alone.villageOf()).containsEntry("H2", OLD);
        assertThat(alone.stale()).isEmpty();
        // and a weight of 0 ignores the previous period
        assertThat(HouseholdVillages.of(rows, Map.of("H2", HERE), 0).stale()).isEmpty();
    }

    @Test
    void aHouseholdThatMovedTogetherOrAOnePersonHouseholdIsNotStale() {
        row("330922198001010011", "H3", "02", HERE);
        row("330922198001010022", "H3", "10", HERE);
        row("330922198001010044", "H4", "02", HERE);

        HouseholdVillages.Result r = HouseholdVillages.of(rows, Map.of("H3", OLD, "H4", OLD), 1);

        assertThat(r.stale()).isEmpty();
        assertThat(r.villageOf()).containsEntry("H3", HERE).containsEntry("H4", HERE);
    }

    @Test
    void onlyNormalRowsVoteAndTheWeightMustNotBeNegative() {
        row("330922198001010011", "H5", "02", HERE);
        rows.add(new HukouMember("330922198001010022", "死者", "H5", "10", "F", LocalDate.of(1930, 1, 1), "20", OLD, "DEAD",
                LocalDate.of(2025, 1, 2), "户籍人口_202503.csv 第9行"));

        assertThat(HouseholdVillages.of(rows, Map.of(), 1).stale()).isEmpty();
        assertThatThrownBy(() -> HouseholdVillages.of(rows, Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreshRecordOfAnotherDepartmentOutweighsAMajorityOfStaleRows() {
        // a household that moved, most of whose rows still carry the old village, and whose utility account is here
        row("330922198001010011", "H6", "02", OLD);
        row("330922198001010022", "H6", "10", OLD);
        HukouMember child = row("330922200501010033", "H6", "30", HERE);
        Map<String, HouseholdVillages.Record> utility = Map.of("H6",
                new HouseholdVillages.Record(HERE, "income_utilities 居民用水用电_202503.csv 第7行"));

        HouseholdVillages.Result r = HouseholdVillages.of(rows, Map.of(), 1, utility, 3);

        assertThat(r.villageOf()).containsEntry("H6", HERE);
        assertThat(r.stale()).extracting(s -> s.row().personId()).containsExactly("330922198001010011", "330922198001010022");
        assertThat(r.stale().get(0).evidence()).contains("居民用水用电_202503.csv 第7行 记本户在 " + HERE);
        assertThat(child.villageCode()).isEqualTo(HERE);
        // without the record the majority decides, and the one fresh row is the one flagged
        assertThat(HouseholdVillages.of(rows, Map.of(), 1, utility, 0).stale()).extracting(HouseholdVillages.Stale::row)
                .containsExactly(child);
    }

    @Test
    void aOnePersonHouseholdIsStaleOnlyWhenAFreshRecordPlacesItElsewhere() {
        HukouMember alone = row("330922198001010044", "H7", "02", OLD);
        Map<String, HouseholdVillages.Record> utility = Map.of("H7",
                new HouseholdVillages.Record(HERE, "income_utilities 居民用水用电_202503.csv 第9行"));

        assertThat(HouseholdVillages.of(rows, Map.of("H7", HERE), 1).stale()).isEmpty();
        assertThat(HouseholdVillages.of(rows, Map.of(), 1, utility, 3).stale()).extracting(HouseholdVillages.Stale::row)
                .containsExactly(alone);
        // a record that agrees changes nothing
        assertThat(HouseholdVillages.of(rows, Map.of(), 1, Map.of("H7", new HouseholdVillages.Record(OLD, "x")), 3)
                .stale()).isEmpty();
    }
}
