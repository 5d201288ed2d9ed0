package org.olive.app.group;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.olive.app.ingest.Masking;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The personal rows of the key groups (成员名单, 入列出列记录, hand decisions) and a person's or family's groups, read
 * for the group, person and family pages. Every list takes a township (9 digits; null = the whole county) and applies
 * it; the controllers get it from {@code PersonalDataAccess}'s scope and audit every view. ID numbers are masked, also
 * inside evidence and reasons ({@link Masking#ids}).
 */
@Repository
public class GroupMemberQueries {

    /** Entry and exit rows shown at most (the count is complete). */
    public static final int MAX_EVENTS = 200;

    /** A member of a group at a period. */
    public record Member(long personKey, String idNumber, String name, String sex, Integer age, String township,
                         String village, String tier, String origin, String ruleVersion, String evidence,
                         String familyKey) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** A page of members. */
    public record MemberPage(List<Member> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /**
     * An entry or exit (group_event) with the person and their township: at the period for an entry, at the previous
     * period (when they were a member) for an exit. {@code linkPeriod} is the period to open the person at.
     */
    public record Event(long personKey, String idNumber, String name, String kind, String ruleVersion, String reason,
                        String township, String linkPeriod) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** An open hand decision (group_decision not withdrawn) with the person's latest township. */
    public record Decision(long id, long personKey, String idNumber, String name, String groupId, String action,
                           String reason, String decidedBy, OffsetDateTime decidedAt, String township) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** A person's membership of one group at a period. */
    public record Membership(String period, long personKey, String name, String groupId, String origin,
                             String ruleVersion, String tier, String evidence) {
    }

    private final JdbcClient jdbc;

    public GroupMemberQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page (1-based) of the group's members at the period inside a township (null = county), by village and key. */
    public MemberPage members(String period, String groupId, String township, int page, int pageSize) {
        String where = " WHERE m.data_period = :p AND m.group_id = :g" + (township == null ? "" : " AND m.township_code = :t");
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "g", groupId));
        if (township != null) {
            params.put("t", township);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM group_member m" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, page), pages);
        List<Member> rows = jdbc.sql("SELECT m.person_key, pe.id_number, pe.name, pp.sex, pp.age, m.township_code, "
                        + "COALESCE(pp.live_village, pp.hukou_village) AS village, m.tier, m.origin, m.rule_version, "
                        + "m.evidence, m.family_key FROM group_member m JOIN person pe ON pe.person_key = m.person_key "
                        + "LEFT JOIN person_period pp ON pp.data_period = m.data_period AND pp.person_key = m.person_key"
                        + where + " ORDER BY m.township_code, village, m.person_key LIMIT :n OFFSET :o")
                .params(params).param("n", pageSize).param("o", (long) (p - 1) * pageSize)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), Masking.ids(rs.getString(11)), rs.getString(12)))
                .list();
        return new MemberPage(rows, total, p, pageSize);
    }

    /** The period's entries and exits of a group inside a township (null = county): entries first, then by key. */
    public List<Event> events(String period, String groupId, String township) {
        String previous = Period.parse(period).minusMonths(1).toString();
        return jdbc.sql("SELECT e.person_key, pe.id_number, pe.name, e.kind, e.rule_version, e.reason, "
                        + "COALESCE(now.township_code, prev.township_code) AS township, "
                        + "CASE WHEN now.person_key IS NULL THEN :prev ELSE :p END AS link_period "
                        + "FROM group_event e JOIN person pe ON pe.person_key = e.person_key "
                        + "LEFT JOIN group_member now ON now.data_period = e.data_period AND now.person_key = e.person_key "
                        + "AND now.group_id = e.group_id "
                        + "LEFT JOIN group_member prev ON prev.data_period = :prev AND prev.person_key = e.person_key "
                        + "AND prev.group_id = e.group_id "
                        + "WHERE e.group_id = :g AND e.data_period = :p"
                        + (township == null ? "" : " AND COALESCE(now.township_code, prev.township_code) = :t")
                        + " ORDER BY e.kind, e.person_key LIMIT :n")
                .param("p", period).param("prev", previous).param("g", groupId)
                .params(township == null ? Map.of() : Map.of("t", township)).param("n", MAX_EVENTS)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Masking.ids(rs.getString(6)), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** How many entries and exits {@link #events} would list without its limit. */
    public long eventCount(String period, String groupId, String township) {
        String previous = Period.parse(period).minusMonths(1).toString();
        return jdbc.sql("SELECT COUNT(*) FROM group_event e "
                        + "LEFT JOIN group_member now ON now.data_period = e.data_period AND now.person_key = e.person_key "
                        + "AND now.group_id = e.group_id "
                        + "LEFT JOIN group_member prev ON prev.data_period = :prev AND prev.person_key = e.person_key "
                        + "AND prev.group_id = e.group_id WHERE e.group_id = :g AND e.data_period = :p"
                        + (township == null ? "" : " AND COALESCE(now.township_code, prev.township_code) = :t"))
                .param("p", period).param("prev", previous).param("g", groupId)
                .params(township == null ? Map.of() : Map.of("t", township)).query(Long.class).single();
    }

    /** The open hand decisions of a group (null: of every group), of persons whose latest township is in scope. */
    public List<Decision> openDecisions(String groupId, String township) {
        return jdbc.sql("SELECT * FROM (SELECT d.id, d.person_key, pe.id_number, pe.name, d.group_id, d.action, d.reason, "
                        + "d.decided_by, d.decided_at, (SELECT pp.township_code FROM person_period pp WHERE "
                        + "pp.person_key = d.person_key ORDER BY pp.data_period DESC LIMIT 1) AS township "
                        + "FROM group_decision d JOIN person pe ON pe.person_key = d.person_key "
                        + "WHERE d.withdrawn_at IS NULL" + (groupId == null ? "" : " AND d.group_id = :g") + ") x"
                        + (township == null ? "" : " WHERE x.township = :t") + " ORDER BY x.id DESC")
                .params(groupId == null ? Map.of() : Map.of("g", groupId))
                .params(township == null ? Map.of() : Map.of("t", township))
                .query((rs, n) -> decision(rs)).list();
    }

    /** The open decisions about one person. */
    public List<Decision> openDecisionsOf(long personKey) {
        return jdbc.sql("SELECT d.id, d.person_key, pe.id_number, pe.name, d.group_id, d.action, d.reason, d.decided_by, "
                        + "d.decided_at, NULL AS township FROM group_decision d JOIN person pe ON pe.person_key = d.person_key "
                        + "WHERE d.person_key = :k AND d.withdrawn_at IS NULL ORDER BY d.id DESC")
                .param("k", personKey).query((rs, n) -> decision(rs)).list();
    }

    /** One open decision, with the person's latest township; empty when there is none or it was withdrawn. */
    public java.util.Optional<Decision> openDecision(long id) {
        return jdbc.sql("SELECT d.id, d.person_key, pe.id_number, pe.name, d.group_id, d.action, d.reason, d.decided_by, "
                        + "d.decided_at, (SELECT pp.township_code FROM person_period pp WHERE pp.person_key = d.person_key "
                        + "ORDER BY pp.data_period DESC LIMIT 1) FROM group_decision d JOIN person pe "
                        + "ON pe.person_key = d.person_key WHERE d.id = :id AND d.withdrawn_at IS NULL")
                .param("id", id).query((rs, n) -> decision(rs)).optional();
    }

    /** The person's latest township ({@code person_period}), or null. */
    public String latestTownship(long personKey) {
        return jdbc.sql("SELECT township_code FROM person_period WHERE person_key = :k ORDER BY data_period DESC LIMIT 1")
                .param("k", personKey).query(String.class).optional().orElse(null);
    }

    /** The groups of a person at a period ({@code ix_group_member_person}). */
    public List<Membership> ofPerson(long personKey, String period) {
        return jdbc.sql("SELECT m.data_period, m.person_key, NULL, m.group_id, m.origin, m.rule_version, m.tier, "
                        + "m.evidence FROM group_member m WHERE m.person_key = :k AND m.data_period = :p ORDER BY m.group_id")
                .param("k", personKey).param("p", period).query(GroupMemberQueries::membership).list();
    }

    /** The groups of a family's members at a period, by member. */
    public List<Membership> ofFamily(String familyKey, String period) {
        return jdbc.sql("SELECT m.data_period, m.person_key, pe.name, m.group_id, m.origin, m.rule_version, m.tier, "
                        + "m.evidence FROM family_member fm JOIN group_member m ON m.data_period = fm.data_period "
                        + "AND m.person_key = fm.person_key JOIN person pe ON pe.person_key = m.person_key "
                        + "WHERE fm.data_period = :p AND fm.family_key = :f ORDER BY m.person_key, m.group_id")
                .param("f", familyKey).param("p", period).query(GroupMemberQueries::membership).list();
    }

    private static Membership membership(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Membership(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Masking.ids(rs.getString(8)));
    }

    private static Decision decision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Masking.ids(rs.getString(7)), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getString(10));
    }
}
