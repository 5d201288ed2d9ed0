package org.olive.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner writes each table: every INSERT, UPDATE, DELETE or MERGE on a named table in the main sources of every
 * module must be in the package that owns the table. The web app changes ledger data through the owner's API
 * (e.g. {@code CaseDecisions}, {@code Declarations}, {@code PolicyDesk}). The datasets' master tables are written by
 * the ingestion's loaders, which build their statements from the mappings (no table name in the source).
 */
class TableOwnershipTest {

    /** Table → the package that owns it (and its sub-packages). */
    static final Map<String, String> OWNERS = new LinkedHashMap<>();

    static {
        own("org.olive.app.account", "account");
        own("org.olive.app.audit", "audit_event");
        own("org.olive.pipeline.ingest", "ingest_run", "ingest_file", "master_item");
        own("org.olive.pipeline.editing", "amount_edit", "amount_history", "edit_delivery");
        own("org.olive.pipeline.ledger", "person", "person_period", "person_match", "presence_imputation", "family",
                "family_period", "family_member", "family_conflict", "family_conflict_person",
                "ledger_row_flag", "ledger_run", "population_count", "population_member", "population_exit");
        own("org.olive.pipeline.income", "person_income", "family_income", "family_flag", "income_item", "income_model",
                "income_indicator", "income_declaration", "income_fact", "income_fact_delivery", "income_distribution",
                "income_histogram", "income_lorenz");
        own("org.olive.pipeline.indicator", "indicator_value");
        own("org.olive.pipeline.occupation", "person_occupation", "occupation_count");
        own("org.olive.pipeline.figure", "ledger_figure");
        own("org.olive.pipeline.tag", "tag_value", "tag_count", "tag_rule_version");
        own("org.olive.pipeline.group", "group_member", "group_event", "group_decision");
        own("org.olive.pipeline.warning", "family_warning", "warning_event");
        own("org.olive.pipeline.whatif", "whatif_run");
        own("org.olive.pipeline.assistance", "assistance_case", "case_action", "case_evaluation");
        own("org.olive.pipeline.vulnerability", "family_vulnerability", "vulnerability_model");
        // the policy ledger: step policies writes policy_match; the web app sets a push-list entry's handling through
        // PolicyDesk
        own("org.olive.pipeline.policy", "policy_match", "policy_handling");
    }

    private static void own(String pkg, String... tables) {
        for (String t : tables) {
            OWNERS.put(t, pkg);
        }
    }

    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_][a-z0-9_]*)|\\bUPDATE\\s+([a-z_][a-z0-9_]*)\\s+SET\\b");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    /** The writes of one source file that are not its package's: "file: table (owner)". */
    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        Matcher p = PACKAGE.matcher(source);
        String pkg = p.find() ? p.group(1) : "";
        Matcher m = WRITE.matcher(source);
        while (m.find()) {
            String table = m.group(1) != null ? m.group(1) : m.group(2);
            String owner = OWNERS.get(table);
            if (owner == null) {
                out.add(file + ": writes " + table + ", a table with no owner in TableOwnershipTest.OWNERS");
            } else if (!pkg.equals(owner) && !pkg.startsWith(owner + ".")) {
                out.add(file + ": writes " + table + ", owned by " + owner);
            }
        }
        return out;
    }

    @Test
    void everyTableIsWrittenOnlyByItsOwner() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(d -> d.getFileName().toString().startsWith("olive-")).toList()) {
                Path src = module.resolve("src/main/java");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> java = Files.walk(src)) {
                    for (Path f : java.filter(x -> x.toString().endsWith(".java")).toList()) {
                        files++;
                        violations.addAll(violations(root.relativize(f).toString(), Files.readString(f)));
                    }
                }
            }
        }
        assertThat(files).as("main sources found under " + root).isGreaterThan(300);
        assertThat(violations).isEmpty();
    }

    @Test
    void aWriteOutsideTheOwnerOrOnATableWithoutOwnerIsFound() {
        String web = "package org.olive.app.conflict;\nclass Q { String s = \"UPDATE family_conflict SET status = 'RESOLVED'\";"
                + " String t = \"INSERT INTO warning_value (a) VALUES (1)\"; String r = \"SELECT * FROM person\"; }";
        assertThat(violations("Q.java", web)).containsExactly(
                "Q.java: writes family_conflict, owned by org.olive.pipeline.ledger",
                "Q.java: writes warning_value, a table with no owner in TableOwnershipTest.OWNERS");
        String owner = "package org.olive.pipeline.ledger;\nclass S { String s = \"DELETE FROM family_member WHERE x\"; }";
        assertThat(violations("S.java", owner)).isEmpty();
    }
}
