package org.olive.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.olive.period.Period;
import org.olive.progress.ProgressListener;
import org.olive.synth.crossing.CrossingBuffer;
import org.olive.synth.crossing.PresenceModel;
import org.olive.synth.crossing.TouristFlow;
import org.olive.synth.datasets.BusinessWriters;
import org.olive.synth.datasets.CrossingWriter;
import org.olive.synth.datasets.HouseholdWriters;
import org.olive.synth.datasets.LabourWriters;
import org.olive.synth.datasets.PopulationWriters;
import org.olive.synth.datasets.SurveyWriter;
import org.olive.synth.datasets.WelfareWriters;
import org.olive.synth.datasets.WriteContext;
import org.olive.synth.family.FamilyIndex;
import org.olive.synth.fault.FaultInjector;
import org.olive.synth.fault.FaultLog;
import org.olive.synth.fault.FaultType;
import org.olive.synth.history.AssistanceReview;
import org.olive.synth.history.Demography;
import org.olive.synth.history.Health;
import org.olive.synth.history.LabourMarket;
import org.olive.synth.income.IncomeModel;
import org.olive.synth.livelihood.LivelihoodAssigner;
import org.olive.synth.output.Catalog;
import org.olive.synth.output.DatasetSpec;
import org.olive.synth.output.Encoding;
import org.olive.synth.output.Format;
import org.olive.synth.output.Json;
import org.olive.synth.output.ManifestEntry;
import org.olive.synth.output.OutputFiles;
import org.olive.synth.output.RowSink;
import org.olive.synth.truth.CountyStats;
import org.olive.synth.truth.GroupTruth;
import org.olive.synth.truth.TruthWriter;
import org.olive.synth.world.CountyBuilder;
import org.olive.synth.world.MonthEvents;
import org.olive.synth.world.World;

/**
 * Generates a synthetic Shengsi-like county: builds the population at the start of a 12-month warm-up before
 * {@code from}, simulates it month by month to {@code to} (events, incomes, presence and crossings, families and
 * assistance), and for each written period writes every departmental extract of domain.md §3 into
 * {@code OUT/YYYY-MM/}, the ground truth into {@code OUT/truth/}, and finally {@code OUT/manifest.json} and
 * {@code OUT/truth/summary.json}. The warm-up's crossings are written once, as the history load in the first
 * period folder, because residence needs the trailing 365 days.
 *
 * <p>Deterministic: every random choice comes from seeded {@link SplittableRandom} streams, lists keep creation
 * order, XLSX timestamps are fixed, and no wall-clock value enters the data. Each month, once the simulation step
 * is done, the extracts are written on two threads: the crossings, hukou, social insurance, utilities and truth
 * on a second thread with its own fault stream (its fault-log lines are appended after the month's others), the
 * rest on the calling thread; the simulation of the next month waits for both.
 *
 * <p>Period folders ({@code YYYY-MM}), {@code truth/} and {@code manifest.json} already in the output folder are
 * replaced; other files there are left alone.
 */
public final class CountyGenerator {

    private final SynthOptions o;
    private Consumer<String> progress = s -> {
    };
    private ProgressListener listener = ProgressListener.NONE;

    public CountyGenerator(SynthOptions o) {
        this.o = Objects.requireNonNull(o, "options");
    }

    /** Receives one line per simulated period. */
    public CountyGenerator progress(Consumer<String> progress) {
        this.progress = Objects.requireNonNull(progress);
        return this;
    }

    /**
     * Receives the stages {@code synth warm-up} (the 12 months simulated before the first period) and {@code synth}
     * (the periods written), and one step per month; {@link ProgressListener#done()} is left to the caller.
     */
    public CountyGenerator listener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    public SynthReport generate() throws IOException {
        long start = System.nanoTime();
        Path out = o.outputDir();
        Files.createDirectories(out);
        clean(out);
        Period warmStart = o.from().minusMonths(12);
        Period warmEnd = o.from().minusMonths(1);
        CountyStats calibration = null;
        CountyStats last = null;
        List<CountyStats> stats = new ArrayList<>();
        long waited = 0;
        java.util.concurrent.ExecutorService side = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "olive-synth-writer");
            t.setDaemon(true);
            return t;
        });
        try (FaultLog log = new FaultLog(out.resolve("truth").resolve("faults.csv"))) {
            FaultInjector faults = new FaultInjector(o.faults(), o.seed(), log);
            // the crossings and the truth are written on a second thread, with their own fault stream and log
            FaultLog crossingLog = FaultLog.inMemory();
            FaultInjector crossingFaults = new FaultInjector(o.faults(), o.seed() ^ 0xC2055L, crossingLog);
            // the school fees (学生缴费) have their own fault stream, so that adding them left the other datasets' faults
            // as they were; their fault-log lines are written with the main thread's
            FaultInjector feeFaults = new FaultInjector(o.faults(), o.seed() ^ 0xED0FEEL, log);
            // so have the 一卡通 disbursements (惠民惠农补贴发放明细)
            FaultInjector subsidyFaults = new FaultInjector(o.faults(), o.seed() ^ 0x5B51D7L, log);
            OutputFiles files = new OutputFiles(out, faults);
            planMisencoding(files);
            World world = new World(o.seed(), o.persons(), o.area());
            world.period = warmStart;
            world.monthIndex = 0;
            world.events = new MonthEvents(world.county.townships().size());
            LivelihoodAssigner jobs = new LivelihoodAssigner(world, world.stream(3));
            new CountyBuilder(world, jobs).build();
            PresenceModel presence = new PresenceModel(world);
            presence.initialise();
            TouristFlow tourists = new TouristFlow(world, o.touristVisitsPerYear());
            Demography demography = new Demography(world, jobs, faults);
            LabourMarket labour = new LabourMarket(world, jobs);
            IncomeModel income = new IncomeModel(world);
            org.olive.synth.history.Housing housing = new org.olive.synth.history.Housing(world, jobs);
            Health health = new Health(world);
            org.olive.synth.history.SchoolFees schoolFees = new org.olive.synth.history.SchoolFees(world);
            org.olive.synth.history.Subsidies subsidies = new org.olive.synth.history.Subsidies(world, o.subsidies());
            org.olive.synth.truth.PolicyTruth policyTruth = new org.olive.synth.truth.PolicyTruth(out);
            AssistanceReview review = new AssistanceReview(world);
            FamilyIndex families = new FamilyIndex();
            CrossingBuffer buffer = new CrossingBuffer();
            CrossingWriter crossingWriter = new CrossingWriter();
            PopulationWriters population = new PopulationWriters();
            LabourWriters labourWriters = new LabourWriters();
            BusinessWriters business = new BusinessWriters();
            WelfareWriters welfare = new WelfareWriters();
            HouseholdWriters household = new HouseholdWriters(o.seed());
            SurveyWriter survey = new SurveyWriter(o.seed());
            TruthWriter truth = new TruthWriter(out, files);
            RowSink history = files.open(Catalog.CROSSINGS, o.from(), Catalog.crossingsHistoryFile(warmStart, warmEnd),
                    "crossings/history", crossingFaults);
            listener.stage("synth warm-up", 12);
            for (Period p = warmStart; p.compareTo(o.to()) <= 0; p = p.next()) {
                if (p.equals(o.from())) {
                    listener.stage("synth", Period.range(o.from(), o.to()).size());
                }
                long t0 = System.nanoTime();
                world.period = p;
                world.events = new MonthEvents(world.county.townships().size());
                boolean warm = p.compareTo(o.from()) < 0;
                demography.month();
                labour.month();
                housing.month();
                income.month();
                health.month();
                schoolFees.month();
                subsidies.month();
                buffer.clear();
                presence.month(buffer);
                tourists.month(buffer, world.events);
                buffer.sort();
                families.compute(world);
                review.month(families);
                GroupTruth.month(world);
                CountyStats s = CountyStats.of(world, families);
                long tSim = System.nanoTime();
                stats.add(s);
                WriteContext c = new WriteContext(world, files, faults, families, p.equals(o.from()));
                WriteContext cc = new WriteContext(world, files, crossingFaults, families, p.equals(o.from()));
                if (warm) {
                    crossingWriter.crossings(cc, buffer, history);
                    crossingLog.drainInto(log);
                    if (p.equals(warmEnd)) {
                        files.close(history);
                        calibration = s;
                        if (System.getProperty("olive.synth.diagnostics") != null) {
                            System.out.print(org.olive.synth.truth.Diagnostics.table(world, families));
                        }
                    }
                } else {
                    final Period period = p;
                    java.util.concurrent.Future<Void> sideWork = side.submit(() -> {
                        RowSink cs = files.open(Catalog.CROSSINGS, period, Catalog.CROSSINGS.fileName(period),
                                Catalog.CROSSINGS.fullKey(), crossingFaults);
                        crossingWriter.crossings(cc, buffer, cs);
                        files.close(cs);
                        population.hukou(cc);
                        labourWriters.socialInsurance(cc);
                        household.utilities(cc);
                        truth.write(world, families);
                        return null;
                    });
                    crossingWriter.tourism(c);
                    population.floating(c);
                    population.marriage(c);
                    population.vital(c);
                    labourWriters.benefits(c);
                    labourWriters.skillCertificates(c);
                    labourWriters.incomeTax(c);
                    labourWriters.housingFund(c);
                    labourWriters.platformWork(c);
                    business.marketEntities(c);
                    business.bnbs(c);
                    business.vessels(c);
                    business.crew(c);
                    business.aquaculture(c);
                    welfare.assistance(c);
                    welfare.disability(c);
                    welfare.medical(c);
                    household.ownership(c);
                    household.rentals(c);
                    household.education(c);
                    household.educationFees(new WriteContext(world, files, feeFaults, families, p.equals(o.from())));
                    welfare.subsidyPayments(new WriteContext(world, files, subsidyFaults, families, p.equals(o.from())),
                            subsidies, o.subsidies().unknownCodeRate());
                    policyTruth.month(p, subsidies);
                    if (p.monthValue() == 12) {
                        business.businessReports(c);
                        household.dividends(c);
                        survey.survey(c);
                    }
                    long tWait = System.nanoTime();
                    await(sideWork);
                    waited += System.nanoTime() - tWait;
                    crossingLog.drainInto(log);
                    last = s;
                }
                progress.accept(String.format(Locale.ROOT, "%s%s residents %,d registered %,d crossings %,d per-capita DI %,.0f (simulate %.2f s, write %.2f s, waited for the writer thread %.1f s in all)",
                        p, warm ? " (warm-up)" : "", s.residents(), s.registered(), buffer.size(), s.perCapitaDi(),
                        (tSim - t0) / 1e9, (System.nanoTime() - tSim) / 1e9, waited / 1e9));
                listener.step(p.toString());
                world.monthIndex++;
            }
            policyTruth.finish(subsidies, o.from(), files);
            writeCalibration(out, stats, files);
            Map<String, Long> faultCounts = new LinkedHashMap<>();
            for (FaultType t : FaultType.values()) {
                faultCounts.put(t.name(), log.count(t));
            }
            long rows = 0;
            long bytes = 0;
            long truthBytes = 0;
            int fileCount = 0;
            for (ManifestEntry e : files.entries()) {
                if (e.dataset().startsWith("truth/")) {
                    truthBytes += e.bytes();
                } else {
                    rows += e.rows();
                    bytes += e.bytes();
                    fileCount++;
                }
            }
            log.close();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            SynthReport report = new SynthReport(out, rows, bytes, truthBytes, fileCount, elapsed, last.registered(),
                    last.residents(), calibration, last, faultCounts);
            writeSummary(out, report, files);
            Path faultsFile = out.resolve("truth").resolve("faults.csv");
            files.registerOther("truth/faults", "", faultsFile, "truth/faults.csv", log.total());
            files.writeManifest("olive-synth seed " + o.seed() + ", persons " + o.persons() + ", " + o.from() + ".." + o.to());
            return report;
        } finally {
            side.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.Future<Void> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /** Removes what an earlier run left in the output folder (period folders, truth, manifest). */
    private static void clean(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.matches("\\d{4}-\\d{2}") || n.equals("truth") || n.equals("manifest.json")) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }

    /** Picks which UTF-8 datasets get a month written in GB18030 (the wrong-encoding fault). */
    private void planMisencoding(OutputFiles files) {
        if (o.faults().misencodedFiles() <= 0) {
            return;
        }
        List<DatasetSpec> utf8 = new ArrayList<>();
        for (DatasetSpec d : Catalog.ALL) {
            if (d.format() == Format.CSV && d.encoding() != Encoding.GB18030 && d != Catalog.CROSSINGS
                    && d.cadence() == org.olive.synth.output.Cadence.MONTHLY) {
                utf8.add(d);
            }
        }
        SplittableRandom r = new SplittableRandom(o.seed() ^ 0xE1C0DE);
        List<Period> periods = Period.range(o.from(), o.to());
        DatasetSpec d = utf8.get(r.nextInt(utf8.size()));
        files.planMisencoding(d.fullKey(), periods.get(r.nextInt(periods.size())));
    }

    private static void writeCalibration(Path out, List<CountyStats> stats, OutputFiles files) throws IOException {
        StringBuilder sb = new StringBuilder(CountyStats.csvHeader()).append('\n');
        for (CountyStats s : stats) {
            sb.append(s.csvRow()).append('\n');
        }
        Path f = out.resolve("truth").resolve("county_by_period.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        files.registerOther("truth/county_by_period", "", f, "truth/county_by_period.csv", stats.size());
    }

    private void writeSummary(Path out, SynthReport r, OutputFiles files) throws IOException {
        CountyStats c = r.calibration();
        CountyStats l = r.last();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"county\": ").append(Json.str(o.area().code() + " " + o.area().name())).append(",\n");
        sb.append("  \"seed\": ").append(o.seed()).append(",\n");
        sb.append("  \"persons\": ").append(o.persons()).append(",\n");
        sb.append("  \"from\": ").append(Json.str(o.from().toString())).append(",\n");
        sb.append("  \"to\": ").append(Json.str(o.to().toString())).append(",\n");
        sb.append("  \"tourist_visits_per_year\": ").append(o.touristVisitsPerYear()).append(",\n");
        sb.append("  \"calibration\": ").append(statsJson(c, true)).append(",\n");
        sb.append("  \"last_period\": ").append(statsJson(l, false)).append(",\n");
        sb.append("  \"rows_written\": ").append(r.rowsWritten()).append(",\n");
        sb.append("  \"bytes_written\": ").append(r.bytesWritten()).append(",\n");
        sb.append("  \"files\": ").append(r.files()).append(",\n");
        sb.append("  \"faults\": {");
        int i = 0;
        for (Map.Entry<String, Long> e : r.faults().entrySet()) {
            sb.append(i++ == 0 ? "" : ", ").append(Json.str(e.getKey())).append(": ").append(e.getValue());
        }
        sb.append("}\n}\n");
        Path f = out.resolve("truth").resolve("summary.json");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        files.registerOther("truth/summary", "", f, "truth/summary.json", 1);
    }

    private static String statsJson(CountyStats s, boolean targets) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"period\": ").append(Json.str(s.period().toString()));
        sb.append(String.format(Locale.ROOT, ", \"registered\": %d, \"residents\": %d, \"floating\": %d, \"registered_not_resident\": %d, \"migrants\": %d, \"families\": %d, \"bnbs\": %d",
                s.registered(), s.residents(), s.floating(), s.registeredNotResident(), s.migrants(), s.families(), s.bnbs()));
        sb.append(String.format(Locale.ROOT, ", \"elderly_share_registered\": %.4f, \"per_capita_di\": %.2f, \"urban_per_capita_di\": %.2f, \"rural_per_capita_di\": %.2f, \"urban_rural_ratio\": %.4f, \"share_10_50\": %.4f, \"share_20_60\": %.4f, \"share_below_dibao\": %.4f, \"share_below_dibian\": %.4f",
                s.elderlyShareRegistered(), s.perCapitaDi(), s.urbanPerCapitaDi(), s.ruralPerCapitaDi(), s.urbanRuralRatio(),
                s.share10to50(), s.share20to60(), s.shareBelowDibao(), s.shareBelowDibian()));
        if (targets) {
            sb.append(", \"targets\": {\"per_capita_di\": 58000, \"urban_rural_ratio\": 1.45, \"share_10_50\": 0.70, \"share_20_60\": 0.32}");
        }
        return sb.append('}').toString();
    }

}
