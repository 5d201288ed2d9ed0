package org.olive.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.load.Fixture.Result;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.MappingLoader;
import org.olive.ingest.table.ReaderOptions;

/** A county with differently named columns, a title, semicolons and GB18030 needs only its own mapping file. */
class CountyMappingTest {

    @TempDir
    Path dir;

    private static final String MAPPING = """
            dataset: hukou
            sub_database: basic
            primary_key: [person_id]
            reader: {encoding: GB18030, delimiter: ";", header_row: 3}
            fields:
              person_id: {type: id_number, required: true, headers: [身份证号]}
              name: {type: text, required: true, headers: [名字]}
              sex: {type: code, required: true, headers: [性别], values: {"1": M, "2": F}}
              birth_date: {type: date, required: true, headers: [出生年月日]}
              hukou_no: {type: text, required: true, headers: [户编号]}
              relation_to_head: {type: relation, required: true, headers: [家庭关系]}
              village_code: {type: division, required: true, headers: [村（社区）代码]}
            """;

    @Test
    void aCountyMappingWithReaderHintsReadsItsOddFileWithoutCodeChanges() {
        String text = "嵊泗县某乡镇户籍人口花名册\r\n\r\n身份证号;名字;性别;出生年月日;户编号;家庭关系;村(社区)代码\r\n"
                + TestFiles.id(1) + ";张三;1;1980/1/2;H1;户主;" + TestFiles.village(1) + "\r\n"
                + TestFiles.id(2) + ";李四;2;1982年3月4日;H1;妻;" + TestFiles.village(1) + "\r\n";
        Path p = TestFiles.write(dir, "county.csv", text.getBytes(EncodingDetector.GB18030));
        DatasetMapping m = MappingLoader.load(new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8)), "county-hukou.yaml");
        Result r = Fixture.ingest(p, m, ReaderOptions.defaults());
        assertThat(r.summary().rowsIn()).isEqualTo(r.summary().loaded() + r.summary().rejected());
        assertThat(r.summary().complete()).isTrue();
        assertThat(r.summary().loaded()).isEqualTo(2);
        assertThat(r.summary().source().encodingReason()).startsWith("declared by the caller");
        assertThat(r.summary().source().delimiter()).isEqualTo(';');
        assertThat(r.summary().source().notices()).containsExactly("2 row(s) above the header (titles) were skipped");
        assertThat(r.loaded()).extracting(o -> o.record().get("relation_to_head")).containsExactly("02", "12");
        assertThat(r.loaded()).extracting(o -> o.record().get("birth_date"))
                .containsExactly(LocalDate.of(1980, 1, 2), LocalDate.of(1982, 3, 4));
    }
}
