package org.olive.app.cli;

import org.olive.app.ingest.Masking;
import org.olive.period.Period;
import org.olive.pipeline.assistance.CaseReport;
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
 * {@code olive cases}: the assistance cases (帮扶) step cases opened or reopened at a period, overdue first, and the
 * counts of every case by state with the overdue ones today (docs/cases.md).
 */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"The assistance cases (帮扶) opened or reopened at a period, overdue first, and the counts of every",
                "case by state and overdue today, as step cases of olive run and the cadres stored them."})
public class CasesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period.")
    String period;

    @Option(names = "--township", paramLabel = "CODE", description = "Only this township (its 9-digit code, e.g. 330922100).")
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
        var profile = county.profile();
        // the tables' township code has 9 digits; divisions.csv's 12 (the 9 and 000)
        if (township != null && (township.length() != 9 || profile.divisions().townships().stream()
                .noneMatch(d -> d.code().startsWith(township)))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--township " + township
                    + " is not a township of the profile's divisions.csv");
        }
        CaseReport report;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            report = CaseReport.read(c, p, township, java.time.LocalDate.now());
        } catch (SQLException e) {
            throw new DataException("cannot read the cases of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (!report.stored()) {
            throw new DataException("no run of step warnings is stored for " + p + " in " + db.describe()
                    + ": run the period's ledgers first (olive run --period " + p + ")");
        }
        // standard output itself (logs go to standard error): with json and csv it holds only the data
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.print(Masking.ids(switch (format) {
            case "json" -> report.toJson() + "\n";
            case "csv" -> report.toCsv();
            default -> report.toText();
        }));
        out.flush();
        return 0;
    }
}
