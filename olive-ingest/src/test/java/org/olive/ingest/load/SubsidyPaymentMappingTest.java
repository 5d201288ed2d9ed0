package org.olive.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.ingest.TestFiles;
import org.olive.ingest.encoding.EncodingDetector;
import org.olive.ingest.load.Fixture.Result;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.ReferenceCodes;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.ReaderOptions;

/**
 * 惠民惠农补贴发放明细 (subsidy_payment) through its built-in mapping: a GB18030 CSV with the 一卡通's Chinese headers,
 * item codes and names translated into the library's codes; with the county's policy codes as reference, a row whose
 * code is no policy of them is rejected with that reason (an unknown local name, 低保 which is paid elsewhere), and so
 * are a repeated payment (the same person, policy and month), a zero amount and a bad ID number — each naming file,
 * row, field and reason.
 */
class SubsidyPaymentMappingTest {

    @TempDir
    Path dir;

    private static final String HEADER = "公民身份号码,姓名,户号,补贴项目代码,补贴项目名称,补贴所属期,发放金额,发放部门,发放日期,银行账号后四位\r\n";
    /** The policies of the built-in policies.yaml paid through the 一卡通 (all but DIBAO). */
    private static final Set<String> POLICIES = Set.of("DIBIAN_AID", "DISABLED_LIVING", "DISABLED_CARE",
            "GRADUATE_EMPLOYMENT", "SKILL_BONUS", "STARTUP_LOAN_INTEREST", "CHILDCARE", "OLD_AGE_ALLOWANCE", "ONE_CHILD");
    private static final String WHAT = "a policy of policies.yaml paid through subsidy_payment";

    private Path delivery() {
        String text = HEADER
                + TestFiles.id(1) + ",张阿大,100000012,MZ0301,高龄津贴,202402,100.00,县民政局,2024-02-15,0123\r\n"
                + TestFiles.id(2) + ",李小红,100000013,技能提升补贴,技能提升补贴,202402,1500.00,县人力社保局,2024-02-18,4567\r\n"
                + TestFiles.id(3) + ",王小宝,100000014,CHILDCARE,育儿补贴,202402,3600.00,县卫生健康局,2024-02-11,\r\n"
                + TestFiles.id(4) + ",赵大爷,100000015,老年人高龄补助金,高龄津贴,202402,100.00,县民政局,2024-02-15,1111\r\n"
                + TestFiles.id(5) + ",钱阿婆,100000016,DIBAO,最低生活保障金,202402,900.00,县民政局,2024-02-15,2222\r\n"
                + TestFiles.id(1) + ",张阿大,100000012,MZ0301,高龄津贴,202402,100.00,县民政局,2024-02-15,0123\r\n"
                + TestFiles.id(7) + ",孙小西,100000017,CL0102,重度残疾人护理补贴,202402,0.00,县残联,2024-02-15,3333\r\n"
                + "330922195001011234,周大伯,100000018,MZ0301,高龄津贴,202402,200.00,县民政局,2024-02-15,4444\r\n";
        return TestFiles.write(dir, "惠民惠农补贴发放明细_202402.csv", text.getBytes(EncodingDetector.GB18030));
    }

    private static List<Reject> rejects(Result r) {
        return r.rejected().stream().map(RowOutcome.Rejected::rejects).flatMap(List::stream).toList();
    }

    @Test
    void withTheCountysPoliciesAnUnknownCodeIsRejectedWithItsReason() {
        ValidationContext ctx = ValidationContext.shengsi(Fixture.TODAY)
                .withReferences(List.of(new ReferenceCodes("subsidy_payment", "policy_code", POLICIES, WHAT)));
        Result r = Fixture.ingest(delivery(), BuiltInMappings.get("subsidy_payment"), ctx, ReaderOptions.defaults());

        assertThat(r.summary().source().encoding()).containsIgnoringCase("GB18030");
        assertThat(r.summary().rowsIn()).isEqualTo(8);
        assertThat(r.loaded()).extracting(o -> o.record().get("policy_code"))
                .containsExactly("OLD_AGE_ALLOWANCE", "SKILL_BONUS", "CHILDCARE");
        assertThat(r.loaded().get(1).record().get("amount", BigDecimal.class)).isEqualByComparingTo("1500");
        assertThat(r.loaded().get(0).record().get("month")).hasToString("2024-02");
        assertThat(r.loaded().get(0).record().get("department")).isEqualTo("县民政局");

        List<Reject> rejects = rejects(r);
        assertThat(rejects).allSatisfy(x -> assertThat(x.file()).endsWith("惠民惠农补贴发放明细_202402.csv"));
        assertThat(rejects).extracting(Reject::row, Reject::field, Reject::reason).contains(
                tuple(5L, "补贴项目代码", "'老年人高龄补助金' is not " + WHAT),
                tuple(6L, "补贴项目代码", "'DIBAO' is not " + WHAT));
        assertThat(rejects).extracting(Reject::row, Reject::field).contains(tuple(8L, "发放金额"), tuple(9L, "公民身份号码"));
        Reject duplicate = rejects.stream().filter(x -> x.row() == 7L).findFirst().orElseThrow();
        assertThat(duplicate.reason()).contains("duplicate key").contains("row 2");
    }

    @Test
    void withoutReferenceCodesTheMappingsValuesAreTheList() {
        Result r = Fixture.ingest(delivery(), "subsidy_payment");
        assertThat(r.loaded()).extracting(o -> o.record().get("policy_code"))
                .containsExactly("OLD_AGE_ALLOWANCE", "SKILL_BONUS", "CHILDCARE");
        assertThat(rejects(r)).extracting(Reject::row, Reject::field).contains(tuple(5L, "补贴项目代码"), tuple(6L, "补贴项目代码"));
    }
}
