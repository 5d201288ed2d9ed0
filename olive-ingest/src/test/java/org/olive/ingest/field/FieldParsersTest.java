package org.olive.ingest.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.olive.identity.IdNumber;
import org.olive.ingest.TestFiles;
import org.olive.period.Period;

class FieldParsersTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    @Test
    void normalizerMakesFullWidthHalfWidth() {
        assertThat(TextNormalizer.normalize("\u3000１２３，４５６．７８\u3000")).isEqualTo("123,456.78");
        assertThat(TextNormalizer.normalize("ＡＢＣ－ｘ")).isEqualTo("ABC-x");
        assertThat(TextNormalizer.normalize("\u2212" + "5")).isEqualTo("-5");
        assertThat(TextNormalizer.isBlank("\u3000 \u00A0")).isTrue();
    }

    @Test
    void integersAcceptSpreadsheetFormsAndRefuseTheAbsurd() {
        IntegerParser p = new IntegerParser(0, 100);
        assertThat(p.parse("42").value()).isEqualTo(42L);
        assertThat(p.parse("42").wasRepaired()).isFalse();
        assertThat(p.parse("４２").value()).isEqualTo(42L);
        assertThat(p.parse("４２").wasRepaired()).isTrue();
        assertThat(p.parse("42.0").value()).isEqualTo(42L);
        assertThat(p.parse("42.5").error()).contains("not a whole number");
        assertThat(p.parse("abc").error()).contains("not a number");
        assertThat(p.parse("101").error()).contains("outside the plausible range [0, 100]");
    }

    @Test
    void amountsStripCurrencyAndThousandsSeparators() {
        DecimalParser p = DecimalParser.amount(new BigDecimal("-1000000"), new BigDecimal("1000000"));
        assertThat(p.parse("1234.5").value()).isEqualByComparingTo("1234.50");
        assertThat(p.parse("1234.5").wasRepaired()).isFalse();
        assertThat(p.parse("¥１２，３４５．６元").value()).isEqualByComparingTo("12345.60");
        assertThat(p.parse("¥１２，３４５．６元").repairs()).anyMatch(r -> r.contains("currency"));
        assertThat(p.parse("1,234,567.891").error()).contains("plausible range");
        assertThat(p.parse("1.2万").value()).isEqualByComparingTo("12000");
        assertThat(p.parse("1.2万").repairs()).anyMatch(r -> r.contains("万"));
        assertThat(p.parse("(500)").value()).isEqualByComparingTo("-500");
        assertThat(p.parse("－500").value()).isEqualByComparingTo("-500");
        assertThat(p.parse("12.345").repairs()).anyMatch(r -> r.contains("rounded"));
        assertThat(p.parse("1234.5600000000001").wasRepaired()).isFalse();
        assertThat(p.parse("1,23").error()).contains("not a number");
        assertThat(p.parse("十元").error()).contains("not a number");
        assertThat(p.parse("N/A").error()).contains("not a number");
        assertThat(p.parse("1e999999999").error()).contains("too large");
        assertThat(new IntegerParser(0, 10).parse("1e999999999").error()).contains("too large");
    }

    @Test
    void datesInDepartmentFormats() {
        DateParser p = DateParser.upTo(TODAY);
        LocalDate d = LocalDate.of(2023, 1, 5);
        for (String s : new String[] {"2023-01-05", "2023-1-5", "2023/1/5", "2023.01.05", "20230105", "2023年1月5日",
                "2023-01-05 00:00:00", "２０２３－０１－０５", "2023-01-05T08:30"}) {
            assertThat(p.parse(s).value()).as(s).isEqualTo(d);
            assertThat(p.parse(s).wasRepaired()).as(s).isFalse();
        }
        assertThat(p.parse("44931").value()).isEqualTo(d);
        assertThat(p.parse("44931").repairs()).singleElement().asString().contains("Excel serial");
    }

    @Test
    void impossibleFutureAndImplausibleDatesAreRefusedWithReason() {
        DateParser p = DateParser.upTo(TODAY);
        assertThat(p.parse("2023-02-30").error()).contains("not a calendar date");
        assertThat(p.parse("20231301").error()).contains("not a calendar date");
        assertThat(p.parse("2031-01-01").error()).contains("in the future").contains("2024-06-30");
        assertThat(p.parse("1066-10-14").error()).contains("before 1880");
        assertThat(p.parse("yesterday").error()).contains("not a date");
        assertThat(p.parse("123").error()).contains("not a date");
    }

    @Test
    void dateTimes() {
        DateTimeParser p = new DateTimeParser(DateParser.upTo(TODAY), TODAY.atTime(23, 59, 59));
        assertThat(p.parse("2023-01-05 08:30:15").value()).isEqualTo(LocalDateTime.of(2023, 1, 5, 8, 30, 15));
        assertThat(p.parse("2023/1/5 8:30").value()).isEqualTo(LocalDateTime.of(2023, 1, 5, 8, 30));
        assertThat(p.parse("44931.5").value()).isEqualTo(LocalDateTime.of(2023, 1, 5, 12, 0));
        assertThat(p.parse("2023-01-05").error()).contains("not a date and time");
        assertThat(p.parse("2023-01-05 25:00").error()).contains("impossible time");
        assertThat(p.parse("2030-01-05 08:00").error()).contains("future");
    }

    @Test
    void months() {
        MonthParser p = new MonthParser(MonthParser.DEFAULT_EARLIEST, Period.of(2024, 6));
        for (String s : new String[] {"2024-01", "202401", "2024/1", "2024年1月", "2024.01"}) {
            assertThat(p.parse(s).value()).as(s).isEqualTo(Period.of(2024, 1));
        }
        assertThat(p.parse("202413").error()).contains("not a calendar month");
        assertThat(p.parse("2024-07").error()).contains("future");
        assertThat(p.parse("24-01").error()).contains("not a month");
    }

    @Test
    void idNumbersAreRepairedWhenLegacyAndRefusedWhenBroken() {
        IdNumberParser p = new IdNumberParser();
        String id = TestFiles.id(7);
        assertThat(p.parse(id).value()).isEqualTo(IdNumber.of(id));
        assertThat(p.parse(id).wasRepaired()).isFalse();
        String legacy = id.substring(0, 6) + id.substring(8, 17);
        ParseResult<IdNumber> up = p.parse(legacy);
        assertThat(up.value()).isEqualTo(IdNumber.of(id));
        assertThat(up.repairs()).contains("upgraded 15-digit ID number to 18 digits");
        assertThat(p.parse(" " + id.substring(0, 6) + " " + id.substring(6)).wasRepaired()).isTrue();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        assertThat(p.parse(wrongCheck).error()).contains("check character");
        assertThat(p.parse("3.30922199001011E+17").error()).contains("stored as a number");
        assertThat(p.parse("12345").error()).contains("18 characters");
    }

    @Test
    void creditCodes() {
        CreditCodeParser p = new CreditCodeParser();
        String code = org.olive.identity.CreditCode.compose(org.olive.identity.CreditCode.Kind.INDIVIDUAL_BUSINESS, "330922", 12345).value();
        assertThat(p.parse(code).value().value()).isEqualTo(code);
        assertThat(p.parse(code.toLowerCase()).wasRepaired()).isTrue();
        assertThat(p.parse(code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0')).error()).contains("check character");
    }

    @Test
    void familyRelationCodesAndNames() {
        CodeParser p = CodeParser.familyRelation();
        assertThat(p.parse("02").value()).isEqualTo("02");
        assertThat(p.parse("户主").value()).isEqualTo("02");
        assertThat(p.parse("长子").value()).isEqualTo("22");
        assertThat(p.parse("妻").value()).isEqualTo("12");
        assertThat(p.parse("０２").value()).isEqualTo("02");
        assertThat(p.parse("03").error()).contains("GB/T 4761");
        assertThat(p.parse("98").error()).contains("not a");
        assertThat(CodeTable.familyRelations().name("99")).contains("非亲属");
    }

    @Test
    void occupationAndIndustryCodesAtAnyLevel() {
        assertThat(CodeParser.occupation().parse("4-03-02-01").ok()).isTrue();
        assertThat(CodeParser.occupation().parse("4-03").ok()).isTrue();
        assertThat(CodeParser.occupation().parse("４－０３－０２－０１").value()).isEqualTo("4-03-02-01");
        assertThat(CodeParser.occupation().parse("9-99-99-99").error()).contains("GB/T 6565");
        assertThat(CodeParser.industry().parse("5531").ok()).isTrue();
        assertThat(CodeParser.industry().parse("0111").ok()).isTrue();
        assertThat(CodeParser.industry().parse("a").value()).isEqualTo("A");
        assertThat(CodeParser.industry().parse("9999").error()).contains("GB/T 4754");
    }

    @Test
    void divisionCodesMustBeAVillageOrTownshipOfTheCounty() {
        DivisionCodeParser p = DivisionCodeParser.villageOrTownship(TestFiles.SHENGSI);
        String village = TestFiles.village(0);
        assertThat(p.parse(village).value()).isEqualTo(village);
        assertThat(p.parse("330922100").value()).isEqualTo("330922100000");
        assertThat(p.parse("330922100").wasRepaired()).isTrue();
        assertThat(p.parse("330922000000").error()).contains("county");
        assertThat(p.parse("110101001001").error()).contains("not a division code");
    }

    @Test
    void valueMapsMatchAfterNormalisation() {
        ValueMapParser p = new ValueMapParser(java.util.Map.of("男", "M", "女", "F", "1", "M", "2", "F"));
        assertThat(p.parse("男").value()).isEqualTo("M");
        assertThat(p.parse(" １ ").value()).isEqualTo("M");
        assertThat(p.parse("未知").error()).contains("not one of the accepted values");
    }

    @Test
    void longTextIsRefused() {
        assertThat(new TextParser(3).parse(" 张三丰 ").value()).isEqualTo("张三丰");
        assertThat(new TextParser(3).parse("张三丰x").error()).contains("longer than the limit of 3");
    }
}
