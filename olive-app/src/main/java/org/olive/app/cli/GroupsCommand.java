package org.olive.app.cli;

import org.olive.period.Period;
import org.olive.pipeline.group.GroupReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code olive groups}: the key groups (群体一本账) of a period as the run stored them (docs/groups.md): per group its
 * size, the change since the previous month and a year before, entries and exits, tiers, pilot indicator 6 and (json)
 * the spread by township. Aggregates only: it names no person.
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = {"The key groups (7+4, 群体一本账) of a period: size, change, entries and exits, tiers and pilot",
                "indicator 6 (key-group income monitoring coverage), as step groups of olive run stored them."})
public class GroupsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--group", paramLabel = "ID", description = "Only this group (an id of the profile's groups.yaml).")
    String group;

    @Override
    public Integer call() {
        Period p = report.period();
        String format = report.format(List.of("text", "json", "csv"));
        var definitions = county.profile().groups();
        if (group != null && definitions.group(group).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--group " + group + " is not a group of the "
                    + "profile; its groups: " + definitions.groups().stream().map(g -> g.id()).toList());
        }
        GroupReport groups;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            groups = GroupReport.read(c, definitions, p, group);
        } catch (SQLException e) {
            throw new DataException("cannot read the key groups of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (groups.overall() == null) {
            throw new DataException("no key groups are stored for " + p + " in " + db.describe()
                    + ": run the period's ledgers first (olive run --period " + p + ")");
        }
        ReportOptions.print(switch (format) {
            case "json" -> groups.toJson() + "\n";
            case "csv" -> groups.toCsv();
            default -> groups.toText();
        });
        return 0;
    }
}
