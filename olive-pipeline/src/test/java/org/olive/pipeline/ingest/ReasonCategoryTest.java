package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonCategoryTest {
    @Test
    void groupsTheSameReasonWithDifferentValues() {
        assertThat(ReasonCategory.of("ID number check character is 3, expected 5"))
                .isEqualTo(ReasonCategory.of("ID number check character is X, expected 7"))
                .isEqualTo("ID number check character is #, expected #");
        assertThat(ReasonCategory.of("'abc' is not a date (expected e.g. 2023-01-05, 2023/1/5, 20230105 or 2023年1月5日)"))
                .startsWith("'…' is not a date");
        assertThat(ReasonCategory.of("value 5000000.00 is outside the plausible range [0, 200000]"))
                .isEqualTo("value # is outside the plausible range […]");
        assertThat(ReasonCategory.of("duplicate key 330922 (first seen at row 3)")).isEqualTo("duplicate key");
        assertThat(ReasonCategory.isDuplicate("duplicate key x")).isTrue();
    }
}
