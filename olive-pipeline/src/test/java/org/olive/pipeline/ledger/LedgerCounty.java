package org.olive.pipeline.ledger;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.period.Period;
import org.olive.synth.CountyGenerator;
import org.olive.synth.FaultRates;
import org.olive.synth.SynthOptions;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A generated county of about 8,000 persons over three months (default fault rates), once per JVM, and databases.
 * Public for olive-accuracy's tests (test jar).
 */
public final class LedgerCounty {

    public static final Period JANUARY = Period.of(2025, 1);
    public static final Period FEBRUARY = Period.of(2025, 2);
    public static final Period MARCH = Period.of(2025, 3);
    public static final List<Period> MONTHS = List.of(JANUARY, FEBRUARY, MARCH);
    private static Path dir;

    private LedgerCounty() {
    }

    public static synchronized Path generated() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("olive-ledger-county");
                Path generated = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(generated)));
                new CountyGenerator(new SynthOptions(dir, 17, 8000, JANUARY, MARCH, FaultRates.defaults(), 20_000)).generate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static void delete(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }

    public static DataSource h2Memory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return migrate(ds);
    }

    public static DataSource migrate(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
