package org.olive.app.cli;

import org.olive.accuracy.TruthAccuracyStep;
import org.olive.app.progress.Progress;
import org.olive.income.FamilyIncomeRules;
import org.olive.period.Period;
import org.olive.progress.ProgressListener;
import org.olive.pipeline.ledger.LedgerResult;
import org.olive.pipeline.ledger.LedgerRun;
import org.olive.pipeline.ledger.LedgerRunException;
import org.olive.pipeline.run.MonthlyStep;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

/**
 * {@code olive run}: the monthly run of a period. Ingests the period's folder if it has no successful ingest yet,
 * then builds the population and family ledgers (running first the ledgers of earlier ingested periods that have
 * none, so that person and family keys carry over), and prints the lists, families, conflicts and figures. For a
 * synthetic county (a truth folder given, or {@code truth/} next to the ingested period folders) the run gets the
 * accuracy step of olive-accuracy ({@link TruthAccuracyStep}) added after the standard steps: its figures go to the
 * same ledger_figure rows and report in the run's transaction. The pipeline itself never reads the truth.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Monthly run of a period: ingest it (unless already ingested), then build the population and family "
                + "ledgers: the person registry, residence, the four lists (户籍, 常住, 流动, 人户分离), families and their "
                + "conflicts, relationship accuracy (pilot indicator 4) and, when the synthetic county's truth is at hand, "
                + "accuracy against it. Earlier ingested periods without ledgers are run first."})
public class RunCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Periods periods;

    /** One period, or a range. */
    static final class Periods {
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The period to run.")
        String period;

        @picocli.CommandLine.ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM",
                description = "First period of a range to run (again), in order, with --to.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last period of the range.")
        String to;
    }

    @Option(names = "--steps", split = ",", paramLabel = "STEP[,STEP...]",
            description = "Run only these steps of the monthly run (and the steps they need), e.g. --steps "
                    + "income,indicators after changing income parameters. The steps: ${sys:olive.steps}.")
    List<String> steps;

    @Option(names = "--source", paramLabel = "DIR",
            description = "Folder holding one sub-folder per period, used when the period still has to be ingested "
                    + "(default: the demo county DATA-DIR/county).")
    Path source;

    @Option(names = "--truth", paramLabel = "DIR",
            description = "The generator's truth folder (holding YYYY-MM/residence.csv) for accuracy figures. Default: "
                    + "the truth/ folder next to the ingested period folders, when there is one.")
    Path truth;

    @Option(names = "--no-earlier",
            description = "Ingest only the period itself, not the earlier period folders of the source that are not "
                    + "ingested yet. Residence needs the crossings of the trailing year and keys carry over from the "
                    + "previous period, so figures of a period run alone can differ from those of a run in sequence.")
    boolean noEarlier;

    @Option(names = "--alone",
            description = "Build only this period's ledgers, not first those of the earlier ingested periods that lack "
                    + "them. For measuring single periods (e.g. every December) quickly: person and family keys do not "
                    + "carry over, and the estimation trains only on survey years whose December already has ledgers.")
    boolean alone;

    @Override
    public Integer call() {
        Period first = Period.parse(periods.period != null ? periods.period : periods.range.from);
        Period p = Period.parse(periods.period != null ? periods.period : periods.range.to);
        if (p.compareTo(first) < 0) {
            throw new IllegalArgumentException("--from " + first + " is after --to " + p);
        }
        if (steps != null) {
            List<String> known = org.olive.pipeline.ledger.StandardRun.stepNames();
            for (String s : steps) {
                if (!known.contains(s)) {
                    throw new IllegalArgumentException("--steps: no step named " + s + "; the steps are " + known);
                }
            }
        }
        Path from = source != null ? source : db.dataDir.resolve("county");
        if (truth != null && !Files.isDirectory(truth)) {
            throw new DataException("truth folder " + truth + " does not exist");
        }
        ProgressListener progress = Progress.toStandardError();
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties())) {
            DataSource ds = ctx.getBean(DataSource.class);
            List<Period> toIngest = new ArrayList<>();
            if (!noEarlier) {
                for (Period q : periodFolders(from)) {
                    if (q.compareTo(p) < 0 && !ingested(ds, q)) {
                        toIngest.add(q);
                    }
                }
                if (!toIngest.isEmpty()) {
                    System.out.println("Ingesting first the earlier periods of " + from + " that are not ingested yet: "
                            + toIngest + " (the trailing year of crossings and the carried-over keys need them; "
                            + "--no-earlier skips this).");
                }
            }
            for (Period q = first; q.compareTo(p) <= 0; q = q.next()) {
                if (!ingested(ds, q) && !toIngest.contains(q)) {
                    if (!Files.isDirectory(from.resolve(q.toString()))) {
                        throw new DataException("period " + q + " is not ingested yet and there is no folder for it: expected "
                                + from.toAbsolutePath().resolve(q.toString()) + " (use --source DIR)");
                    }
                    toIngest.add(q);
                }
            }
            if (!toIngest.isEmpty()) {
                IngestCommand.run(ds, county.profile(), from, toIngest, db.dataDir.resolve("reports"), progress);
            }
            run(county.profile().ledgerRun(ds, progress::detail), county.profile().income().family(), first, p, steps, truth,
                    db.dataDir.resolve("reports"), alone, progress, true);
        } finally {
            progress.done();
        }
        db.compactH2();
        return 0;
    }

    /**
     * Builds the ledgers of the period, after those of earlier ingested periods that lack them, with a given ledger
     * run; reuse one for consecutive periods so that each reads only its new period's crossings. Shared with demo,
     * which reports its own stage: each period built is a step of the current stage of {@code progress}.
     *
     * @param rules the county's family rules (the truth's brackets in the accuracy figures)
     * @param truth the generator's truth folder, or null to look next to the ingested data
     */
    static List<LedgerResult> run(LedgerRun ledger, FamilyIncomeRules rules, Period p, Path truth, Path reportDir,
                                  ProgressListener progress) {
        return run(ledger, rules, p, p, null, truth, reportDir, false, progress, false);
    }

    /**
     * @param first    the first period of the range (the last is {@code p}); every period of the range is run, again
     *                 when it already has ledgers
     * @param steps    the steps to run (with what they need), null for all
     * @param newStage whether to begin the stage {@code ledgers} of {@code progress} with the periods to build
     */
    private static List<LedgerResult> run(LedgerRun ledger, FamilyIncomeRules rules, Period first, Period p,
                                          List<String> steps, Path truth, Path reportDir, boolean alone,
                                          ProgressListener progress, boolean newStage) {
        List<Period> todo = alone ? new ArrayList<>() : new ArrayList<>(ledger.missingEarlier(first));
        if (!todo.isEmpty()) {
            System.out.println("Running first the ledgers of " + todo + " (ingested, without ledgers) so that keys carry over.");
        }
        for (Period q = first; q.compareTo(p) <= 0; q = q.next()) {
            todo.add(q);
        }
        if (newStage) {
            progress.stage("ledgers", todo.size());
        }
        List<LedgerResult> out = new ArrayList<>();
        for (Period q : todo) {
            try {
                // the groups the profile enables at the period are measured even when the run found no member
                List<MonthlyStep> accuracy = TruthAccuracyStep.forPeriod(truth, ledger.ingestedFrom(q), q, rules,
                        new java.util.LinkedHashSet<>(ledger.groupDefinitions().at(q).groupIds()));
                LedgerResult r = ledger.run(q, q.compareTo(first) >= 0 ? steps : null, accuracy);
                System.out.print(TruthAccuracyStep.summary(r));
                Files.createDirectories(reportDir);
                Files.writeString(reportDir.resolve("ledger-" + q + ".json"), r.toJson());
                out.add(r);
                progress.step(q.toString());
            } catch (LedgerRunException e) {
                throw new DataException("ledgers of " + q + " failed (the period keeps its previous ledgers): " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + reportDir, e);
            }
        }
        return out;
    }

    /** The period folders (named YYYY-MM) of a source folder, oldest first; none when the folder does not exist. */
    static List<Period> periodFolders(Path source) {
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(source)) {
            return s.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}-\\d{2}")).map(Period::parse).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source, e);
        }
    }

    static boolean ingested(DataSource ds, Period p) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ingest_run WHERE data_period = ? AND status = 'SUCCEEDED'")) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new DataException("cannot read the ingest runs: " + e.getMessage(), e);
        }
    }
}
