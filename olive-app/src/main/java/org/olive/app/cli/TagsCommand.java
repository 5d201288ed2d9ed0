package org.olive.app.cli;

import org.olive.pipeline.tag.TagRuleVersions;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** {@code olive tags export}: the tag system (标签体系, docs/tags.md) as the database and the profile define it. */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "The tag system (标签体系): person and family tags as dated CEL rules (docs/tags.md).",
        subcommands = {TagsCommand.Export.class})
public class TagsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code olive tags export}: the effective tags (the profile's tags.yaml with every version saved from the web's
     * tag editor, {@link TagRuleVersions#export}) as a tags.yaml on standard output, UTF-8; logs go to standard error.
     */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the effective tags — the county profile's tags.yaml with every version saved from the "
                    + "web (tag_rule_version) — as a tags.yaml to standard output (UTF-8).",
                    "Put it into the profile folder (DIR/tags.yaml) and check it with olive county check DIR."})
    static class Export implements Callable<Integer> {

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Mixin
        CountyOption county = new CountyOption();

        @Override
        public Integer call() {
            TagRuleVersions.Export export;
            try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
                 Connection c = ctx.getBean(DataSource.class).getConnection()) {
                export = TagRuleVersions.export(c, county.profile().tags());
            } catch (SQLException e) {
                throw new DataException("cannot read the saved tag versions from " + db.describe() + ": "
                        + e.getMessage(), e);
            }
            // standard output holds only the file, as bytes: UTF-8 whatever the platform's encoding
            try {
                System.out.write(export.yaml().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.flush();
            System.err.println("tags.yaml: " + export.definitions().tags().size() + " tags, " + export.versions()
                    + " versions, of which " + export.saved() + " saved from the web (" + db.describe() + ")");
            return 0;
        }
    }
}
