package org.olive.app.occupation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.olive.app.audit.AuditLog;
import org.olive.app.population.AreaNames;
import org.olive.app.security.AreaScope;
import org.olive.app.web.PeriodChoice;
import org.olive.app.web.PublishedCounts;
import org.olive.export.SmallCells;
import org.olive.period.Period;
import org.olive.pipeline.occupation.OccupationReport;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The occupation ledger's page (职业一本账, {@code /occupations}; docs/occupations.md): the working-age persons with an
 * occupation and by source, the GB/T 6565 中类 and GB/T 4754 industry divisions held (charts and tables), the
 * townships, and the series over every period with a run — what step occupations stored, read through {@link
 * OccupationReport} (the read model {@code olive occupations} prints) — and the same as XLSX. Aggregates only: every
 * role; the page is not audited, the XLSX is audited as an export. Small counts follow {@link PublishedCounts}.
 */
@Controller
public class OccupationController {

    /** Audit subject type of the XLSX export. */
    public static final String AUDIT_REPORT = "OCCUPATION_REPORT";

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AreaNames areas;
    private final PublishedCounts published;
    private final MessageSource messages;
    private final AuditLog audit;

    public OccupationController(JdbcClient jdbc, DataSource dataSource, AreaNames areas, PublishedCounts published,
                                MessageSource messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.areas = areas;
        this.published = published;
        this.messages = messages;
        this.audit = audit;
    }

    /** The periods with a run of step occupations (newest first) and the one to show. */
    PeriodChoice period(String asked) {
        return PeriodChoice.of(jdbc.sql("SELECT DISTINCT data_period FROM occupation_count ORDER BY data_period DESC")
                .query(String.class).list(), asked);
    }

    @GetMapping("/occupations")
    public String occupations(@RequestParam(required = false) String period,
                              @RequestParam(required = false) String township, AreaScope scope, Model model) {
        PeriodChoice choice = period(period);
        String town = township(township);
        model.addAttribute("ledger", "occupations");
        choice.addTo(model);
        model.addAttribute("township", town);
        model.addAttribute("townships", areas.divisions().townships());
        model.addAttribute("areas", areas);
        if (choice.chosen() != null) {
            Period p = Period.parse(choice.chosen());
            model.addAttribute("report", read(p, town, published.page(scope, p)));
        }
        return "occupation/occupations";
    }

    /** The report as XLSX: aggregates only, the profile's small-cell rule whoever asks, audited as an export. */
    @GetMapping("/occupations/export.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String period,
                                         @RequestParam(required = false) String township) {
        PeriodChoice choice = period(period);
        if (choice.chosen() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run of step occupations");
        }
        String town = township(township);
        Period p = Period.parse(choice.chosen());
        OccupationReportExport export = new OccupationReportExport(read(p, town, published.export(p)),
                key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE), areas::of);
        byte[] body = export.xlsx();
        audit.recordExport(AUDIT_REPORT, choice.chosen() + (town == null ? "" : " " + town),
                "XLSX, aggregates only (no person)");
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The 9-digit code of an asked township, null for the county; an unknown one is a bad request. */
    private String township(String township) {
        if (township == null || township.isBlank()) {
            return null;
        }
        String town = areas.township(township.strip());
        if (town == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown township " + township);
        }
        return town;
    }

    private OccupationReport read(Period p, String town, SmallCells rule) {
        try (Connection c = dataSource.getConnection()) {
            return OccupationReport.read(c, p, town, rule);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("occupations of " + p + ": " + e.getMessage(), e);
        }
    }
}
