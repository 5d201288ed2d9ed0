package org.olive.indicator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquivalenceScaleTest {
    @Test
    void sizes() {
        int[] couplePlusChild = {40, 38, 10};
        assertThat(EquivalenceScale.PER_CAPITA.size(couplePlusChild)).isEqualTo(3);
        assertThat(EquivalenceScale.MODIFIED_OECD.size(couplePlusChild)).isEqualTo(1.8);
        assertThat(EquivalenceScale.SQUARE_ROOT.size(new int[]{1, 2, 3, 4})).isEqualTo(2);
        assertThat(EquivalenceScale.MODIFIED_OECD.size(new int[]{70})).isEqualTo(1);
        assertThat(EquivalenceScale.MODIFIED_OECD.size(new int[]{12})).isEqualTo(1);
        assertThat(EquivalenceScale.MODIFIED_OECD.size(new int[]{12, 40})).isEqualTo(1.3);
        assertThatThrownBy(() -> EquivalenceScale.PER_CAPITA.size(new int[0])).hasMessageContaining("member");
    }

    @Test
    void parsesCliNames() {
        assertThat(EquivalenceScale.parse("oecd")).isEqualTo(EquivalenceScale.MODIFIED_OECD);
        assertThat(EquivalenceScale.parse("per-capita")).isEqualTo(EquivalenceScale.PER_CAPITA);
        assertThat(EquivalenceScale.parse("SQRT")).isEqualTo(EquivalenceScale.SQUARE_ROOT);
        assertThatThrownBy(() -> EquivalenceScale.parse("x")).hasMessageContaining("per-capita, oecd or sqrt");
    }
}
