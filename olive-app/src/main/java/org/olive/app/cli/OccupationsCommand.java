package org.olive.app.cli;

import org.olive.period.Period;
import org.olive.pipeline.occupation.OccupationReport;
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
 * {@code olive occupations}: the occupation ledger (职业一本账) of a period as step occupations stored it
 * (docs/occupations.md): working-age persons with an occupation and without, by source; the count of each GB/T 6565
 * 中类 and GB/T 4754 industry division, county and by township; the series over every period with a run. Aggregates
 * only: it names no person.
 */
@Command(name = "occupations", mixinStandardHelpOptions = true,
        description = {"The occupation ledger (职业一本账) of a period: persons by GB/T 6565 occupation (中类) and GB/T 4754",
                "industry division, by township and over time, as step occupations of olive run stored them."})
public class OccupationsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period.")
    String period;

    @Option(names = "--township", paramLabel = "CODE", description = "Only this township (its 9- or 12-digit code "
            + "in the profile's divisions).")
    String township;

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
        String town = null;
        if (township != null) {
            String code = township.strip();
            var d = code.length() == 9 || code.length() == 12
                    ? county.profile().divisions().get(code.length() == 9 ? code + "000" : code) : null;
            if (d == null || d.level() != org.olive.geography.Division.Level.TOWNSHIP) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--township " + township
                        + " is not a township of the county profile's divisions (9 or 12 digits)");
            }
            town = d.code().substring(0, 9);
        }
        OccupationReport report;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            report = OccupationReport.read(c, p, town);
        } catch (SQLException e) {
            throw new DataException("cannot read the occupations of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (report.empty() && township == null) {
            throw new DataException("no occupations are stored for " + p + " in " + db.describe()
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
