package org.olive.app.cli;

import org.olive.app.progress.Progress;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.progress.ProgressListener;
import org.olive.pipeline.ingest.IngestReport;
import org.olive.pipeline.ingest.IngestRunException;
import org.olive.pipeline.ingest.PeriodIngest;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code olive ingest}: load a period's (or a range of periods') departmental extracts into the master database. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest departmental extracts into the master database, one period folder (DATA/YYYY-MM) at a time.",
                "Re-ingesting a period replaces its data atomically; rejected rows are kept with file, row, field and reason.",
                "A data-quality report per period is printed, stored with the run and written to DATA-DIR/reports/."})
public class IngestCommand implements Callable<Integer> {

    @Mixin
    CountyOption county = new CountyOption();

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder holding one sub-folder per period (e.g. data/county with 2023-01/, 2023-02/ …).")
    Path data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Periods periods;

    @Option(names = "--accept-collapse", paramLabel = "DATASET", split = ",",
            description = {"Accept that DATASET's row count collapsed against its previous delivery (below checks.collapse_ratio "
                    + "of datasets.yaml), which otherwise stops the period; repeatable. The acceptance is recorded in the report."})
    List<String> acceptCollapse = new ArrayList<>();

    static class Periods {
        @Option(names = "--period", paramLabel = "YYYY-MM", description = "One period.")
        String period;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static class Range {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First period of a range.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last period of a range.")
        String to;
    }

    @Override
    public Integer call() {
        List<Period> list = periods.period != null ? List.of(Period.parse(periods.period))
                : Period.range(Period.parse(periods.range.from), Period.parse(periods.range.to));
        if (!Files.isDirectory(data)) {
            throw new DataException("data folder " + data + " does not exist");
        }
        for (Period p : list) {
            if (!Files.isDirectory(data.resolve(p.toString()))) {
                throw new DataException("no folder for period " + p + " in " + data.toAbsolutePath()
                        + " (expected " + data.resolve(p.toString()) + ")");
            }
        }
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties())) {
            ProgressListener progress = Progress.toStandardError();
            try {
                run(ctx.getBean(DataSource.class), county.profile(), data, list, db.dataDir.resolve("reports"), acceptCollapse,
                        progress);
            } finally {
                progress.done();
            }
        }
        db.compactH2();
        return 0;
    }

    /** Ingests the periods in order and returns their reports; shared with {@code demo}. */
    static List<IngestReport> run(DataSource ds, CountyProfile profile, Path data, List<Period> periods, Path reportDir,
                                  ProgressListener progress) {
        return run(ds, profile, data, periods, reportDir, List.of(), progress);
    }

    /**
     * As {@link #run(DataSource, Path, List, Path, ProgressListener)}, accepting the row-count collapse of the given
     * datasets. Reports the stage {@code ingest} to {@code progress}, one step per period, the files as details.
     */
    static List<IngestReport> run(DataSource ds, CountyProfile profile, Path data, List<Period> periods, Path reportDir,
                                  List<String> acceptCollapse, ProgressListener progress) {
        List<IngestReport> reports = new ArrayList<>();
        PeriodIngest ingest;
        try {
            ingest = profile.periodIngest(ds).acceptCollapse(acceptCollapse).progress(progress::detail);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        progress.stage("ingest", periods.size());
        for (Period p : periods) {
            try {
                IngestReport r = ingest.ingest(data.resolve(p.toString()), p);
                System.out.print(r.summary());
                Files.createDirectories(reportDir);
                Files.writeString(reportDir.resolve("ingest-" + p + ".json"), r.toJson());
                reports.add(r);
                progress.step(p.toString());
            } catch (IngestRunException e) {
                throw new DataException("ingest of " + p + " failed and was rolled back (the period keeps its previous data): "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + reportDir, e);
            }
        }
        return reports;
    }
}
