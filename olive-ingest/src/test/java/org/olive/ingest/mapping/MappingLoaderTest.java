package org.olive.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.olive.ingest.table.Header;
import org.olive.ingest.table.IngestError;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.SourceDescription;

class MappingLoaderTest {

    private static DatasetMapping load(String yaml) {
        return MappingLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "county.yaml");
    }

    private static final SourceDescription CSV = new SourceDescription("f.csv", SourceDescription.Format.CSV, "GB18030",
            "byte 0xB9 at offset 0 is not valid UTF-8", ',', null, List.of());

    @Test
    void fullAndShortFieldFormsWithCodesKeptAsText() {
        DatasetMapping m = load("""
                dataset: hukou
                title: 户籍
                sub_database: 基础信息库
                primary_key: [id_number]
                fields:
                  id_number:
                    type: id_number
                    required: true
                    headers: [公民身份号码, 身份证号, 证件号码]
                  relation:
                    type: code
                    headers: 与户主关系
                    values: {01: SELF, 02: HEAD, 男: M}
                  income: {type: amount, headers: [收入], min: 0, max: 1_000_000}
                  name: [姓名, 名字]
                """);
        assertThat(m.dataset()).isEqualTo("hukou");
        assertThat(m.primaryKey()).containsExactly("id_number");
        FieldSpec id = m.field("id_number").orElseThrow();
        assertThat(id.type()).isEqualTo(FieldType.ID_NUMBER);
        assertThat(id.required()).isTrue();
        assertThat(id.headers()).containsExactly("公民身份号码", "身份证号", "证件号码");
        assertThat(m.field("relation").orElseThrow().values()).containsEntry("01", "SELF").containsEntry("02", "HEAD");
        assertThat(m.field("income").orElseThrow().max()).isEqualByComparingTo("1000000");
        FieldSpec name = m.field("name").orElseThrow();
        assertThat(name.type()).isEqualTo(FieldType.TEXT);
        assertThat(name.required()).isFalse();
    }

    @Test
    void mistakesInAMappingFileAreNamedWithTheirPlace() {
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nfields:\n  a: {type: sexx, headers: [A]}\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("county.yaml at fields.a.type").hasMessageContaining("unknown type 'sexx'");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nfields:\n  a: {type: text, header: [A]}\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("fields.a.header").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nfields:\n  a: {type: text}\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("fields.a.headers").hasMessageContaining("missing");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nprimary_key: [b]\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("primary key field b");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nfields:\n  a: {type: code, headers: [A]}\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("values map");
        assertThatThrownBy(() -> load("dataset: [x\n")).isInstanceOf(MappingException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nreader: {encoding: BIG-FIVE-ISH}\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("reader.encoding");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nreader: {delimiter: '||'}\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("reader.delimiter");
        assertThat(load("dataset: x\nsub_database: basic\nreader: {delimiter: tab, header_row: 2}\nfields:\n  a: [A]\n").reader())
                .isEqualTo(new ReaderHints(null, '\t', 2, null));
    }

    @Test
    void bindingFindsAliasesAndFullWidthVariants() {
        DatasetMapping m = load("""
                dataset: d
                sub_database: income
                fields:
                  id: {type: id_number, required: true, headers: [公民身份号码, 身份证号]}
                  born: {type: date, headers: [出生日期(公历)]}
                  other: [不存在的列]
                """);
        ColumnBinding b = ColumnBinding.bind(m, Header.of(List.of("序号", "身份证号", "出生日期（公历）")), CSV);
        assertThat(b.columns()).containsEntry("id", 1).containsEntry("born", 2).containsEntry("other", -1);
        assertThat(b.headers()).containsEntry("id", "身份证号");
        assertThat(b.unused()).containsExactly("序号");
    }

    @Test
    void missingRequiredColumnNamesFileColumnAcceptedNamesAndFoundHeaders() {
        DatasetMapping m = BuiltInMappings.get("hukou");
        assertThatThrownBy(() -> ColumnBinding.bind(m, Header.of(List.of("身份证号", "姓名", "性别")), CSV))
                .isInstanceOf(IngestException.class).satisfies(e -> {
                    IngestError err = ((IngestException) e).error();
                    assertThat(err.kind()).isEqualTo(IngestError.Kind.UNKNOWN_COLUMNS);
                    assertThat(err.file()).isEqualTo("f.csv");
                    assertThat(err.reason()).contains("birth_date (one of 出生日期, 出生年月日, 出生年月)")
                            .contains("Headers found: 身份证号, 姓名, 性别").contains("GB18030");
                });
        assertThatThrownBy(() -> ColumnBinding.bind(m, Header.of(List.of("X", "Y")), CSV))
                .hasMessageContaining("match no field of dataset hukou");
    }

    @Test
    void aNeededColumnThatAppearsTwiceIsABadHeader() {
        DatasetMapping m = load("dataset: d\nsub_database: work\nfields:\n  name: [姓名]\n");
        assertThatThrownBy(() -> ColumnBinding.bind(m, Header.of(List.of("姓名", "年龄", "姓名")), CSV))
                .isInstanceOf(IngestException.class)
                .satisfies(e -> assertThat(((IngestException) e).error().kind()).isEqualTo(IngestError.Kind.BAD_HEADER))
                .hasMessageContaining("columns [1, 3]");
    }

    @Test
    void theSubDatabaseIsRequiredAndMustBeOneOfTheThree() {
        assertThat(load("dataset: x\nsub_database: WORK\nfields:\n  a: [A]\n").subDatabase()).isEqualTo(SubDatabase.WORK);
        assertThat(load("dataset: x\nsub_database: 收支信息库\nfields:\n  a: [A]\n").subDatabase()).isEqualTo(SubDatabase.INCOME);
        assertThatThrownBy(() -> load("dataset: x\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("county.yaml at sub_database")
                .hasMessageContaining("is missing").hasMessageContaining("basic (基础信息库), work (工作信息库) or income (收支信息库)");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: wages\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("sub_database")
                .hasMessageContaining("unknown sub-database 'wages'");
        assertThatThrownBy(() -> load("dataset: x\nsub_database: [basic, work]\nfields:\n  a: [A]\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("sub_database").hasMessageContaining("single value");
    }

    @Test
    void onlyFieldsMarkedFutureAcceptDatesAfterTheLatestDate() {
        DatasetMapping m = load("""
                dataset: rentals
                sub_database: income
                fields:
                  start: {type: date, headers: [起租日期]}
                  end: {type: date, headers: [止租日期], future: true}
                  month: {type: month, headers: [月份], future: yes}
                """);
        ValidationContext ctx = ValidationContext.shengsi(java.time.LocalDate.of(2024, 6, 30));
        assertThat(ParserFactory.parser(m.field("start").orElseThrow(), ctx).parse("2025-01-01").ok()).isFalse();
        assertThat(ParserFactory.parser(m.field("end").orElseThrow(), ctx).parse("2025-01-01").ok()).isTrue();
        assertThat(ParserFactory.parser(m.field("month").orElseThrow(), ctx).parse("202612").ok()).isTrue();
        assertThatThrownBy(() -> load("dataset: x\nsub_database: basic\nfields:\n  a: {type: amount, headers: [A], future: true}\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("'future' applies only to date");
    }

    @Test
    void identifyRefusesToGuessBetweenTwoEquallyGoodMappings() {
        DatasetMapping a = load("dataset: a\nsub_database: basic\nfields:\n  id: {type: id_number, required: true, headers: [公民身份号码]}\n");
        DatasetMapping b = load("dataset: b\nsub_database: work\nfields:\n  id: {type: id_number, required: true, headers: [公民身份号码]}\n");
        DatasetMapping c = load("dataset: c\nsub_database: work\nfields:\n  id: {type: id_number, required: true, headers: [公民身份号码]}\n"
                + "  name: [姓名]\n");
        Header h = Header.of(List.of("公民身份号码", "姓名"));
        assertThat(BuiltInMappings.identify(h, List.of(a, b))).isEmpty();
        assertThat(BuiltInMappings.identify(h, List.of(a, b, c))).map(DatasetMapping::dataset).contains("c");
        assertThat(BuiltInMappings.matches(h, List.of(a, b, c))).extracting(BuiltInMappings.Match::columns).containsExactly(2, 1, 1);
    }

    @Test
    void builtInMappingsLoadAndIdentifyTheirFiles() {
        assertThat(BuiltInMappings.all()).extracting(DatasetMapping::dataset).containsExactlyElementsOf(BuiltInMappings.DATASETS);
        Header hukou = Header.of(List.of("公民身份号码", "姓名", "性别", "出生日期", "民族", "户号", "与户主关系", "村社代码"));
        assertThat(BuiltInMappings.identify(hukou, BuiltInMappings.all())).map(DatasetMapping::dataset).contains("hukou");
        Header si = Header.of(List.of("公民身份号码", "姓名", "单位统一社会信用代码", "费款所属期", "险种类型", "缴费基数"));
        assertThat(BuiltInMappings.identify(si, BuiltInMappings.all())).map(DatasetMapping::dataset).contains("social_insurance");
        assertThat(BuiltInMappings.identify(Header.of(List.of("foo", "bar")), BuiltInMappings.all())).isEmpty();
    }
}
