package org.olive.pipeline.income;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.olive.indicator.Breakdown;
import org.olive.indicator.CountyIndicators;
import org.olive.indicator.CountyPersons;
import org.olive.indicator.CountyReport;
import org.olive.indicator.CountySettings;
import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;

/**
 * Times the county indicators: in memory for N synthetic persons (county only, then every breakdown), and end to end
 * from an H2 database holding person_income and family_income for M persons (reading + computing both bases). Not a
 * test: run with {@code ./mvnw -q -B -pl olive-pipeline -am verify -DskipTests -Pincome-indicators-benchmark}.
 *
 * <p>Arguments: persons in memory (default 1 000 000), persons in the database (default 80 000).
 */
public final class IncomeIndicatorsBenchmark {

    private static final int RUNS = 5;
    private static final int TOWNSHIPS = 8;
    private static final int VILLAGES_PER_TOWNSHIP = 6;

    private IncomeIndicatorsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int dbPersons = args.length > 1 ? Integer.parseInt(args[1]) : 80_000;
        CountyPersons county = generate(persons, new Random(20251123));
        System.out.printf("in memory: %,d persons in %,d families, %d townships, %d villages%n", persons,
                county.sample().households(), TOWNSHIPS, TOWNSHIPS * VILLAGES_PER_TOWNSHIP);
        CountySettings all = IncomeIndicators.defaultSettings(Period.parse("2025-12"));
        time("county only", county, all.withBreakdowns(EnumSet.of(Breakdown.COUNTY)));
        time("county + every breakdown", county, all);

        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:income-bench;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection c = ds.getConnection()) {
            int families = fill(c, dbPersons, new Random(7));
            System.out.printf("H2 (in memory): %,d residents in %,d families in person_income / family_income%n", dbPersons, families);
            long[] t = new long[RUNS + 1];
            IncomeIndicators r = null;
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                r = IncomeIndicators.compute(c, Period.parse("2025-12"), all);
                t[i] = System.nanoTime() - s;
            }
            System.out.printf("read + all county indicators, every breakdown: %s   (per-capita DI %.0f)%n",
                    summary(Arrays.copyOfRange(t, 1, t.length)),
                    r.population().orElseThrow().report().county().distribution().perCapitaIncome());
        }
    }

    private static void time(String what, CountyPersons county, CountySettings settings) {
        long[] t = new long[RUNS + 2];
        CountyReport r = null;
        for (int i = 0; i < t.length; i++) { // the first two runs warm the JIT up and are not counted
            long s = System.nanoTime();
            r = CountyIndicators.compute(county, settings);
            t[i] = System.nanoTime() - s;
        }
        int groups = r.groups().values().stream().mapToInt(java.util.Map::size).sum();
        System.out.printf("%-26s (%3d groups): %s   (Gini %.2f)%n", what, groups, summary(Arrays.copyOfRange(t, 2, t.length)),
                r.county().distribution().gini());
    }

    private static String summary(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("min %.0f ms, median %.0f ms, max %.0f ms over %d runs", s[0] / 1e6, s[s.length / 2] / 1e6,
                s[s.length - 1] / 1e6, s.length);
    }

    private static CountyPersons generate(int persons, Random rnd) {
        CountyPersons.Builder b = CountyPersons.builder();
        int written = 0;
        int f = 0;
        while (written < persons) {
            int size = Math.min(persons - written, 1 + rnd.nextInt(5));
            int family = b.addFamily("F" + f++);
            int town = rnd.nextInt(TOWNSHIPS);
            String township = "33092210" + town;
            String village = township + "00" + rnd.nextInt(VILLAGES_PER_TOWNSHIP);
            boolean urban = rnd.nextDouble() < 0.6;
            for (int m = 0; m < size; m++) {
                int age = m < 2 ? 20 + rnd.nextInt(65) : rnd.nextInt(25);
                double di = age >= 18 && age < 60 ? Math.exp(10.6 + 0.6 * rnd.nextGaussian()) : age >= 60 ? 2_000 + rnd.nextInt(40_000) : 0;
                b.addIncome(family, di);
                b.addPerson(family, 1, age, rnd.nextBoolean() ? "M" : "F", township, village, urban, rnd.nextDouble() < 0.9,
                        rnd.nextDouble() < 0.97);
                written++;
            }
        }
        return b.build();
    }

    private static int fill(Connection c, int persons, Random rnd) throws Exception {
        c.setAutoCommit(false);
        int written = 0;
        int f = 0;
        try (PreparedStatement pi = c.prepareStatement("INSERT INTO person_income (data_period, person_key, family_key, resident, "
                + "township_code, village_code, urban, sex, age, wage, business, property, transfer_in, transfer_out, disposable, "
                + "precise_di, estimated, di_low, di_high, method, confidence, monitored) VALUES ('2025-12', ?, ?, TRUE, ?, ?, ?, ?, ?, "
                + "?, 0, 0, 0, 0, ?, ?, 0, ?, ?, 'PRECISE', 1, ?)");
             PreparedStatement fi = c.prepareStatement("INSERT INTO family_income (data_period, family_key, township_code, "
                     + "village_code, urban, residents, disposable, di_low, di_high, per_capita, three_person, medical_oop, "
                     + "after_rigid_monthly, method, monitored_members) VALUES ('2025-12', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, "
                     + "'PRECISE', 0)")) {
            while (written < persons) {
                int size = Math.min(persons - written, 1 + rnd.nextInt(5));
                String key = "F" + f++;
                String township = "33092210" + rnd.nextInt(TOWNSHIPS);
                String village = township + "00" + rnd.nextInt(VILLAGES_PER_TOWNSHIP);
                boolean urban = rnd.nextDouble() < 0.6;
                double total = 0;
                for (int m = 0; m < size; m++) {
                    int age = m < 2 ? 20 + rnd.nextInt(65) : rnd.nextInt(25);
                    double di = Math.round(age >= 18 && age < 60 ? Math.exp(10.6 + 0.6 * rnd.nextGaussian()) : 0);
                    total += di;
                    pi.setLong(1, ++written);
                    pi.setString(2, key);
                    pi.setString(3, township);
                    pi.setString(4, village);
                    pi.setBoolean(5, urban);
                    pi.setString(6, rnd.nextBoolean() ? "M" : "F");
                    pi.setInt(7, age);
                    for (int i = 8; i <= 12; i++) {
                        pi.setDouble(i, di);
                    }
                    pi.setBoolean(13, rnd.nextDouble() < 0.9);
                    pi.addBatch();
                }
                fi.setString(1, key);
                fi.setString(2, township);
                fi.setString(3, village);
                fi.setBoolean(4, urban);
                fi.setInt(5, size);
                for (int i = 6; i <= 8; i++) {
                    fi.setDouble(i, total);
                }
                fi.setDouble(9, total / size);
                fi.setDouble(10, total / size * 3);
                fi.addBatch();
                if (f % 2_000 == 0) {
                    pi.executeBatch();
                    fi.executeBatch();
                }
            }
            pi.executeBatch();
            fi.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        return f;
    }
}
