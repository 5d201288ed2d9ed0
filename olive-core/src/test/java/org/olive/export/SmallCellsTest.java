package org.olive.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallCellsTest {

    private final SmallCells five = new SmallCells(5);

    @Test
    void aCountOfOneToFourIsHiddenZeroAndFiveArePublished() {
        assertThat(five.show(3)).isEqualTo("<5");
        assertThat(five.show(1)).isEqualTo("<5");
        assertThat(five.show(4)).isEqualTo("<5");
        assertThat(five.show(0)).isEqualTo("0");
        assertThat(five.show(5)).isEqualTo("5");
        assertThat(SmallCells.EXACT.show(3)).isEqualTo("3");
        assertThat(new SmallCells(1).exact()).isTrue();
        assertThat(five.exact()).isFalse();
    }

    @Test
    void aLoneHiddenCellTakesTheSmallestOtherNonZeroCellWithIt() {
        // total 3 + 7 + 20 + 0 = 30 published: 3 alone would be 30 - 7 - 20
        assertThat(five.hide(20, 3, 0, 7)).containsExactly(false, true, false, true);
        // two hidden already: nothing more
        assertThat(five.hide(20, 3, 2, 7)).containsExactly(false, true, true, false);
        // nothing hidden
        assertThat(five.hide(20, 5, 0)).containsExactly(false, false, false);
        // a lone cell with no other non-zero cell: only itself
        assertThat(five.hide(3, 0)).containsExactly(true, false);
        assertThat(SmallCells.EXACT.hide(1, 2)).containsExactly(false, false);
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> new SmallCells(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
