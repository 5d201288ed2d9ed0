package org.olive.app.cli;

import org.olive.app.progress.Progress;
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
                + "there), ingest every month into the master database, build the population and family ledgers of "
                + "every month, then serve the web app with demo accounts, "
                + "printed at start."})
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
            prepare(options, stamp, wanted, progress);
        } finally {
            progress.done();
        }
        if (noServe) {
            return 0;
        }
        Map<String, Object> props = new java.util.LinkedHashMap<>(county.springProperties());
        props.put("olive.demo.accounts", "true");
        ServeCommand.start(db, port, bind, props);
        return 0;
    }

    /** Generates the county unless the same one is there, then ingests and builds the months. */
    private void prepare(SynthOptions options, Path stamp, String wanted, ProgressListener progress) throws IOException {
        Path countyDir = options.outputDir();
        boolean generated = false;
        if (!regenerate && Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
            System.out.println("The synthetic county is already generated in " + countyDir + " (" + wanted.strip()
                    + "); use --regenerate to generate it again.");
        } else {
            Files.deleteIfExists(stamp);
            SynthCommand.generate(options, progress);
            Files.writeString(stamp, wanted);
            generated = true;
        }
        ingest(options, generated, progress);
    }

    /**
     * Ingests every generated month. Months already ingested from this same county are skipped, unless the county
     * was just (re)generated; re-ingesting would replace them anyway, without duplicates.
     */
    private void ingest(SynthOptions options, boolean generated, ProgressListener progress) {
        List<Period> all = Period.range(options.from(), options.to());
        boolean wrote;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties())) {
            DataSource ds = ctx.getBean(DataSource.class);
            Set<String> done = generated ? Set.of() : succeededPeriods(ds, options.outputDir());
            List<Period> todo = all.stream().filter(p -> !done.contains(p.toString())).toList();
            if (todo.isEmpty()) {
                System.out.println("All " + all.size() + " months are already ingested.");
            } else {
                System.out.println("Ingesting " + todo.size() + " months into " + db.describe() + " …");
                long t0 = System.nanoTime();
                IngestCommand.run(ds, county.profile(), options.outputDir(), todo, db.dataDir.resolve("reports"), progress);
                System.out.printf("Ingested %d months in %.1f s%n", todo.size(), (System.nanoTime() - t0) / 1e9);
            }
            wrote = ledgers(ds, all, todo, progress) || !todo.isEmpty();
        }
        if (wrote) {
            db.compactH2();
        }
    }

    /**
     * Builds the ledgers of every month, oldest first: those just ingested and those without ledgers yet; months
     * whose ledgers (with their income ledger) exist and whose data did not change are skipped.
     */
    private boolean ledgers(DataSource ds, List<Period> all, List<Period> ingested, ProgressListener progress) {
        LedgerRun ledger = county.profile().ledgerRun(ds, progress::detail);
        List<Period> todo = all.stream().filter(p -> ingested.contains(p) || !ledger.done(p) || !ledger.hasIncome(p)).toList();
        if (todo.isEmpty()) {
            System.out.println("The ledgers of all " + all.size() + " months are already built.");
            return false;
        }
        long t0 = System.nanoTime();
        progress.stage("ledgers", todo.size());
        for (Period p : todo) {
            RunCommand.run(ledger, county.profile().income().family(), p, null, db.dataDir.resolve("reports"), progress);
        }
        System.out.printf("Built the ledgers of %d months in %.1f s%n", todo.size(), (System.nanoTime() - t0) / 1e9);
        return true;
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
