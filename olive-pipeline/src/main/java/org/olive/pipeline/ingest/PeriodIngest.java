package org.olive.pipeline.ingest;

import org.olive.identity.CreditCode;
import org.olive.identity.IdNumber;
import org.olive.ingest.load.FileIngestor;
import org.olive.ingest.load.IngestSummary;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.ValidationContext;
import org.olive.ingest.reject.MappedRecord;
import org.olive.ingest.reject.Reject;
import org.olive.ingest.reject.Repair;
import org.olive.ingest.reject.RowOutcome;
import org.olive.ingest.table.IngestException;
import org.olive.ingest.table.ReaderOptions;
import org.olive.ingest.table.TableReader;
import org.olive.ingest.table.TableReaders;
import org.olive.period.Period;
import org.olive.store.load.BulkLoader;
import org.olive.store.table.ColumnType;
import org.olive.store.table.TableSpec;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Ingests one period's folder of departmental extracts into the master database, replacing that period's data
 * atomically.
 *
 * <p>Atomicity without one giant transaction: every row a run loads carries its {@code run_id}, and rows count
 * only while their run is SUCCEEDED ({@link MasterTables#VISIBLE}). A run goes:
 * <ol>
 *   <li>It is registered (committed at once), so that a run killed half-way stays visible as RUNNING; the next
 *   run of the period marks it INTERRUPTED and purges its rows.</li>
 *   <li>Every file of the folder is identified by its header (against the mappings), read, validated and
 *   bulk-loaded in chunks, each chunk committed: memory and transaction size stay bounded whatever the period's
 *   volume. Rejected values and repairs are stored with their file, row, field and reason (a rejected row also with
 *   the values that did parse, as JSON in ingest_reject.parsed_row), and every file's
 *   account is stored. None of this is visible yet.</li>
 *   <li>The data items it delivered are recorded and indicator 8 computed.</li>
 *   <li>One short transaction switches the period: the previous SUCCEEDED run becomes SUPERSEDED and this one
 *   SUCCEEDED. Before it commits, readers see the previous data; after, the new.</li>
 *   <li>The superseded run's rows are purged (if the process dies here, the next run of the period purges them;
 *   they are invisible meanwhile).</li>
 * </ol>
 * On a failure the run is marked FAILED with the reason and its rows purged; the period keeps its previous data.
 * A file that cannot be read (wrong format, unknown columns, a fatal encoding error, a workbook beyond its bounds)
 * does not fail the run: it is reported with its error and the rows read before the error are accounted for; a file
 * whose reading fails unexpectedly is skipped whole (its rows of the run removed) and reported. A database that
 * refuses rows fails the run, naming the file (the period keeps its previous data). Every
 * data row read ends as loaded or rejected. Messages name the file and the reason, never SQL or an exception class
 * (those go to the log).
 *
 * <p>Before the switch, each dataset's row count is compared with its previous delivery ({@link IngestChecks}): a
 * collapse below the configured share stops the period unless the operator accepted it for this run
 * ({@link #acceptCollapse}); accepted collapses are recorded in the report.
 */
public final class PeriodIngest {

    /** Rows buffered before a bulk load; bounds memory whatever the file size. */
    public static final int DEFAULT_CHUNK_ROWS = 20_000;

    private final DataSource dataSource;
    private final List<DatasetMapping> mappings;
    private final Map<String, DatasetMapping> canonical;
    private final Map<String, DatasetSettings> settings;
    private final ReaderOptions readerOptions;
    private final Clock clock;
    private int chunkRows = DEFAULT_CHUNK_ROWS;
    private Consumer<String> progress = s -> { };
    private IngestChecks checks = IngestChecks.builtIn();
    private org.olive.geography.Divisions divisions = org.olive.geography.Divisions.shengsi();
    private java.util.Set<String> acceptedCollapses = java.util.Set.of();
    private final List<org.olive.ingest.mapping.ReferenceCodes> references = new ArrayList<>();
    /** The dataset of the file being loaded, once identified (for the report of a file that has to be skipped). */
    private String fileDataset;
    private static final System.Logger LOG = System.getLogger(PeriodIngest.class.getName());

    /**
     * @param mappings the mappings to read files with: the built-in ones, or a county's (each must keep to its
     *                 dataset's canonical schema, see {@link #checkAgainstCanonical})
     */
    public PeriodIngest(DataSource dataSource, List<DatasetMapping> mappings, Map<String, DatasetSettings> settings,
                        ReaderOptions readerOptions, Clock clock) {
        this.dataSource = dataSource;
        this.canonical = Canonical.MAPPINGS;
        mappings.forEach(PeriodIngest.this::checkAgainstCanonical);
        this.mappings = List.copyOf(mappings);
        this.settings = settings;
        this.readerOptions = readerOptions;
        this.clock = clock;
    }

    /** The built-in mappings and settings, default reader options and the system clock. */
    public static PeriodIngest withDefaults(DataSource dataSource) {
        return new PeriodIngest(dataSource, BuiltInMappings.all(), DatasetSettings.builtIn(), ReaderOptions.defaults(),
                Clock.systemDefaultZone());
    }

    /** The county's divisions that division codes are validated against (default: Shengsi's). */
    public PeriodIngest divisions(org.olive.geography.Divisions divisions) {
        this.divisions = java.util.Objects.requireNonNull(divisions);
        return this;
    }

    /**
     * Checks a field of a dataset against codes from outside its file, for instance the disbursements' policy codes
     * against the county's policies.yaml: a row whose value (after the mapping's values) is not one of them is
     * rejected with {@code '<value>' is not <description>}, naming its file, row and field like every reject. The
     * codes belong to the county profile, so they are given here rather than written into the mapping.
     *
     * @param description completes "is not …", e.g. {@code a policy of policies.yaml}
     */
    public PeriodIngest referenceCodes(String dataset, String field, java.util.Set<String> codes, String description) {
        DatasetMapping m = canonical.get(dataset);
        if (m == null) {
            throw new IllegalArgumentException("reference codes for unknown dataset '" + dataset + "'");
        }
        if (m.field(field).isEmpty()) {
            throw new IllegalArgumentException("reference codes for unknown field '" + field + "' of " + dataset);
        }
        references.removeIf(r -> r.appliesTo(dataset, field));
        references.add(new org.olive.ingest.mapping.ReferenceCodes(dataset, field, codes, description));
        return this;
    }

    public PeriodIngest chunkRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("chunk rows must be positive");
        }
        this.chunkRows = rows;
        return this;
    }

    /** The period checks (collapse ratio, rejects listed in the report); by default those of datasets.yaml. */
    public PeriodIngest checks(IngestChecks checks) {
        this.checks = java.util.Objects.requireNonNull(checks);
        return this;
    }

    /**
     * Datasets whose row-count collapse the operator accepts for the runs of this instance (the delivery is known to
     * be right); each acceptance is recorded in the report.
     */
    public PeriodIngest acceptCollapse(java.util.Collection<String> datasets) {
        for (String d : datasets) {
            if (!canonical.containsKey(d)) {
                throw new IllegalArgumentException("--accept-collapse: unknown dataset '" + d + "'; known: "
                        + String.join(", ", canonical.keySet()));
            }
        }
        this.acceptedCollapses = java.util.Set.copyOf(datasets);
        return this;
    }

    public PeriodIngest progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    /**
     * A county's mapping may rename headers and recode values but must keep the canonical field names and types of
     * its dataset, since the master database's tables are built on them.
     */
    void checkAgainstCanonical(DatasetMapping m) {
        checkMapping(m, canonical);
    }

    /** {@link #checkAgainstCanonical} against the built-in mappings, for checking a county profile's mappings. */
    public static void checkMapping(DatasetMapping m) {
        checkMapping(m, Canonical.MAPPINGS);
    }

    /** The built-in mappings by dataset (the canonical schemas), read once. */
    private static final class Canonical {
        static final Map<String, DatasetMapping> MAPPINGS;

        static {
            Map<String, DatasetMapping> m = new LinkedHashMap<>();
            BuiltInMappings.all().forEach(b -> m.put(b.dataset(), b));
            MAPPINGS = java.util.Collections.unmodifiableMap(m);
        }
    }

    private static void checkMapping(DatasetMapping m, Map<String, DatasetMapping> canonical) {
        DatasetMapping c = canonical.get(m.dataset());
        if (c == null) {
            throw new IllegalArgumentException("mapping for unknown dataset '" + m.dataset() + "'; known: " + canonical.keySet());
        }
        for (FieldSpec f : m.fields()) {
            Optional<FieldSpec> cf = c.field(f.name());
            if (cf.isEmpty()) {
                throw new IllegalArgumentException("mapping " + m.dataset() + ": field '" + f.name()
                        + "' is not in the dataset's canonical schema " + c.fields().stream().map(FieldSpec::name).toList());
            }
            if (cf.get().type() != f.type()) {
                throw new IllegalArgumentException("mapping " + m.dataset() + ": field '" + f.name() + "' must have type "
                        + cf.get().type().yamlName() + ", found " + f.type().yamlName());
            }
        }
    }

    /** Ingests the folder for the period; see the class comment. Throws {@link IngestRunException} if the run failed. */
    public IngestReport ingest(Path periodDir, Period period) {
        if (!Files.isDirectory(periodDir)) {
            throw new IngestRunException("period folder " + periodDir + " does not exist or is not a folder");
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        long runId;
        try {
            runId = registerRun(period, periodDir, started);
            purgeInvisible(period);
        } catch (SQLException e) {
            throw new IngestRunException("cannot register the run in the database: " + e.getMessage(), e);
        }
        IngestReport report;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                report = load(c, runId, periodDir, period, started, t0);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            String msg;
            if (e instanceof IngestRunException) {
                msg = e.getMessage();
            } else {
                LOG.log(System.Logger.Level.ERROR, "ingest of " + period + " failed", e);
                msg = "an internal or database error stopped the run (" + userReason(e) + "; details in the log)";
            }
            markFailed(runId, msg);
            try {
                purgeInvisible(period);
            } catch (SQLException ignored) {
                // invisible anyway; the next run of the period purges them
            }
            throw e instanceof IngestRunException ire ? ire : new IngestRunException("ingest of " + period
                    + " failed; the period keeps its previous data: " + msg, e);
        }
        try {
            purgeInvisible(period);
        } catch (SQLException e) {
            progress.accept(period + " superseded rows not purged yet (" + e.getMessage() + "); the next run will");
        }
        return report;
    }

    private IngestReport load(Connection c, long runId, Path dir, Period period, OffsetDateTime started, long t0) throws SQLException {
        BulkLoader loader = BulkLoader.forConnection(c);
        ValidationContext context = ValidationContext.of(period.lastDay(), divisions).withReferences(references);
        List<IngestReport.FileReport> files = new ArrayList<>();
        Map<String, DatasetAccumulator> datasets = new TreeMap<>();
        for (Path file : listFiles(dir)) {
            long f0 = System.nanoTime();
            progress.accept(period + " " + file.getFileName());
            IngestReport.FileReport fr;
            fileDataset = null;
            try {
                fr = loadFile(c, loader, runId, period, file, context, datasets);
                if (fileDataset != null) {
                    org.olive.pipeline.run.KillPoint.reached("file:" + fileDataset);
                }
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.ERROR, "ingest of " + period + ": storing " + file.getFileName() + " failed", e);
                throw new IngestRunException("ingest of " + period + " failed while storing the rows of "
                        + file.getFileName() + ": " + userReason(e) + " (details in the log); the period keeps its previous data", e);
            } catch (IngestRunException e) {
                throw e;
            } catch (RuntimeException e) {
                fr = skipFile(c, runId, period, file, e);
            }
            fr = withMillis(fr, (System.nanoTime() - f0) / 1_000_000);
            insertFileRow(c, runId, period, fr);
            c.commit();
            files.add(fr);
        }
        List<IngestReport.Missing> missing = new ArrayList<>();
        for (DatasetSettings s : settings.values()) {
            if (s.cadence().expectedIn(period) && !datasets.containsKey(s.dataset())) {
                missing.add(new IngestReport.Missing(s.dataset(), s.department(), s.cadence().name().toLowerCase()));
            }
        }
        List<IngestReport.Collapse> collapses = collapses(c, period, files);
        List<IngestReport.Collapse> refused = collapses.stream().filter(x -> !x.accepted()).toList();
        if (!refused.isEmpty()) {
            throw new IngestRunException("ingest of " + period + " stopped: the row count collapsed against the previous "
                    + "delivery for " + String.join("; ", refused.stream().map(IngestReport.Collapse::describe).toList())
                    + ". Check the files; if the delivery is right, ingest again with "
                    + String.join(" ", refused.stream().map(x -> "--accept-collapse " + x.dataset()).toList()));
        }
        Map<String, java.util.Set<String>> delivered = new LinkedHashMap<>();
        datasets.forEach((k, v) -> {
            if (v.items != null) {
                delivered.put(k, v.items);
            }
        });
        DataItemsIndicator.record(c, delivered, runId, period);
        c.commit();
        IngestReport.DataItems items = DataItemsIndicator.compute(c, runId, period);
        Map<String, IngestReport.DatasetReport> byDataset = new LinkedHashMap<>();
        datasets.forEach((k, v) -> byDataset.put(k, v.report()));
        OffsetDateTime finished = OffsetDateTime.now(clock);
        IngestReport report = new IngestReport(runId, period.toString(), "SUCCEEDED", null, started, finished,
                (System.nanoTime() - t0) / 1_000_000, files, byDataset, missing, items, collapses);
        // the switch: one short transaction
        try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_run SET status = 'SUPERSEDED' WHERE data_period = ? "
                + "AND status = 'SUCCEEDED' AND id <> ?")) {
            ps.setString(1, period.toString());
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_run SET status = 'SUCCEEDED', finished_at = ?, files = ?, "
                + "rows_in = ?, rows_loaded = ?, rows_repaired = ?, rows_rejected = ?, items_total = ?, items_updated = ?, "
                + "report = ? WHERE id = ? AND status = 'RUNNING'")) {
            ps.setObject(1, finished);
            ps.setInt(2, files.size());
            ps.setLong(3, report.rowsIn());
            ps.setLong(4, report.loaded());
            ps.setLong(5, report.repaired());
            ps.setLong(6, report.rejected());
            ps.setLong(7, items.total());
            ps.setLong(8, items.updated());
            ps.setString(9, report.toJson());
            ps.setLong(10, runId);
            if (ps.executeUpdate() != 1) {
                throw new IngestRunException("run " + runId + " of " + period + " was marked interrupted by another run "
                        + "of the same period while it was loading; only one run per period at a time is supported");
            }
        }
        return report;
    }

    /**
     * Each dataset's rows this period against its previous delivery (the latest earlier period with a SUCCEEDED run
     * that has it), files matching {@code collapse_exclude_files} left out of both counts; the datasets below their
     * collapse ratio, marked accepted when the operator accepted them.
     */
    private List<IngestReport.Collapse> collapses(Connection c, Period period, List<IngestReport.FileReport> files)
            throws SQLException {
        Map<String, Long> current = new TreeMap<>();
        for (IngestReport.FileReport f : files) {
            if (f.dataset() != null && checks.compared(f.file()) && checks.compares(f.dataset(), period)) {
                current.merge(f.dataset(), f.rowsIn(), Long::sum);
            }
        }
        List<IngestReport.Collapse> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : current.entrySet()) {
            String previous = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(f.data_period) FROM ingest_file f JOIN ingest_run r "
                    + "ON r.id = f.run_id WHERE r.status = 'SUCCEEDED' AND f.dataset = ? AND f.data_period < ?")) {
                ps.setString(1, e.getKey());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getString(1);
                    }
                }
            }
            if (previous == null) {
                continue;
            }
            long prev = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT f.file_name, f.rows_in FROM ingest_file f JOIN ingest_run r "
                    + "ON r.id = f.run_id WHERE r.status = 'SUCCEEDED' AND f.dataset = ? AND f.data_period = ?")) {
                ps.setString(1, e.getKey());
                ps.setString(2, previous);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (checks.compared(rs.getString(1))) {
                            prev += rs.getLong(2);
                        }
                    }
                }
            }
            double ratio = checks.collapseRatio(e.getKey());
            if (prev >= checks.collapseMinPreviousRows() && prev > 0 && e.getValue() < ratio * prev) {
                out.add(new IngestReport.Collapse(e.getKey(), e.getValue(), previous, prev, ratio,
                        acceptedCollapses.contains(e.getKey())));
            }
        }
        return out;
    }

    /**
     * Deletes the rows of the period's runs that are not visible and never will be again: INTERRUPTED, FAILED and
     * SUPERSEDED runs. Each table is purged in its own transaction; the rows were invisible already.
     */
    private void purgeInvisible(Period period) throws SQLException {
        String runs = "SELECT id FROM ingest_run WHERE data_period = ? AND status IN ('INTERRUPTED', 'FAILED', 'SUPERSEDED')";
        List<String> tables = new ArrayList<>();
        canonical.values().forEach(m -> tables.add(MasterTables.tableName(m)));
        tables.addAll(List.of("ingest_reject", "ingest_repair", "master_item"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE data_period = ? AND run_id IN (" + runs + ")")) {
                    ps.setString(1, period.toString());
                    ps.setString(2, period.toString());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static List<Path> listFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IngestRunException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private IngestReport.FileReport loadFile(Connection c, BulkLoader loader, long runId, Period period, Path file,
                                             ValidationContext context, Map<String, DatasetAccumulator> datasets)
            throws SQLException {
        String name = file.getFileName().toString();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        TableReader reader;
        try {
            reader = TableReaders.open(file, readerOptions);
        } catch (IngestException e) {
            return new IngestReport.FileReport(name, null, null, null, null, null, bytes, 0, 0, 0, 0, 0, 0, List.of(),
                    e.error().toString(), 0, List.of());
        }
        try (reader) {
            Optional<DatasetMapping> found = BuiltInMappings.identify(reader.header(), mappings);
            if (found.isEmpty()) {
                return new IngestReport.FileReport(name, null, null, reader.source().format().name(),
                        reader.source().encoding(), reader.source().encodingReason(), bytes, 0, 0, 0, 0, 0, 0, List.of(),
                        "unknown column set: no mapping matches the headers " + reader.header().names()
                                + " — add a mapping file for this dataset or correct the headers", 0, List.of());
            }
            DatasetMapping mapping = found.get();
            fileDataset = mapping.dataset();
            DatasetMapping canon = canonical.get(mapping.dataset());
            TableSpec table = MasterTables.table(canon);
            DatasetSettings ds = settings.get(mapping.dataset());
            String department = ds == null ? "" : ds.department();
            DatasetAccumulator acc = datasets.computeIfAbsent(mapping.dataset(),
                    k -> new DatasetAccumulator(k, department, table.name()));
            if (ds != null && !ds.itemKey().isEmpty() && acc.items == null) {
                acc.items = new java.util.HashSet<>();
            }
            FileSink sink = new FileSink(c, loader, table, canon, runId, period, name, mapping.dataset(), chunkRows,
                    acc.samples, checks.reportFirstRejects(), ds == null ? List.of() : ds.itemKey(), acc.items);
            IngestSummary summary;
            try {
                summary = new FileIngestor(mapping, context, readerOptions).ingest(reader, sink::accept);
                sink.flush();
            } catch (SinkException e) {
                throw e.getCause();
            }
            acc.add(summary, sink);
            List<String> notices = new ArrayList<>(reader.source().notices());
            if (summary.headerOnly()) {
                notices.add("the file has a header but 0 data rows");
            }
            if (!summary.unusedColumns().isEmpty()) {
                notices.add(summary.unusedColumns().size() + " column(s) no field reads were ignored: "
                        + clipList(summary.unusedColumns(), 300));
            }
            return new IngestReport.FileReport(name, mapping.dataset(), department, reader.source().format().name(),
                    reader.source().encoding(), reader.source().encodingReason(), bytes, summary.rowsIn(), summary.loaded(),
                    summary.repaired(), summary.rejected(), sink.duplicates, summary.blankRows(), summary.unusedColumns(),
                    summary.fileError().map(Object::toString).orElse(null), 0, notices);
        }
    }

    private static IngestReport.FileReport withMillis(IngestReport.FileReport f, long millis) {
        return new IngestReport.FileReport(f.file(), f.dataset(), f.department(), f.format(), f.encoding(), f.encodingReason(),
                f.bytes(), f.rowsIn(), f.loaded(), f.repaired(), f.rejected(), f.duplicates(), f.blankRows(),
                f.unusedColumns(), f.error(), millis, f.notices());
    }

    private static String clipList(List<String> names, int chars) {
        String all = String.join(", ", names);
        return all.length() <= chars ? all : all.substring(0, chars) + "…";
    }

    /**
     * A file whose reading failed unexpectedly: its rows of this run are removed from every table and it is reported
     * with the reason; the run goes on with the next file.
     */
    private IngestReport.FileReport skipFile(Connection c, long runId, Period period, Path file, Exception e) throws SQLException {
        String name = file.getFileName().toString();
        LOG.log(System.Logger.Level.ERROR, "ingest of " + period + ": file " + name + " skipped", e);
        c.rollback();
        List<String> tables = new ArrayList<>();
        canonical.values().forEach(m -> tables.add(MasterTables.tableName(m)));
        tables.addAll(List.of("ingest_reject", "ingest_repair"));
        for (String t : tables) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE run_id = ? AND file_name = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, name);
                ps.executeUpdate();
            }
        }
        c.commit();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException ex) {
            bytes = -1;
        }
        DatasetSettings ds = fileDataset == null ? null : settings.get(fileDataset);
        return new IngestReport.FileReport(name, fileDataset, ds == null ? null : ds.department(), null, null, null, bytes,
                0, 0, 0, 0, 0, 0, List.of(), "the file was skipped and none of its rows kept: " + userReason(e), 0, List.of());
    }

    /** A reason for the user, without SQL or exception class names (those are logged). */
    static String userReason(Throwable e) {
        if (e instanceof IngestException ie) {
            return ie.error().reason();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("22")) {
                    return "a value is too long or of the wrong kind for the database";
                }
                if (state.startsWith("23")) {
                    return "a value breaks a rule of the database (a duplicate or a missing reference)";
                }
                return "the database refused the rows";
            }
            if (t instanceof OutOfMemoryError) {
                return "the file needs more memory than is available";
            }
        }
        return "an internal error";
    }

    /** Receives a file's row outcomes and loads them in chunks, on the run's connection. */
    private static final class FileSink {
        private static final TableSpec REJECTS = new TableSpec("ingest_reject", List.of(
                TableSpec.Column.of("run_id", ColumnType.BIGINT), TableSpec.Column.text("data_period", 7),
                TableSpec.Column.text("dataset", 40), TableSpec.Column.text("file_name", 255),
                TableSpec.Column.of("source_row", ColumnType.BIGINT), TableSpec.Column.text("field", 200),
                TableSpec.Column.text("raw_value", 2000), TableSpec.Column.text("reason", 1000),
                TableSpec.Column.text("category", 300), TableSpec.Column.of("raw_row", ColumnType.TEXT),
                TableSpec.Column.of("parsed_row", ColumnType.TEXT)));
        /** Compact JSON for parsed_row. */
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final TableSpec REPAIRS = new TableSpec("ingest_repair", List.of(
                TableSpec.Column.of("run_id", ColumnType.BIGINT), TableSpec.Column.text("data_period", 7),
                TableSpec.Column.text("dataset", 40), TableSpec.Column.text("file_name", 255),
                TableSpec.Column.of("source_row", ColumnType.BIGINT), TableSpec.Column.text("field", 200),
                TableSpec.Column.text("raw_value", 2000), TableSpec.Column.text("note", 1000)));

        private final Connection c;
        private final BulkLoader loader;
        private final TableSpec table;
        private final List<String> fields;
        private final long runId;
        private final String period;
        private final String file;
        private final String dataset;
        private final int chunk;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Object[]> rejects = new ArrayList<>();
        private final List<Object[]> repairs = new ArrayList<>();
        final Map<String, Long> rejectsByReason = new TreeMap<>();
        final Map<String, Long> repairsByKind = new TreeMap<>();
        long duplicates;
        private final List<IngestReport.RejectSample> samples;
        private final int maxSamples;
        private List<String> recordFields;
        private boolean[] present;
        /** The indices in {@link #fields} of the dataset's item-key fields (-1: not in the schema). */
        private final int[] itemColumns;
        private final java.util.Set<String> items;

        FileSink(Connection c, BulkLoader loader, TableSpec table, DatasetMapping canon, long runId, Period period,
                 String file, String dataset, int chunk, List<IngestReport.RejectSample> samples, int maxSamples,
                 List<String> itemKey, java.util.Set<String> items) {
            this.items = items;
            this.c = c;
            this.loader = loader;
            this.table = table;
            this.fields = canon.fields().stream().map(FieldSpec::name).toList();
            this.itemColumns = itemKey.stream().mapToInt(fields::indexOf).toArray();
            this.runId = runId;
            this.period = period.toString();
            this.file = file;
            this.dataset = dataset;
            this.chunk = chunk;
            this.samples = samples;
            this.maxSamples = maxSamples;
        }

        void accept(RowOutcome outcome) {
            try {
                if (outcome instanceof RowOutcome.Loaded l) {
                    Object[] row = toRow(l.record(), l.repairs());
                    rows.add(row);
                    if (items != null) {
                        // the key as stored (row[4 + i] holds field i's SQL value: an ID number's full text, not its mask)
                        Object[] key = new Object[itemColumns.length];
                        for (int k = 0; k < key.length; k++) {
                            key[k] = itemColumns[k] < 0 ? null : row[4 + itemColumns[k]];
                        }
                        String itemKey = DataItemsIndicator.itemKey(key);
                        if (itemKey != null) {
                            items.add(itemKey);
                        }
                    }
                    for (Repair r : l.repairs()) {
                        repairs.add(new Object[]{runId, period, dataset, file, r.row(), clip(r.field(), 200),
                                clip(r.rawValue(), 2000), clip(r.note(), 1000)});
                        repairsByKind.merge(ReasonCategory.of(r.note()), 1L, Long::sum);
                    }
                } else if (outcome instanceof RowOutcome.Rejected rj) {
                    boolean dup = false;
                    String parsed = parsedRow(rj.parsed());
                    for (Reject r : rj.rejects()) {
                        String category = ReasonCategory.of(r.reason());
                        rejects.add(new Object[]{runId, period, dataset, file, r.row(), clip(r.field(), 200),
                                clip(r.rawValue(), 2000), clip(r.reason(), 1000), category, r.rawRow(), parsed});
                        rejectsByReason.merge(category, 1L, Long::sum);
                        if (samples.size() < maxSamples) {
                            samples.add(new IngestReport.RejectSample(file, r.row(), r.field(),
                                    IdMasking.ids(clip(r.rawValue(), 200)), IdMasking.ids(clip(r.reason(), 500))));
                        }
                        dup |= ReasonCategory.isDuplicate(r.reason());
                    }
                    if (dup) {
                        duplicates++;
                    }
                }
                if (rows.size() >= chunk || rejects.size() >= chunk || repairs.size() >= chunk) {
                    flush();
                }
            } catch (SQLException e) {
                throw new SinkException(e);
            }
        }

        private Object[] toRow(MappedRecord r, List<Repair> rowRepairs) {
            if (recordFields == null) {
                recordFields = r.values().keySet().stream().toList();
                present = new boolean[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    present[i] = recordFields.contains(fields.get(i));
                }
            }
            Object[] row = new Object[fields.size() + 5];
            row[0] = period;
            row[1] = runId;
            row[2] = file;
            row[3] = r.row();
            for (int i = 0; i < fields.size(); i++) {
                row[4 + i] = present[i] ? toSql(r.get(fields.get(i))) : null;
            }
            if (!rowRepairs.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Repair rp : rowRepairs) {
                    sb.append(sb.isEmpty() ? "" : "; ").append(rp.field()).append(": ").append(rp.note());
                }
                row[row.length - 1] = clip(sb.toString(), 1000);
            }
            return row;
        }

        /**
         * The values of a rejected row that did parse, as a JSON object {canonical field: value as text} (dates in
         * ISO form, amounts in plain decimal), or {@code null} when none did. Stored on each reject of the row.
         */
        static String parsedRow(Map<String, Object> parsed) {
            if (parsed.isEmpty()) {
                return null;
            }
            Map<String, String> text = new LinkedHashMap<>();
            parsed.forEach((k, v) -> text.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(toSql(v))));
            return JSON.writeValueAsString(text);
        }

        static Object toSql(Object v) {
            if (v instanceof IdNumber id) {
                return id.value();
            }
            if (v instanceof CreditCode cc) {
                return cc.value();
            }
            if (v instanceof Period p) {
                return p.toString();
            }
            return v;
        }

        void flush() throws SQLException {
            if (!rows.isEmpty()) {
                loader.load(c, table, rows.iterator());
                rows.clear();
            }
            if (!rejects.isEmpty()) {
                loader.load(c, REJECTS, rejects.iterator());
                rejects.clear();
            }
            if (!repairs.isEmpty()) {
                loader.load(c, REPAIRS, repairs.iterator());
                repairs.clear();
            }
            c.commit();
        }

        private static String clip(String s, int n) {
            return s == null || s.length() <= n ? s : s.substring(0, n);
        }
    }

    /** Carries an SQLException out of the row consumer. */
    private static final class SinkException extends RuntimeException {
        SinkException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static final class DatasetAccumulator {
        final String dataset;
        final String department;
        final String table;
        long rowsIn;
        long loaded;
        long repaired;
        long rejected;
        long duplicates;
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, Long> repairs = new TreeMap<>();
        final List<IngestReport.RejectSample> samples = new ArrayList<>();
        /** The distinct data items (item keys) of the loaded rows, for pilot indicator 8; null without an item key. */
        java.util.Set<String> items;

        DatasetAccumulator(String dataset, String department, String table) {
            this.dataset = dataset;
            this.department = department;
            this.table = table;
        }

        void add(IngestSummary s, FileSink sink) {
            rowsIn += s.rowsIn();
            loaded += s.loaded();
            repaired += s.repaired();
            rejected += s.rejected();
            duplicates += sink.duplicates;
            sink.rejectsByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
            sink.repairsByKind.forEach((k, v) -> repairs.merge(k, v, Long::sum));
        }

        IngestReport.DatasetReport report() {
            return new IngestReport.DatasetReport(dataset, department, table, rowsIn, loaded, repaired, rejected, duplicates,
                    reasons, repairs, samples);
        }
    }

    private long registerRun(Period period, Path dir, OffsetDateTime started) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_run SET status = 'INTERRUPTED', "
                    + "error = 'the process stopped before the run finished; its changes were rolled back' "
                    + "WHERE data_period = ? AND status = 'RUNNING'")) {
                ps.setString(1, period.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_run (data_period, status, started_at, source_dir) "
                    + "VALUES (?, 'RUNNING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, period.toString());
                ps.setObject(2, started);
                ps.setString(3, dir.toAbsolutePath().toString());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private void markFailed(long runId, String message) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?")) {
                ps.setObject(1, OffsetDateTime.now(clock));
                ps.setString(2, message == null ? "" : message.length() > 2000 ? message.substring(0, 2000) : message);
                ps.setLong(3, runId);
                ps.executeUpdate();
            }
        } catch (SQLException ignored) {
            // the run stays RUNNING and the next run of the period marks it INTERRUPTED
        }
    }

    private static void insertFileRow(Connection c, long runId, Period period, IngestReport.FileReport f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_file (run_id, data_period, file_name, dataset, department, "
                + "format, encoding, encoding_reason, bytes, rows_in, rows_loaded, rows_repaired, rows_rejected, blank_rows, "
                + "unused_columns, error, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, runId);
            ps.setString(2, period.toString());
            ps.setString(3, f.file());
            ps.setString(4, f.dataset());
            ps.setString(5, f.department());
            ps.setString(6, f.format());
            ps.setString(7, f.encoding());
            ps.setString(8, f.encodingReason() == null ? null : f.encodingReason().length() > 300 ? f.encodingReason().substring(0, 300) : f.encodingReason());
            ps.setLong(9, f.bytes());
            ps.setLong(10, f.rowsIn());
            ps.setLong(11, f.loaded());
            ps.setLong(12, f.repaired());
            ps.setLong(13, f.rejected());
            ps.setLong(14, f.blankRows());
            ps.setString(15, String.join(", ", f.unusedColumns()));
            ps.setString(16, f.error() == null ? null : f.error().length() > 2000 ? f.error().substring(0, 2000) : f.error());
            ps.setLong(17, f.millis());
            ps.executeUpdate();
        }
    }
}
