package org.olive.occupation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccupationRulesTest {

    static OccupationRules read(String yaml) {
        return OccupationRules.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "occupation.yaml");
    }

    @Test
    void theShippedRulesLoadAndEveryCodeIsReal() {
        OccupationRules r = ShippedOccupation.rules();
        OccupationClassification gbt = OccupationClassification.gbt6565();
        assertThat(r.version()).isNotBlank();
        assertThat(r.employmentMonths()).isEqualTo(3);
        assertThat(r.precedence()).hasSize(OccupationSource.values().length - 1);
        assertThat(r.industryOccupations().values()).allMatch(gbt::isLevel2);
        assertThat(r.targets().values()).allMatch(t -> gbt.isLevel2(t.occupation()));
        assertThat(r.occupationOfIndustry("5531")).isEqualTo("4-02");
        assertThat(r.occupationOfIndustry("0421")).isEqualTo("5-04");
        assertThat(r.occupationOfIndustry(null)).isEqualTo(r.industryFallback());
        // every GB/T 4754 大类 has an entry: the fallback is for unknown employers only
        for (int d = 1; d <= 97; d++) {
            String code = String.format("%02d", d);
            if (IndustryClassification.gbt4754().isValid(code)) {
                assertThat(r.industryOccupations()).as("industry " + code).containsKey(code);
            }
        }
    }

    @Test
    void aWrongFileReportsEveryProblemWithItsKey() throws Exception {
        String shipped = Files.readString(ShippedOccupation.FILE);
        String wrong = shipped
                .replace("employment_months: 3", "employment_months: 30")
                .replace("from: 16", "from: 70")
                .replace("precedence: [CERTIFICATE, BUSINESS,", "precedence: [CERTIFICATE, CERTIFICATE, WIZARD,")
                .replace("CERTIFICATE: 0.9 ", "CERTIFICATE: 1.5 ")
                .replace("detail: '4-10-08-01'", "detail: '4-02-07-08'")
                .replace("'04': '5-04'", "04: '5-04'")
                .replace("'83': '2-08'", "'83': '2'")
                .replace("industry: '6130'", "industry: '613'")
                .replace("industry_fallback: '8-00'", "industry_fallback: '9-99'")
                + "colour: blue\n";
        assertThatThrownBy(() -> read(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("occupation.yaml: ")
                .hasMessageContaining("facts.employment_months: '30' is not a whole number from 1 to 12")
                .hasMessageContaining("working_age.to.M: 59 is below working_age.from 70")
                .hasMessageContaining("precedence: CERTIFICATE is listed twice")
                .hasMessageContaining("precedence: 'WIZARD' is not a source")
                .hasMessageContaining("precedence: BUSINESS is missing")
                .hasMessageContaining("confidence.CERTIFICATE: '1.5' is not a number from 0 to 1")
                .hasMessageContaining("targets.PLATFORM:DELIVERY.detail: '4-02-07-08' is not under 4-10")
                .hasMessageContaining("industry_occupations.4: not a quoted GB/T 4754 code")
                .hasMessageContaining("industry_occupations.83: '2' is not a GB/T 6565 中类")
                .hasMessageContaining("targets.BNB.industry: '613' is not a quoted 4-digit GB/T 4754 class")
                .hasMessageContaining("industry_fallback: '9-99' is not a GB/T 6565 中类")
                .hasMessageContaining("colour: unknown key");
    }

    @Test
    void missingSectionsAreNamed() {
        assertThatThrownBy(() -> read("version: x\n")).hasMessageContaining("facts: missing")
                .hasMessageContaining("precedence: missing").hasMessageContaining("industry_fallback: missing");
        assertThatThrownBy(() -> read("- a list\n")).hasMessageContaining("expected a map");
    }

    @Test
    void classificationsKnowTheirLevels() {
        OccupationClassification o = OccupationClassification.gbt6565();
        assertThat(o.level2("4-03-02-01")).contains("4-03");
        assertThat(o.level2("4-03")).contains("4-03");
        assertThat(o.level2("4")).isEmpty();
        assertThat(o.level2("9-99-99")).isEmpty();
        assertThat(o.level("4-10-08-01")).isEqualTo(4);
        assertThat(o.name("4-10-08-01")).contains("网约配送员");
        IndustryClassification i = IndustryClassification.gbt4754();
        assertThat(i.isClass("5532")).isTrue();
        assertThat(i.isClass("553")).isFalse();
        assertThat(i.section("5532")).contains("G");
        assertThat(i.name("6130")).contains("民宿服务");
    }
}
