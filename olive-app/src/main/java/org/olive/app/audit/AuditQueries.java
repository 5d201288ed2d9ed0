package org.olive.app.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit trail for the audit page and its export: filtered, newest first, a page at a time. */
@Component
public class AuditQueries {

    /** One page of events and the number of all events that the filter selects. */
    public record AuditPage(List<AuditEvent> rows, long total, int page, int pageSize) {

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    private final JdbcClient jdbc;
    private final ZoneId displayZone;

    public AuditQueries(JdbcClient jdbc, ZoneId displayZone) {
        this.jdbc = jdbc;
        this.displayZone = displayZone;
    }

    /** Page {@code page} (1-based; past the last page: the last page) of the filtered events, newest first. */
    public AuditPage page(AuditFilter filter, int page, int pageSize) {
        long total = count(filter, Long.MAX_VALUE);
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        Where w = where(filter, Long.MAX_VALUE);
        List<AuditEvent> rows = jdbc.sql("SELECT * FROM audit_event" + w.sql + " ORDER BY id DESC LIMIT :n OFFSET :o")
                .params(w.params).param("n", pageSize).param("o", (long) (p - 1) * pageSize)
                .query(AuditLog::event).list();
        return new AuditPage(rows, total, p, pageSize);
    }

    /** The id of the newest event now: an export reads up to it, so that its count and its rows agree. */
    public long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }

    /** Number of filtered events with an id up to {@code maxId}. */
    public long count(AuditFilter filter, long maxId) {
        Where w = where(filter, maxId);
        return jdbc.sql("SELECT COUNT(*) FROM audit_event" + w.sql).params(w.params).query(Long.class).single();
    }

    /** The newest {@code limit} filtered events with an id up to {@code maxId}, newest first, one at a time. */
    public void forEach(AuditFilter filter, long maxId, int limit, Consumer<AuditEvent> each) {
        Where w = where(filter, maxId);
        int[] row = {0};
        jdbc.sql("SELECT * FROM audit_event" + w.sql + " ORDER BY id DESC LIMIT :n")
                .params(w.params).param("n", limit)
                .query((RowCallbackHandler) rs -> each.accept(AuditLog.event(rs, row[0]++)));
    }

    /** The subject types that occur, for the filter's list. */
    public List<String> subjectTypes() {
        return jdbc.sql("SELECT DISTINCT subject_type FROM audit_event WHERE subject_type IS NOT NULL "
                + "ORDER BY subject_type").query(String.class).list();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(AuditFilter f, long maxId) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (maxId != Long.MAX_VALUE) {
            conditions.add("id <= :maxId");
            params.put("maxId", maxId);
        }
        if (f.actor() != null) {
            conditions.add("actor = :actor");
            params.put("actor", f.actor());
        }
        if (f.action() != null) {
            conditions.add("action = :action");
            params.put("action", f.action().name());
        }
        if (f.subjectType() != null) {
            conditions.add("subject_type = :stype");
            params.put("stype", f.subjectType());
        }
        if (f.subjectId() != null) {
            conditions.add("subject_id = :sid");
            params.put("sid", f.subjectId());
        }
        if (f.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", startOf(f.from()));
        }
        if (f.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", startOf(f.to().plusDays(1)));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(displayZone).toOffsetDateTime();
    }
}
