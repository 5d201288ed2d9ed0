package org.olive.app.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.olive.pipeline.ingest.IngestReport;

/**
 * The data-quality feedback list for one source department for one period (M10): what it delivered, what it did not,
 * which rows were refused and why, what was repaired, with the files of refused rows to download and send back.
 *
 * @param department the department as named in datasets.yaml; null for files no dataset was recognised in
 */
public record DepartmentFeedback(String department, List<DatasetFeedback> datasets, List<IngestReport.Missing> missing,
                                 List<IngestReport.FileReport> unrecognised, List<EditedAmount> edits) {

    /**
     * An amount of the period's deliveries that the editing step (数据审核, docs/editing.md) corrected or excluded, as
     * the department gets it back: the source row, the field, the value delivered, the value used (null: excluded),
     * the rule with its version and the evidence.
     */
    public record EditedAmount(String dataset, String file, long row, String field, String original, String edited,
                               String rule, String evidence) {
    }

    /** One delivered dataset of the department, with its files and the reasons of its rejects and repairs. */
    public record DatasetFeedback(IngestReport.DatasetReport report, List<FileFeedback> files) {
    }

    /** A file, and how many of its source rows were refused (0: nothing to send back). */
    public record FileFeedback(IngestReport.FileReport report, long rejectedRows) {
    }

    public long rejected() {
        return datasets.stream().mapToLong(d -> d.report().rejected()).sum();
    }

    public long repaired() {
        return datasets.stream().mapToLong(d -> d.report().repaired()).sum();
    }

    /** Whether there is anything to tell the department: refused, repaired or edited values, missing deliveries, unread files. */
    public boolean hasIssues() {
        return rejected() > 0 || repaired() > 0 || !edits.isEmpty() || !missing.isEmpty() || !unrecognised.isEmpty()
                || datasets.stream().flatMap(d -> d.files().stream()).anyMatch(f -> f.report().error() != null);
    }

    /** Groups a run's report by department, departments in name order, unrecognised files last. */
    public static List<DepartmentFeedback> of(IngestReport report, Map<String, Long> rejectedRowsByFile) {
        return of(report, rejectedRowsByFile, List.of());
    }

    /** As {@link #of(IngestReport, Map)}, with the period's edited amounts listed under their dataset's department. */
    public static List<DepartmentFeedback> of(IngestReport report, Map<String, Long> rejectedRowsByFile,
                                              List<EditedAmount> edits) {
        Map<String, String> departmentOf = new java.util.HashMap<>();
        report.datasets().values().forEach(d -> departmentOf.put(d.dataset(), department(d.department())));
        Map<String, List<EditedAmount>> editsByDepartment = new TreeMap<>();
        for (EditedAmount e : edits) {
            editsByDepartment.computeIfAbsent(departmentOf.getOrDefault(e.dataset(), "?"), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<DatasetFeedback>> datasets = new TreeMap<>();
        Map<String, List<IngestReport.Missing>> missing = new TreeMap<>();
        List<IngestReport.FileReport> unrecognised = new ArrayList<>();
        for (IngestReport.DatasetReport d : report.datasets().values()) {
            List<FileFeedback> files = report.files().stream().filter(f -> d.dataset().equals(f.dataset()))
                    .map(f -> new FileFeedback(f, rejectedRowsByFile.getOrDefault(f.file(), 0L))).toList();
            datasets.computeIfAbsent(department(d.department()), k -> new ArrayList<>()).add(new DatasetFeedback(d, files));
        }
        for (IngestReport.Missing m : report.missing()) {
            missing.computeIfAbsent(department(m.department()), k -> new ArrayList<>()).add(m);
            datasets.computeIfAbsent(department(m.department()), k -> new ArrayList<>());
        }
        for (IngestReport.FileReport f : report.files()) {
            if (f.dataset() == null) {
                unrecognised.add(f);
            }
        }
        List<DepartmentFeedback> out = new ArrayList<>();
        datasets.forEach((dep, list) -> out.add(new DepartmentFeedback(dep, list,
                missing.getOrDefault(dep, List.of()), List.of(), editsByDepartment.getOrDefault(dep, List.of()))));
        if (!unrecognised.isEmpty()) {
            out.add(new DepartmentFeedback(null, List.of(), List.of(), unrecognised, List.of()));
        }
        return out;
    }

    private static String department(String d) {
        return d == null || d.isBlank() ? "?" : d;
    }
}
