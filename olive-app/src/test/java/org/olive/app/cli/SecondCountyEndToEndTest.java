package org.olive.app.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olive.pipeline.county.CountyProfile;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in the pipeline is Shengsi's: a fictional county profile (青岚县, 330999: three townships and six villages of
 * its own, other 低保 lines and brackets, and a hukou extract whose ID column is named 身份证件号码, which no built-in
 * mapping knows) goes through synth → ingest → run → indicators with {@code --county}.
 */
class SecondCountyEndToEndTest {

    @TempDir
    static Path tmp;
    static Path profile;
    static Path data;
    static Outcome ran;

    /** @param data what the command wrote to its own output (the JSON of --format json) */
    private record Outcome(int exit, String out, String err, String data) {
    }

    private static Outcome olive(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out2 = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out2));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cl.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8) + out2, err.toString(), out2.toString());
        } finally {
            System.setOut(old);
        }
    }

    /** A command whose output is data (--format json): what it wrote to its own output. */
    private static Outcome data(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString(), out.toString());
    }

    /** The fictional county's profile: the built-in one, edited as a county would. */
    static void writeProfile(Path dir) throws Exception {
        assertThat(olive("county", "init", dir.toString()).exit()).isZero();
        Files.writeString(dir.resolve("county.yaml"), "profile: qinglan\ncode: \"330999\"\nname: 青岚县\ncity: 舟山市\n"
                + "province: 浙江省\n");
        Files.writeString(dir.resolve("divisions.csv"), String.join("\n", List.of(
                "code,name,level,parent_code,urban_rural_code",
                "330999000000,青岚县,county,330900000000,",
                "330999100000,青岚镇,township,330999000000,",
                "330999101000,白沙镇,township,330999000000,",
                "330999200000,石门乡,township,330999000000,",
                "330999100001,东湖社区居委会,village,330999100000,111",
                "330999100201,青岚村委会,village,330999100000,220",
                "330999101001,白沙社区居委会,village,330999101000,111",
                "330999101201,南岙村委会,village,330999101000,220",
                "330999200201,石门村委会,village,330999200000,220",
                "330999200202,北岭村委会,village,330999200000,220")) + "\n");
        for (String shengsiOnly : List.of("divisions_urban_rural_2016.csv", "boundaries.geojson", "township_centers.csv")) {
            Files.delete(dir.resolve(shengsiOnly));
        }
        Path income = dir.resolve("income.yaml");
        String yaml = Files.readString(income)
                .replace("    - {from: 2022, amount: 11000}\n", "    - {from: 2022, amount: 11000}\n"
                        + "    - {from: 2023, amount: 13200}\n")
                .replace("    lower: 100000\n    upper: 500000\n", "    lower: 80000\n    upper: 400000\n");
        assertThat(yaml).contains("{from: 2023, amount: 13200}", "lower: 80000\n    upper: 400000");
        Files.writeString(income, yaml);
        Path hukou = dir.resolve("mappings/hukou.yaml");
        String mapping = Files.readString(hukou);
        String renamed = mapping.replace("headers: [公民身份号码, 身份证号, 身份证号码, 证件号码, 居民身份证号码]",
                "headers: [身份证件号码]");
        assertThat(renamed).isNotEqualTo(mapping);
        Files.writeString(hukou, renamed);
    }

    @BeforeAll
    static void synthIngestRun() throws Exception {
        profile = tmp.resolve("qinglan");
        writeProfile(profile);
        Outcome check = olive("county", "check", profile.toString());
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("青岚县 (330999), 3 townships, 6 villages");

        data = tmp.resolve("data");
        Outcome synth = olive("synth", "--county", profile.toString(), "--out", data.resolve("county").toString(),
                "--persons", "600", "--from", "2023-11", "--to", "2023-12", "--tourists", "5000", "--seed", "9");
        assertThat(synth.exit()).as(synth.err()).isZero();
        // the county's police name the ID column differently: only the profile's mapping reads it
        try (Stream<Path> files = Files.walk(data.resolve("county"))) {
            for (Path f : files.filter(x -> x.getFileName().toString().startsWith("户籍人口_")).toList()) {
                Charset gb = Charset.forName("GB18030");
                String text = Files.readString(f, gb);
                assertThat(text).startsWith("公民身份号码,");
                Files.writeString(f, "身份证件号码" + text.substring("公民身份号码".length()), gb);
            }
        }
        ran = olive("run", "--county", profile.toString(), "--from", "2023-11", "--to", "2023-12", "--data-dir",
                data.toString());
        assertThat(ran.exit()).as(ran.err() + ran.out()).isZero();
    }

    @Test
    void theGeneratedCountyIsTheProfilesCounty() throws Exception {
        String manifest = Files.readString(data.resolve("county/truth/summary.json"));
        assertThat(manifest).contains("\"county\": \"330999 青岚县\"");
        String hukou = Files.readString(data.resolve("county/2023-12/户籍人口_202312.csv"), Charset.forName("GB18030"));
        assertThat(hukou).contains("浙江省青岚县").doesNotContain("嵊泗");
    }

    @Test
    void theLedgersAreBuiltOnTheProfilesDivisionsWithTheRenamedColumn() throws Exception {
        assertThat(ran.out()).contains("Ledgers of 2023-12");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("olive").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN township_code LIKE '330999%' THEN 1 ELSE 0 END) "
                    + "FROM person_period WHERE data_period = '2023-12' AND resident = TRUE")) {
                rs.next();
                assertThat(rs.getLong(1)).as("residents").isGreaterThan(400);
                assertThat(rs.getLong(2)).as("residents placed in the profile's townships").isEqualTo(rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT hukou_village) FROM person_period WHERE "
                    + "data_period = '2023-12' AND registered = TRUE")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM family_period WHERE data_period = '2023-12'")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(150);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ingest_reject WHERE dataset = 'hukou'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("hukou rows rejected").isLessThan(30);
            }
        }
    }

    /** Step warnings on the profile's lines (低保 13,200 in 2023, its 低边 2 ×) and townships; olive warnings reads them. */
    @Test
    void theWarningsUseTheProfilesLines() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("olive").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN township_code LIKE '330999%' THEN 1 ELSE 0 "
                    + "END), SUM(CASE WHEN evidence LIKE '%dibian_line=26400 [income.yaml:lines.dibian[0]%' AND rules LIKE "
                    + "'%;below_dibian@1;%' THEN 1 ELSE 0 END), SUM(CASE WHEN rules LIKE '%;below_dibian@1;%' THEN 1 ELSE 0 END) FROM family_warning WHERE "
                    + "data_period = '2023-12'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("warned families").isPositive();
                assertThat(rs.getLong(2)).as("in the profile's townships").isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(4)).as("below the 低边 line").isPositive();
                assertThat(rs.getLong(3)).as("on the profile's 低边 line, 2 × 13,200").isEqualTo(rs.getLong(4));
            }
        }
        Outcome w = data("warnings", "--county", profile.toString(), "--period", "2023-12", "--format", "csv",
                "--data-dir", data.toString());
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.data()).startsWith("period,family_key,township_code,colour,rules,evidence").contains(",330999");
    }

    @Test
    void theIndicatorsUseTheProfilesLinesAndBrackets() throws Exception {
        Outcome ind = data("indicators", "--county", profile.toString(), "--period", "2023-12", "--format", "json",
                "--data-dir", data.toString());
        assertThat(ind.exit()).as(ind.err()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(ind.data());
        assertThat(root.path("residents").asInt()).as(ind.err()).isGreaterThan(400);
        // the same ledger read with the built-in profile's lines (低保 11,000 in 2023) and brackets ([100,000, 500,000))
        Outcome shengsi = data("indicators", "--period", "2023-12", "--format", "json", "--data-dir", data.toString());
        assertThat(shengsi.exit()).as(shengsi.err()).isZero();
        JsonNode builtIn = JsonMapper.builder().build().readTree(shengsi.data());
        assertThat(county(root, "fgt1_dibao")).as("a deeper poverty gap below the profile's higher 低保 line")
                .isGreaterThan(county(builtIn, "fgt1_dibao"));
        // the profile's bracket [80,000, 400,000): its share is named by its bounds
        assertThat(county(root, "share_8_40")).as("the profile's bracket [80,000, 400,000)").isPositive();
        assertThat(root.path("groups").get(0).path("metrics").has("share_10_50")).isFalse();
        assertThat(county(builtIn, "share_10_50")).isPositive();
    }

    private static double county(JsonNode root, String metric) {
        JsonNode county = root.path("groups").get(0);
        assertThat(county.path("breakdown").asString()).isEqualTo("COUNTY");
        return county.path("metrics").path(metric).path("population").asDouble();
    }

    @Test
    void aBrokenProfileIsRefusedWithFileKeyAndReason() throws Exception {
        Path broken = tmp.resolve("broken");
        writeProfile(broken);
        Files.writeString(broken.resolve("ledger.yaml"), Files.readString(broken.resolve("ledger.yaml"))
                .replace("window_days: 365", "window_days: lots"));
        Outcome o = olive("county", "check", broken.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("ledger.yaml: residence: setting 'window_days' must be a whole number, found 'lots'");
        Outcome run = olive("run", "--county", broken.toString(), "--period", "2023-12", "--data-dir", data.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ledger.yaml", "window_days");
        // a malformed bracket: the file, the key and the reason
        Path bracket = tmp.resolve("broken-bracket");
        writeProfile(bracket);
        Files.writeString(bracket.resolve("income.yaml"), Files.readString(bracket.resolve("income.yaml"))
                .replace("    lower: 80000\n    upper: 400000\n", "    lower: 400000\n    upper: 80000\n"));
        Outcome b = olive("county", "check", bracket.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("income.yaml: brackets[0] (middle_10_50): [lower, upper) needs 0 <= lower < upper, "
                + "found [400000, 80000)");
        assertThat(CountyProfile.check(profile)).isEmpty();
    }
}
