package org.olive.app.conflict;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.olive.app.ingest.Masking;
import org.olive.app.person.PersonDirectory;
import org.olive.identity.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queues of the ledgers: family conflicts ({@code family_conflict}, raised by the family builder, one
 * case per contradiction across runs) and record matches waiting for a person ({@code person_match} with status
 * REVIEW). Decisions are written here and respected by the next ledger run, which reads the decision of a case by
 * its {@code conflict_key} and a reviewer's CONFIRMED / REJECTED of a source row.
 */
@Repository
public class ConflictQueue {

    /** Longest decision note kept (the column's width). */
    public static final int MAX_NOTE = 1000;

    /** A person a case concerns. */
    public record CasePerson(long personKey, String idNumber, String name) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** A case; {@code evidence}, {@code provisional} and {@code key} are masked already (they may hold ID numbers). */
    public record Case(long id, String key, String kind, String hukouNo, String villageCode, String township,
                       String evidence, String provisional, List<String> options, String firstPeriod,
                       String lastPeriod, String status, String decision, String decisionNote, String decidedBy,
                       OffsetDateTime decidedAt, List<CasePerson> persons) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** Filters of the queue; null = any. township: 9 digits. */
    public record Filter(String status, String kind, String township) {
    }

    /** A page of cases. */
    public record CasePage(List<Case> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** Why a decision was refused. */
    public static final class DecisionException extends RuntimeException {
        public DecisionException(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemDefaultZone();

    private final javax.sql.DataSource dataSource;

    public ConflictQueue(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The kinds present in the table, for the filter. */
    public List<String> kinds() {
        return jdbc.sql("SELECT DISTINCT kind FROM family_conflict ORDER BY kind").query(String.class).list();
    }

    /** Cases per status under a township (null = county). */
    public Map<String, Long> statusCounts(String township) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : List.of("OPEN", "RESOLVED", "CLEARED")) {
            out.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM family_conflict" + (township == null ? "" : " WHERE township_code = :t")
                        + " GROUP BY status")
                .params(township == null ? Map.of() : Map.of("t", township))
                .query((ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** A page of cases, newest last period first. */
    public CasePage cases(Filter f, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.status() != null) {
            where.append(" AND status = :s");
            params.put("s", f.status());
        }
        if (f.kind() != null) {
            where.append(" AND kind = :k");
            params.put("k", f.kind());
        }
        if (f.township() != null) {
            where.append(" AND township_code = :t");
            params.put("t", f.township());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM family_conflict" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        List<Case> rows = jdbc.sql("SELECT * FROM family_conflict" + where
                        + " ORDER BY last_period DESC, id LIMIT :n OFFSET :o")
                .params(params).param("n", pageSize).param("o", (long) (p - 1) * pageSize)
                .query((rs, n) -> conflict(rs, List.of())).list();
        List<Case> withPersons = new ArrayList<>(rows.size());
        for (Case c : rows) {
            withPersons.add(withPersons(c));
        }
        return new CasePage(withPersons, total, p, pageSize);
    }

    public Optional<Case> get(long id) {
        return jdbc.sql("SELECT * FROM family_conflict WHERE id = :id").param("id", id)
                .query((rs, n) -> conflict(rs, List.of())).optional().map(this::withPersons);
    }

    /**
     * Resolves a case: the decision must be one of its options, the case must not be CLEARED (the data no longer
     * shows it); an earlier resolution may be changed. Sets status RESOLVED, decision, note, who and when.
     *
     * @throws DecisionException naming the case, the value and the reason
     */
    @Transactional
    public void resolve(long id, String decision, String note, String user) {
        Case c = get(id).orElseThrow(() -> new DecisionException("conflict " + id + " does not exist"));
        if ("CLEARED".equals(c.status())) {
            throw new DecisionException("conflict " + id + " is cleared: the data no longer shows it");
        }
        if (decision == null || !c.options().contains(decision)) {
            throw new DecisionException("conflict " + id + ": decision '" + decision + "' is not one of "
                    + String.join(", ", c.options()));
        }
        String n = note == null ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new DecisionException("conflict " + id + ": the note has " + n.length() + " characters, at most "
                    + MAX_NOTE + " are kept");
        }
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String kept = n == null || n.isEmpty() ? null : n;
        org.olive.app.web.OwnerApi.write(dataSource, c2 -> org.olive.pipeline.ledger.CaseDecisions.resolveConflict(c2, id,
                decision, kept, user, at));
    }

    /** Record matches of a status (REVIEW by default on the page), limited to villages of a township (9 digits). */
    public List<PersonDirectory.Match> matches(String status, String township, int limit) {
        return jdbc.sql("SELECT * FROM person_match WHERE status = :s"
                        + (township == null ? "" : " AND village_code LIKE :t")
                        + " ORDER BY data_period DESC, score DESC, id LIMIT :n")
                .param("s", status).params(township == null ? Map.of() : Map.of("t", township + "%"))
                .param("n", limit).query(ConflictQueue::match).list();
    }

    public long matchCount(String status, String township) {
        return jdbc.sql("SELECT COUNT(*) FROM person_match WHERE status = :s"
                        + (township == null ? "" : " AND village_code LIKE :t"))
                .param("s", status).params(township == null ? Map.of() : Map.of("t", township + "%"))
                .query(Long.class).single();
    }

    public Optional<PersonDirectory.Match> match(long id) {
        return jdbc.sql("SELECT * FROM person_match WHERE id = :id").param("id", id).query(ConflictQueue::match)
                .optional();
    }

    /**
     * Confirms (the row is this candidate) or rejects (it is not) a match waiting for review or matched by score.
     *
     * @throws DecisionException naming the row and the reason
     */
    @Transactional
    public void decideMatch(long id, boolean confirm, String user) {
        PersonDirectory.Match m = match(id).orElseThrow(() -> new DecisionException("match " + id + " does not exist"));
        if (!List.of("REVIEW", "MATCHED").contains(m.status())) {
            throw new DecisionException("match " + id + " is " + m.status() + ": only REVIEW or MATCHED rows are decided");
        }
        if (confirm && m.candidateKey() == null) {
            throw new DecisionException("match " + id + " has no candidate to confirm");
        }
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        org.olive.app.web.OwnerApi.write(dataSource, c -> org.olive.pipeline.ledger.CaseDecisions.decideMatch(c, id, confirm,
                user, at));
    }

    /** The candidate's registry entry of a match, to show beside the row. */
    public Optional<CasePerson> person(long key) {
        return jdbc.sql("SELECT person_key, id_number, name FROM person WHERE person_key = :k").param("k", key)
                .query((rs, n) -> new CasePerson(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    private static PersonDirectory.Match match(ResultSet rs, int n) throws SQLException {
        return PersonDirectory.match(rs, n).masked();
    }

    private Case withPersons(Case c) {
        List<CasePerson> persons = jdbc.sql("SELECT p.person_key, p.id_number, p.name FROM family_conflict_person cp "
                        + "JOIN person p ON p.person_key = cp.person_key WHERE cp.conflict_id = :id ORDER BY p.person_key")
                .param("id", c.id())
                .query((rs, n) -> new CasePerson(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        return new Case(c.id(), c.key(), c.kind(), c.hukouNo(), c.villageCode(), c.township(), c.evidence(),
                c.provisional(), c.options(), c.firstPeriod(), c.lastPeriod(), c.status(), c.decision(),
                c.decisionNote(), c.decidedBy(), c.decidedAt(), persons);
    }

    private static Case conflict(ResultSet rs, List<CasePerson> persons) throws SQLException {
        String options = rs.getString("options");
        return new Case(rs.getLong("id"), Masking.ids(rs.getString("conflict_key")), rs.getString("kind"),
                rs.getString("hukou_no"), rs.getString("village_code"), rs.getString("township_code"),
                Masking.ids(rs.getString("evidence")), Masking.ids(rs.getString("provisional")),
                options == null ? List.of() : Arrays.stream(options.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                rs.getString("first_period"), rs.getString("last_period"), rs.getString("status"),
                rs.getString("decision"), rs.getString("decision_note"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), persons);
    }
}
