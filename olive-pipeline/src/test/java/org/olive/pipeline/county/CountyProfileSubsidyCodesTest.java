package org.olive.pipeline.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.pipeline.ingest.Databases;
import org.olive.pipeline.ingest.PeriodIngest;

/**
 * The 一卡通 disbursements' policy codes are checked against the county profile's policies.yaml when a period is
 * ingested with the profile ({@link CountyProfile#periodIngest}): a code that is no policy paid through them is rejected
 * naming the file, row, field and reason, and nothing of it reaches the master table.
 */
class CountyProfileSubsidyCodesTest {

    @TempDir
    Path dir;

    private static String id(int n) {
        return IdNumber.compose("330922", LocalDate.of(1940 + n, 3, 4), n, n % 2 == 0).value();
    }

    @Test
    void theBuiltInProfilesPoliciesPaidThroughTheDisbursementsAreAllButDibao() {
        CountyProfile p = CountyProfile.builtIn();
        assertThat(p.subsidyPolicyCodes()).contains("OLD_AGE_ALLOWANCE", "SKILL_BONUS", "CHILDCARE", "ONE_CHILD")
                .doesNotContain("DIBAO");
        assertThat(p.policies().codes()).contains("DIBAO").containsAll(p.subsidyPolicyCodes());
    }

    @Test
    void aCodeThatIsNoPolicyOfTheProfileIsRejectedWithItsReason() throws Exception {
        String header = "公民身份号码,姓名,户号,补贴项目代码,补贴项目名称,补贴所属期,发放金额,发放部门,发放日期,银行账号后四位";
        List<String> lines = List.of(header,
                id(1) + ",张阿大,100000012,MZ0301,高龄津贴,202402,100.00,县民政局,2024-02-15,0123",
                id(2) + ",李阿婆,100000013,XYZ,某补贴,202402,100.00,县民政局,2024-02-15,0456",
                id(3) + ",王大伯,100000014,RS0302,技能提升补贴,202402,1500.00,县人力社保局,2024-02-16,0789");
        Path period = Files.createDirectories(dir.resolve("2024-02"));
        Files.write(period.resolve("惠民惠农补贴发放明细_202402.csv"),
                String.join("\r\n", lines).getBytes(java.nio.charset.Charset.forName("GB18030")));
        DataSource ds = Databases.h2Memory();

        CountyProfile.builtIn().periodIngest(ds).ingest(period, Period.of(2024, 2));

        List<String> rejects = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT dataset, file_name, source_row, field, reason FROM ingest_reject")) {
                while (rs.next()) {
                    rejects.add(rs.getString(1) + " " + rs.getString(2) + ":" + rs.getLong(3) + " " + rs.getString(4) + ": "
                            + rs.getString(5));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT policy_code FROM income_subsidy_payment ORDER BY source_row")) {
                while (rs.next()) {
                    loaded.add(rs.getString(1));
                }
            }
        }
        assertThat(rejects).containsExactly("subsidy_payment 惠民惠农补贴发放明细_202402.csv:3 补贴项目代码: 'XYZ' is not "
                + "a policy of policies.yaml paid through subsidy_payment");
        assertThat(loaded).containsExactly("OLD_AGE_ALLOWANCE", "SKILL_BONUS");
    }

    @Test
    void referenceCodesMustNameADatasetAndAFieldOfIt() {
        DataSource ds = Databases.h2Memory();
        assertThatThrownBy(() -> PeriodIngest.withDefaults(ds).referenceCodes("subsidies", "policy_code", Set.of("A"), "x"))
                .hasMessageContaining("unknown dataset 'subsidies'");
        assertThatThrownBy(() -> PeriodIngest.withDefaults(ds).referenceCodes("subsidy_payment", "code", Set.of("A"), "x"))
                .hasMessageContaining("unknown field 'code' of subsidy_payment");
    }
}
