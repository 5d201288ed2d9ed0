package org.olive.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.load.Fixture.Result;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.RowOutcome;

/**
 * 学生缴费 (education_fee) through its built-in mapping: a GB18030 CSV with the synthetic county's Chinese headers;
 * rows with a negative or absurd fee, a bad ID number, an unknown level or no payment date are rejected, each naming
 * file, row, field and reason.
 */
class EducationFeeMappingTest {

    @TempDir
    Path dir;

    private static final String HEADER = "公民身份号码,姓名,学校名称,学段,学期,缴费月份,学费,住宿费,其他费用,缴费日期\r\n";

    @Test
    void aGb18030DeliveryLoadsItsFeesAndRejectsBadRowsWithTheirReason() {
        String text = HEADER
                + TestFiles.id(1) + ",张小明,嵊泗县菜园镇中心幼儿园,学前,2023-2024学年第二学期,202402,2400.00,0.00,350.00,2024-02-19\r\n"
                + TestFiles.id(2) + ",李小红,嵊泗中学,高中,2023-2024学年第二学期,202402,1250.00,800.00,1280.00,2024-02-20\r\n"
                + TestFiles.id(3) + ",王小刚,嵊泗县菜园镇中心小学,小学,2023-2024学年第二学期,202403,0.00,0.00,240.00,2024-03-04\r\n"
                + TestFiles.id(4) + ",赵小东,嵊泗中学,高中,2023-2024学年第二学期,202402,-1250.00,800.00,500.00,2024-02-20\r\n"
                + "330922200801011234,钱小北,嵊泗中学,高中,2023-2024学年第二学期,202402,1250.00,800.00,500.00,2024-02-20\r\n"
                + TestFiles.id(6) + ",孙小西,嵊泗县夜校,夜校,2023-2024学年第二学期,202402,100.00,0.00,0.00,2024-02-20\r\n"
                + TestFiles.id(7) + ",周小南,浙江海洋大学,本科,2023-2024学年,202402,580000.00,1200.00,500.00,2024-02-20\r\n"
                + TestFiles.id(8) + ",吴小中,嵊泗中学,高中,2023-2024学年第二学期,202402,1250.00,800.00,500.00,\r\n";
        Path file = TestFiles.write(dir, "学生缴费_202402.csv", text.getBytes(EncodingDetector.GB18030));
        Result r = Fixture.ingest(file, "education_fee");

        assertThat(r.summary().source().encoding()).containsIgnoringCase("GB18030");
        assertThat(r.summary().rowsIn()).isEqualTo(8);
        assertThat(r.summary().loaded()).isEqualTo(3);
        assertThat(r.loaded()).extracting(o -> o.record().get("level")).containsExactly("PRESCHOOL", "SENIOR_SECONDARY", "PRIMARY");
        assertThat(r.loaded().get(1).record().get("tuition", BigDecimal.class)).isEqualByComparingTo("1250.00");
        assertThat(r.loaded().get(1).record().get("accommodation", BigDecimal.class)).isEqualByComparingTo("800");
        assertThat(r.loaded().get(2).record().get("month")).hasToString("2024-03");

        List<Reject> rejects = r.rejected().stream().map(RowOutcome.Rejected::rejects).flatMap(List::stream).toList();
        assertThat(rejects).allSatisfy(x -> {
            assertThat(x.file()).endsWith("学生缴费_202402.csv");
            assertThat(x.reason()).isNotBlank();
        });
        // the field is named by the file's header
        assertThat(rejects).extracting(Reject::row, Reject::field).contains(
                org.assertj.core.groups.Tuple.tuple(5L, "学费"),
                org.assertj.core.groups.Tuple.tuple(6L, "公民身份号码"),
                org.assertj.core.groups.Tuple.tuple(7L, "学段"),
                org.assertj.core.groups.Tuple.tuple(8L, "学费"),
                org.assertj.core.groups.Tuple.tuple(9L, "缴费日期"));
    }
}
