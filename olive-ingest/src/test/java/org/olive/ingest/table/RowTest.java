package org.olive.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void rawRowQuotesValuesThatNeedIt() {
        Row r = new Row(2, 2, List.of("张三", "菜园镇, 东海", "他说\"好\"", "a\nb", ""));
        assertThat(r.raw()).isEqualTo("张三,\"菜园镇, 东海\",\"他说\"\"好\"\"\",\"a\nb\",");
    }

    @Test
    void blankAndShortRows() {
        assertThat(new Row(2, 2, List.of(" ", "\t", "")).isBlank()).isTrue();
        assertThat(new Row(2, 2, List.of(" ", "x")).isBlank()).isFalse();
        assertThat(new Row(2, 2, List.of("a")).get(3)).isEmpty();
    }

    @Test
    void headerNamesAreCleanedAndIndexed() {
        Header h = Header.of(List.of("\uFEFF姓名", " 性别\u3000", "备\n注"));
        assertThat(h.names()).containsExactly("姓名", "性别", "备注");
        assertThat(h.indexOf("性别")).isEqualTo(1);
        assertThat(h.indexOf("民族")).isEqualTo(-1);
    }
}
