package org.olive.app.ingest;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.olive.app.audit.AuditLog;
import org.olive.app.ingest.IngestRuns.RejectFilter;
import org.olive.app.ingest.IngestRuns.RejectPage;
import org.olive.app.ingest.IngestRuns.RejectedSourceRow;
import org.olive.app.ingest.IngestRuns.SourceFile;
import org.olive.app.web.UnmaskedExport;
import org.olive.pipeline.ingest.DataItemsIndicator;
import org.olive.pipeline.ingest.IngestReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 数据接入 (data intake): the ingest runs with their data-quality reports, the rejected rows (masked on screen, every
 * page view audited), their download for the source department (masked; unmasked only by an audited POST with a
 * reason) and the feedback lists per
 * department (M10). Only ADMIN and ANALYST (see SecurityConfiguration): cadres and policy officers get 403.
 */
@Controller
public class IngestController {

    /** Rejected values per page of the drill-down. */
    static final int PAGE_SIZE = 50;
    /** Audit subject type of the rejected rows of a run. */
    static final String AUDIT_SUBJECT = "INGEST_REJECTS";

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final IngestRuns runs;
    private final DatasetTitles titles;
    private final AuditLog audit;
    private final ZoneId displayZone;

    public IngestController(IngestRuns runs, DatasetTitles titles, AuditLog audit, ZoneId displayZone) {
        this.runs = runs;
        this.titles = titles;
        this.audit = audit;
        this.displayZone = displayZone;
    }

    @GetMapping("/ingest")
    public String runs(Model model) {
        model.addAttribute("runs", runs.runs());
        model.addAttribute("points", runs.indicator());
        model.addAttribute("targets", PilotTarget.DATA_ITEMS_UPDATED);
        model.addAttribute("latestPeriod", runs.succeededPeriods().stream().findFirst().orElse(null));
        model.addAttribute("zone", displayZone);
        return "ingest/runs";
    }

    @GetMapping("/ingest/runs/{id}")
    public String run(@PathVariable long id, Model model) {
        IngestRun run = runs.run(id).orElseThrow(IngestController::notFound);
        Optional<IngestReport> report = runs.report(id);
        model.addAttribute("run", run);
        model.addAttribute("report", report.orElse(null));
        model.addAttribute("rejectedRows", runs.rejectedRowsByFile(id));
        model.addAttribute("titles", titles);
        model.addAttribute("windowPeriods", DataItemsIndicator.WINDOW_PERIODS);
        model.addAttribute("zone", displayZone);
        return "ingest/run";
    }

    @GetMapping(value = "/ingest/runs/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> reportJson(@PathVariable long id) {
        runs.run(id).orElseThrow(IngestController::notFound);
        String json = runs.reportJson(id).orElseThrow(IngestController::notFound);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("ingest-run-" + id + ".json").build().toString())
                .body(json);
    }

    @GetMapping("/ingest/runs/{id}/rejects")
    public String rejects(@PathVariable long id, @RequestParam(required = false) String dataset,
                          @RequestParam(required = false) String file, @RequestParam(required = false) String category,
                          @RequestParam(defaultValue = "1") int page, Model model) {
        IngestRun run = runs.run(id).orElseThrow(IngestController::notFound);
        RejectFilter filter = new RejectFilter(dataset, file, category);
        RejectPage rejects = runs.rejects(id, filter, page, PAGE_SIZE);
        // a view of personal data (names, masked ID numbers, addresses in the rows): once per page shown
        audit.recordView(AUDIT_SUBJECT, "run " + id, "page " + rejects.page() + describe(filter));
        model.addAttribute("run", run);
        model.addAttribute("filter", filter);
        model.addAttribute("rejects", rejects);
        model.addAttribute("datasets", runs.distinct(id, "dataset"));
        model.addAttribute("files", runs.distinct(id, "file_name"));
        model.addAttribute("categories", runs.distinct(id, "category"));
        model.addAttribute("titles", titles);
        return "ingest/rejects";
    }

    /** The rejected rows of a file as CSV, ID numbers masked. */
    @GetMapping("/ingest/runs/{id}/rejects.csv")
    public ResponseEntity<byte[]> rejectsCsv(@PathVariable long id, @RequestParam String file) {
        return rejects(id, file, "csv", null);
    }

    /** The rejected rows of a file as XLSX, ID numbers masked. */
    @GetMapping("/ingest/runs/{id}/rejects.xlsx")
    public ResponseEntity<byte[]> rejectsXlsx(@PathVariable long id, @RequestParam String file) {
        return rejects(id, file, "xlsx", null);
    }

    /**
     * The rejected rows as the department delivered them, ID numbers unmasked, to send back for correction: an explicit
     * POST with a stated reason, audited with it ({@link UnmaskedExport}).
     */
    @PostMapping("/ingest/runs/{id}/rejects.{format:csv|xlsx}")
    public ResponseEntity<byte[]> rejectsUnmasked(@PathVariable long id, @PathVariable String format,
                                                  @RequestParam String file, @RequestParam(required = false) String reason) {
        return rejects(id, file, format, UnmaskedExport.reason(reason));
    }

    private ResponseEntity<byte[]> rejects(long id, String fileName, String format, String unmaskReason) {
        IngestRun run = runs.run(id).orElseThrow(IngestController::notFound);
        SourceFile file = runs.file(id, fileName).orElseThrow(IngestController::notFound);
        List<RejectedSourceRow> rows = runs.rejectedSourceRows(id, file.name());
        RejectExport export = new RejectExport(file, rows, run.sourceDir(), unmaskReason != null);
        boolean csv = format.equals("csv");
        byte[] body = csv ? export.csv() : export.xlsx();
        audit.recordExport(AUDIT_SUBJECT, "run " + id, (csv ? "CSV " + export.charset().name() : "XLSX") + " " + fileName
                + (unmaskReason == null ? ", masked" : ", UNMASKED, reason: " + unmaskReason));
        return download(body, csv ? new MediaType("text", "csv", export.charset()) : XLSX, export.fileName(format));
    }

    @GetMapping("/ingest/feedback")
    public String feedback(@RequestParam(required = false) String period, Model model) {
        List<String> periods = runs.succeededPeriods();
        String chosen = period != null && periods.contains(period) ? period : periods.stream().findFirst().orElse(null);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("titles", titles);
        model.addAttribute("unknownPeriod", period != null && !period.isBlank() && !periods.contains(period));
        if (chosen != null) {
            IngestRun run = runs.latestSucceeded(chosen).orElseThrow(IngestController::notFound);
            IngestReport report = runs.report(run.id()).orElse(null);
            model.addAttribute("run", run);
            model.addAttribute("departments", report == null ? List.of()
                    : DepartmentFeedback.of(report, runs.rejectedRowsByFile(run.id()), runs.editedAmounts(chosen)));
        }
        return "ingest/feedback";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static String describe(RejectFilter f) {
        return (f.dataset() == null ? "" : ", dataset " + f.dataset())
                + (f.file() == null ? "" : ", file " + f.file())
                + (f.category() == null ? "" : ", category " + f.category());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
