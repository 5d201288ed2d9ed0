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

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period.")
    String period;

    @Option(names = "--group", paramLabel = "ID", description = "Only this group (an id of the profile's groups.yaml).")
    String group;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            description = "Output on standard output (default: ${DEFAULT-VALUE}); json and csv print only the data.")
    String format;

    @Override
    public Integer call() {
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!format.equals("text") && !format.equals("json") && !format.equals("csv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is text, json or csv, not '" + format + "'");
        }
        var definitions = county.profile().groups();
        if (group != null && definitions.group(group).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--group " + group + " is not a group of the "
                    + "profile; its groups: " + definitions.groups().stream().map(g -> g.id()).toList());
        }
        GroupReport report;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            report = GroupReport.read(c, definitions, p, group);
        } catch (SQLException e) {
            throw new DataException("cannot read the key groups of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (report.overall() == null) {
            throw new DataException("no key groups are stored for " + p + " in " + db.describe()
                    + ": run the period's ledgers first (olive run --period " + p + ")");
        }
        // standard output itself (logs go to standard error): with json and csv it holds only the data
        java.io.PrintStream out = System.out;
        out.print(switch (format) {
            case "json" -> report.toJson() + "\n";
            case "csv" -> report.toCsv();
            default -> report.toText();
        });
        out.flush();
        return 0;
    }
}
