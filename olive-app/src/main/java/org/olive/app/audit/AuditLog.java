package org.olive.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail (M11): logins and logouts, account changes and — from the ledgers on — every view of a person's or
 * family's personal data. Append-only: there is no update or delete.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemDefaultZone();
    }

    /** Stores an event; {@code id} and {@code occurredAt} of the argument are ignored (now is used). */
    public void record(AuditEvent e) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, actor_role, action, subject_type, subject_id, outcome,
                                         remote_addr, detail)
                VALUES (:at, :actor, :role, :action, :stype, :sid, :outcome, :addr, :detail)""")
                .param("at", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
                .param("actor", cut(e.actor() == null ? "?" : e.actor(), 64))
                .param("role", e.actorRole())
                .param("action", e.action().name())
                .param("stype", e.subjectType())
                .param("sid", cut(e.subjectId(), 100))
                .param("outcome", e.outcome().name())
                .param("addr", cut(e.remoteAddr(), 64))
                .param("detail", cut(e.detail(), 500))
                .update();
    }

    /** Records that the current user viewed personal data of a subject, e.g. {@code recordView("FAMILY", "F123")}. */
    public void recordView(String subjectType, String subjectId) {
        recordView(subjectType, subjectId, null);
    }

    /** Records a view of personal data, with what exactly was shown (filters, page) in {@code detail}. */
    public void recordView(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.VIEW_PERSONAL_DATA, subjectType, subjectId, detail);
    }

    /** Records that the current user downloaded personal data unmasked (an export leaves the platform). */
    public void recordExport(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.EXPORT_PERSONAL_DATA, subjectType, subjectId, detail);
    }

    /** Records that the current user decided a ledger case (a conflict's resolution, a match confirmed or rejected). */
    public void recordDecision(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.LEDGER_DECISION, subjectType, subjectId, detail);
    }

    /** Records that the current user entered data by hand (an indicator value: subject INDICATOR, its id). */
    public void recordEntry(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.DATA_ENTERED, subjectType, subjectId, detail);
    }

    /** Records that the current user changed a rule later runs use (a tag version: subject TAG_RULE "tag@n"). */
    public void recordRuleChange(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.RULE_CHANGED, subjectType, subjectId, detail);
    }

    /** Records that the current user downloaded rules (the effective tags as tags.yaml: subject TAG_RULE "tags.yaml"). */
    public void recordRulesExport(String subjectType, String subjectId, String detail) {
        recordByCurrentUser(AuditAction.RULES_EXPORTED, subjectType, subjectId, detail);
    }

    /** Records that the current user exported audit events ({@code detail}: format, filter, number of events). */
    public void recordAuditExport(String detail) {
        recordByCurrentUser(AuditAction.AUDIT_EXPORTED, "AUDIT_LOG", null, detail);
    }

    private void recordByCurrentUser(AuditAction action, String subjectType, String subjectId, String detail) {
        String actor = "anonymous";
        String role = null;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()) {
            actor = auth.getName();
            role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null);
        }
        String addr = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes sra) {
            addr = sra.getRequest().getRemoteAddr();
        }
        record(new AuditEvent(null, null, actor, role, action, subjectType, subjectId, AuditEvent.Outcome.SUCCESS,
                addr, detail));
    }

    /** The latest events, newest first. */
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT :n")
                .param("n", limit).query(AuditLog::event).list();
    }

    /** The latest events of one action, newest first. */
    public List<AuditEvent> recent(AuditAction action, int limit) {
        return jdbc.sql("SELECT * FROM audit_event WHERE action = :a ORDER BY id DESC LIMIT :n")
                .param("a", action.name()).param("n", limit).query(AuditLog::event).list();
    }

    public long count(AuditAction action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = :a").param("a", action.name())
                .query(Long.class).single();
    }

    static AuditEvent event(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("actor_role"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("subject_type"), rs.getString("subject_id"),
                AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getString("remote_addr"),
                rs.getString("detail"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
