package org.olive.app.cli;

import org.olive.app.occupation.OccupationReportExport;
import org.olive.export.SmallCells;
import org.olive.period.Period;
import org.olive.pipeline.occupation.OccupationReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

/**
 * {@code olive occupations}: the occupation ledger (职业一本账) of a period as step occupations stored it
 * (docs/occupations.md): working-age persons with an occupation and without, by source; the count of each GB/T 6565
 * 中类 and GB/T 4754 industry division, county and by township; the series over every period with a run. Aggregates
 * only: it names no person. Its output is published, so the county profile's small-cell rule applies
 * ({@code publication.min_cell_persons} of income.yaml at the period): a count below it is {@code <N} in text and
 * XLSX, null and marked suppressed in json and csv.
 */
@Command(name = "occupations", mixinStandardHelpOptions = true,
        description = {"The occupation ledger (职业一本账) of a period: persons by GB/T 6565 occupation (中类) and GB/T 4754",
                "industry division, by township and over time, as step occupations of olive run stored them.",
                "Counts below the county profile's publication.min_cell_persons are not printed (<N)."})
public class OccupationsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Mixin
    ReportOptions options = new ReportOptions();

    @Option(names = "--township", paramLabel = "CODE", description = "Only this township (its 9- or 12-digit code "
            + "in the profile's divisions).")
    String township;

    @Option(names = "--out", paramLabel = "FILE", description = "With --format xlsx: the workbook to write.")
    Path out;

    @Override
    public Integer call() {
        Period p = options.period();
        String format = options.format(List.of("text", "json", "csv", "xlsx"));
        if (format.equals("xlsx") != (out != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), format.equals("xlsx")
                    ? "--format xlsx writes a workbook: give --out FILE" : "--out FILE is for --format xlsx");
        }
        var profile = county.profile();
        String town = options.township("--township", township, profile);
        SmallCells rule = profile.income().smallCells(p);
        OccupationReport report;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            report = OccupationReport.read(c, p, town, rule);
        } catch (SQLException e) {
            throw new DataException("cannot read the occupations of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (report.empty() && town == null) {
            throw new DataException("no occupations are stored for " + p + " in " + db.describe()
                    + ": run the period's ledgers first (olive run --period " + p + ")");
        }
        if (format.equals("xlsx")) {
            ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE);
            OccupationReportExport export = new OccupationReportExport(report,
                    key -> messages.containsKey(key) ? messages.getString(key) : key,
                    code -> {
                        var d = profile.divisions().get(code + "000");
                        return d == null ? code : d.name();
                    });
            try {
                Files.write(out, export.xlsx());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            System.err.println("wrote " + out);
            return 0;
        }
        ReportOptions.print(switch (format) {
            case "json" -> report.toJson() + "\n";
            case "csv" -> report.toCsv();
            default -> report.toText();
        });
        return 0;
    }
}
