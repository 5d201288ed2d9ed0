package org.olive.app.cli;

import org.olive.app.progress.Progress;
import org.olive.app.web.BuildStatus;
import org.olive.progress.ProgressListener;
import org.olive.synth.SynthOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.olive.period.Period;
import org.olive.pipeline.ledger.LedgerRun;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code olive demo}: generate the synthetic county (if needed), then serve the web app with demo accounts. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Olive on the built-in synthetic county: generate it (unless the same county is already "
                + "there), then month by month ingest it into the master database and build its ledgers, income and "
                + "indicators; the web app serves, with demo accounts printed at start, as soon as the first month is "
                + "built, and the other months are built behind it (a banner shows how far)."})
public class DemoCommand implements Callable<Integer> {

    @Mixin
    SynthOptionsMixin synth = new SynthOptionsMixin();

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--regenerate", description = "Generate the county again even if the same one is already there.")
    boolean regenerate;

    @Option(names = "--no-serve", description = "Prepare everything but do not start the web app.")
    boolean noServe;

    @Override
    public Integer call() throws IOException {
        if (db.url != null && !db.url.isBlank()) {
            db.verifyConnection(); // before generating the county: a wrong password ends the demo at once
        }
        Path countyDir = db.dataDir.resolve("county");
        SynthOptions options = synth.toOptions(countyDir).withArea(county.profile().area());
        Path stamp = countyDir.resolve("options.txt");
        String wanted = describe(options);
        ProgressListener progress = Progress.toStandardError();
        try {
            boolean generated = generate(options, stamp, wanted, progress);
            build(options, generated, progress);
        } finally {
            progress.done();
        }
        return 0;
    }

    /** Generates the county unless the same one is there; whether it generated it. */
    private boolean generate(SynthOptions options, Path stamp, String wanted, ProgressListener progress) throws IOException {
        Path countyDir = options.outputDir();
        if (!regenerate && Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
            System.out.println("The synthetic county is already generated in " + countyDir + " (" + wanted.strip()
                    + "); use --regenerate to generate it again.");
            return false;
        }
        Files.deleteIfExists(stamp);
        SynthCommand.generate(options, progress);
        Files.writeString(stamp, wanted);
        return true;
    }

    /**
     * Builds the county month by month, oldest first — each month ingested (unless this same county's month already
     * is, and the county was not just generated) and its ledgers built (unless they exist and its data did not
     * change), as a county does every month — and serves the web app as soon as one month is built, the remaining
     * months being built behind it ({@link BuildStatus}: a banner on every page; each month's ledgers commit in one
     * transaction, so the pages show the latest month built). Without {@code --no-serve} the command returns while
     * the web app serves; the H2 file is compacted when nothing serves from it (at the end with {@code --no-serve},
     * else at the next start, when less than half of it is live).
     */
    private void build(SynthOptions options, boolean generated, ProgressListener progress) {
        List<Period> all = Period.range(options.from(), options.to());
        ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
        boolean keepOpen = false;
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            Set<String> ingested = generated ? Set.of() : succeededPeriods(ds, options.outputDir());
            LedgerRun ledger = county.profile().ledgerRun(ds, progress::detail);
            List<Period> toIngest = all.stream().filter(p -> !ingested.contains(p.toString())).toList();
            List<Period> todo = all.stream().filter(p -> toIngest.contains(p) || !ledger.done(p) || !ledger.hasIncome(p)).toList();
            boolean anyBuilt = all.stream().anyMatch(p -> !todo.contains(p));
            if (todo.isEmpty()) {
                System.out.println("All " + all.size() + " months are already ingested and their ledgers built.");
                // nothing serves yet: compacted first when less than half of the file is live (a demo that served
                // while it built its months leaves the file as it grew)
                ctx.close();
                db.compactH2();
                serve(null);
                return;
            }
            BuildStatus status = anyBuilt ? serve(null) : null;
            if (status != null) {
                status.begin(all.size() - todo.size(), all.size(), latestBuilt(all, todo));
            }
            System.out.println("Building " + todo.size() + " months into " + db.describe() + " (ingestion "
                    + toIngest.size() + ", ledgers " + todo.size() + ")"
                    + (noServe || status != null ? "" : "; the web app serves once the first month is built") + " …");
            long t0 = System.nanoTime();
            long ingestNanos = 0;
            ProgressListener quiet = detailsOnly(progress);
            progress.stage("months", todo.size());
            for (Period p : todo) {
                try {
                    if (toIngest.contains(p)) {
                        long i0 = System.nanoTime();
                        IngestCommand.run(ds, county.profile(), options.outputDir(), List.of(p), db.dataDir.resolve("reports"), quiet);
                        ingestNanos += System.nanoTime() - i0;
                    }
                    RunCommand.run(ledger, county.profile().income().family(), p, null, db.dataDir.resolve("reports"), quiet);
                } catch (RuntimeException e) {
                    if (status == null) {
                        throw e;
                    }
                    // the web app serves the months built; the month that failed rolled back (the ingestion and the
                    // run each commit in one transaction), and the next start builds it again
                    status.end();
                    System.err.println("olive demo: month " + p + " failed, the web app keeps serving the months built "
                            + "before it; run ./olive demo again to build the rest: " + e.getMessage());
                    keepOpen = true;
                    return;
                }
                progress.step(p.toString());
                if (status != null) {
                    status.built(p.toString());
                } else if (!noServe) {
                    status = serve(() -> System.out.printf("Serving while the other %d months are built (a banner shows "
                            + "how far it is; pages show the latest month built)%n", todo.size() - 1));
                    status.begin(all.size() - todo.size() + 1, all.size(), p.toString());
                }
            }
            System.out.printf("Built %d months in %.1f s (ingestion %.1f s, ledgers %.1f s)%n", todo.size(),
                    (System.nanoTime() - t0) / 1e9, ingestNanos / 1e9, (System.nanoTime() - t0 - ingestNanos) / 1e9);
            if (status != null) {
                status.end();
                System.out.println("All " + all.size() + " months are built; the H2 file is compacted at the next start "
                        + "when less than half of it is live.");
            }
        } finally {
            if (!keepOpen) {
                ctx.close();
            }
        }
        if (noServe) {
            db.compactH2();
        }
    }

    /** Starts the web app unless {@code --no-serve}; its build status (null with {@code --no-serve}). */
    private BuildStatus serve(Runnable then) {
        if (noServe) {
            return null;
        }
        Map<String, Object> props = new java.util.LinkedHashMap<>(county.springProperties());
        props.put("olive.demo.accounts", "true");
        ConfigurableApplicationContext web = ServeCommand.start(db, port, bind, props);
        if (then != null) {
            then.run();
        }
        return web.getBean(BuildStatus.class);
    }

    /** The latest month of {@code all} not in {@code todo} (built before this start), or null. */
    private static String latestBuilt(List<Period> all, List<Period> todo) {
        String latest = null;
        for (Period p : all) {
            if (!todo.contains(p)) {
                latest = p.toString();
            }
        }
        return latest;
    }

    /**
     * The progress of the ingestion and the run of one month inside the demo's stage {@code months}: only their
     * details (the file, the step) reach the bar; their own stages and steps would restart it each month.
     */
    private static ProgressListener detailsOnly(ProgressListener progress) {
        return new ProgressListener() {
            @Override
            public void stage(String name, int total) {
            }

            @Override
            public void step(String label) {
            }

            @Override
            public void detail(String text) {
                progress.detail(text);
            }

            @Override
            public void done() {
            }
        };
    }

    private static Set<String> succeededPeriods(DataSource ds, Path countyDir) {
        Set<String> out = new HashSet<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT data_period, source_dir FROM ingest_run WHERE status = 'SUCCEEDED'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (Path.of(rs.getString(2)).startsWith(countyDir.toAbsolutePath())) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new DataException("cannot read the ingest runs: " + e.getMessage(), e);
        }
        return out;
    }

    private static String describe(SynthOptions o) {
        return "county=" + o.area().code() + " seed=" + o.seed() + " persons=" + o.persons() + " from=" + o.from() + " to=" + o.to()
                + " tourists=" + o.touristVisitsPerYear() + " faults=" + o.faults() + "\n";
    }
}
