package org.olive.app.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.export.SpreadsheetCell;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * Writes audit events as CSV (UTF-8 with BOM, for Excel) or XLSX, with the column titles of the user's language.
 * The rows come one at a time from {@link AuditQueries#forEach}, so an export of many events is not held in memory.
 */
final class AuditExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = {"audit.export.id", "audit.time", "audit.actor", "audit.role",
            "audit.action", "audit.export.actionCode", "audit.export.subjectType", "audit.export.subjectId",
            "audit.outcome", "audit.addr", "audit.detail"};

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    AuditExport(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    /** Writes the CSV; {@code rows} is called with the consumer of each event. */
    void csv(OutputStream out, Rows rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT);
        printer.printRecord(header());
        rows.each(e -> {
            try {
                printer.printRecord(SpreadsheetCell.row(cells(e)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        printer.flush();
    }

    /** Writes the XLSX: one sheet, text cells (never formulas), the header row frozen. */
    void xlsx(OutputStream out, Rows rows) throws IOException {
        Workbook wb = new Workbook(out, "Olive", "1.0");
        Worksheet ws = wb.newWorksheet(messages.getMessage("audit.title", null, locale));
        List<String> header = header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("EEF2E3").set();
        }
        ws.freezePane(0, 1);
        int[] r = {1};
        rows.each(e -> {
            List<String> cells = cells(e);
            ws.value(r[0], 0, e.id());
            for (int c = 1; c < cells.size(); c++) {
                ws.value(r[0], c, cells.get(c));
            }
            if (r[0]++ % 1000 == 0) {
                try {
                    ws.flush();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        });
        wb.finish();
    }

    /** Feeds events to a consumer (a query over the database). */
    @FunctionalInterface
    interface Rows {
        void each(java.util.function.Consumer<AuditEvent> consumer);
    }

    private List<String> header() {
        List<String> titles = new ArrayList<>(COLUMNS.length);
        for (String key : COLUMNS) {
            titles.add(messages.getMessage(key, null, locale));
        }
        return titles;
    }

    private List<String> cells(AuditEvent e) {
        List<String> cells = new ArrayList<>(COLUMNS.length);
        cells.add(String.valueOf(e.id()));
        cells.add(TIME.format(e.occurredAt().atZoneSameInstant(zone)));
        cells.add(e.actor());
        cells.add(e.actorRole() == null ? "" : messages.getMessage("role." + e.actorRole(), null, e.actorRole(), locale));
        cells.add(messages.getMessage("audit.action." + e.action().name(), null, e.action().name(), locale));
        cells.add(e.action().name());
        cells.add(nullToEmpty(e.subjectType()));
        cells.add(nullToEmpty(e.subjectId()));
        cells.add(messages.getMessage("audit.outcome." + e.outcome().name(), null, e.outcome().name(), locale));
        cells.add(nullToEmpty(e.remoteAddr()));
        cells.add(nullToEmpty(e.detail()));
        return cells;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
