package org.olive.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production modules read no generator file: no string literal in the main sources of olive-pipeline (and the
 * modules under it: core, ingest, store) names the synthetic county's {@code truth/} folder or one of its files. The
 * accuracy against the truth is olive-accuracy's, which only the command line uses ({@link ArchitectureTest}); a
 * {@code resolve("truth")} creeping back into the pipeline fails here. Comments may speak of the truth.
 */
class TruthApartTest {

    /** The production modules whose main sources are scanned. */
    static final List<String> PRODUCTION = List.of("olive-core", "olive-ingest", "olive-store", "olive-pipeline");

    /**
     * What a literal must not hold: the truth folder, and the names of the files only the generator's truth has
     * (data-catalog.md §5; {@code incomes.csv} is also a household sample's file, and the truth's is under truth/).
     */
    static final List<String> TRUTH_NAMES = List.of("truth", "residence.csv", "families.csv", "faults.csv",
            "county_by_period.csv", "occupations.csv", "groups.csv");

    /**
     * The tokens that matter, leftmost first: text blocks (group 1), string literals (group 2), then char literals and
     * comments, which are skipped (a quote inside a comment or a {@code '"'} does not open a literal).
     */
    private static final Pattern TOKEN = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\""
            + "|'(?:[^'\\\\\\n]|\\\\.)+'|/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** The literals of a source file that name the truth: "file: \"literal\"". */
    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        while (m.find()) {
            String literal = m.group(1) != null ? m.group(1) : m.group(2);
            if (literal != null && TRUTH_NAMES.stream().anyMatch(literal.toLowerCase(Locale.ROOT)::contains)) {
                out.add(file + ": \"" + literal + "\"");
            }
        }
        return out;
    }

    @Test
    void theProductionModulesNameNoTruthFile() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String module : PRODUCTION) {
            Path src = root.resolve(module).resolve("src/main/java");
            assertThat(src).as(module).isDirectory();
            try (Stream<Path> java = Files.walk(src)) {
                for (Path f : java.filter(x -> x.toString().endsWith(".java")).toList()) {
                    files++;
                    violations.addAll(violations(root.relativize(f).toString(), Files.readString(f)));
                }
            }
        }
        assertThat(files).as("main sources found under " + root).isGreaterThan(200);
        assertThat(violations).isEmpty();
    }

    @Test
    void aTruthPathInALiteralIsFoundAndACommentIsNot() {
        String pipeline = """
                package org.olive.pipeline.ledger;
                /** Compares with the generator's truth/P/residence.csv. */
                class S {
                    // the truth lies next to the data
                    Path t = dir.getParent().resolve("truth").resolve(p);
                    String f = "families.csv"; String u = "http://x"; String ok = "relationship_accuracy";
                    char q = '"'; String esc = "a \\"quoted\\" word"; /* "truth" in a comment */
                    String block = \"""
                            SELECT * FROM faults.csv
                            \""";
                }
                """;
        List<String> found = violations("S.java", pipeline);
        assertThat(found).hasSize(3);
        assertThat(found.subList(0, 2)).containsExactly("S.java: \"truth\"", "S.java: \"families.csv\"");
        assertThat(found.get(2)).contains("SELECT * FROM faults.csv");
    }
}
