package org.olive.app.policy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.olive.app.ingest.Masking;
import org.olive.app.web.OwnerApi;
import org.olive.group.GroupDefinitions;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.policy.PolicyDesk;
import org.olive.pipeline.policy.PolicyReport;
import org.olive.pipeline.policy.PolicyStep;
import org.olive.policy.PolicyDefinitions;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.app.web.PeriodChoice;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy ledger (政策一本账, step policies; docs/policies-web.md) as the 政策 pages read it: the periods with a
 * run, the library with each policy's counts ({@link PolicyReport}), the counts by township, a page of one list of a
 * policy (covered, missed = the push list, leakage) with the subjects' names, masked ID numbers, villages and the
 * entries' handling, the whole push list for its XLSX, and a family's policies. Every query takes a township (9 digits;
 * null = the county) that the controller takes from the user's scope. The handling is written through
 * {@link PolicyDesk}, the table's owner.
 */
@Repository
public class PolicyBoard {

    /** The three lists of a policy's ledger. */
    public static final List<String> LISTS = List.of("MISSED", "COVERED", "LEAKAGE");

    /** A policy of the library with its version in force and its counts at the period. */
    public record Line(Policy policy, String version, PolicyReport.Row counts) {
    }

    /** The counts of one township for a policy. */
    public record Area(String code, long covered, long missed, long leakage) {
        public long eligible() {
            return covered + missed;
        }

        public Double coverage() {
            return eligible() == 0 ? null : (double) covered / eligible();
        }
    }

    /** One entry of a list: the subject, its area, name and masked ID (the head's for a family), amounts, handling. */
    public record Entry(String subjectKind, String subjectKey, String familyKey, String township, String village,
                        Long personKey, String name, String maskedId, String hukouNo, String status, String version,
                        BigDecimal eligibleAmount, BigDecimal receivedAmount, String receipts, String evidence,
                        PolicyDesk.Handling handling) {
        /** The handling status (TODO when nobody handled it). */
        public String handlingStatus() {
            return handling == null ? PolicyDesk.UNHANDLED : handling.status();
        }

        /** Whether the subject is a person or family of the registry (not a payment to an unknown ID). */
        public boolean matched() {
            return !subjectKey.startsWith("unmatched:");
        }
    }

    /** A page of entries. */
    public record EntryPage(List<Entry> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** A policy of a family (or of one of its members) at a period. */
    public record FamilyPolicy(String code, String name, String status, String subjectKind, Long personKey,
                               String memberName, BigDecimal eligibleAmount, BigDecimal receivedAmount) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final PolicyDefinitions definitions;
    private final GroupDefinitions groups;

    public PolicyBoard(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, CountyProfile profile) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.definitions = profile.policies();
        this.groups = profile.groups();
    }

    public PolicyDefinitions definitions() {
        return definitions;
    }

    public Optional<Policy> policy(String code) {
        return definitions.policy(code);
    }

    /** The name of a key group (the id when unknown). */
    public String groupName(String id, Locale locale) {
        return groups.group(id).map(g -> locale != null && locale.getLanguage().equals("en") && !g.nameEn().isEmpty()
                ? g.nameEn() : g.nameZh()).orElse(id);
    }

    /** The periods with a run of step policies (its {@code policy:<CODE>} figures), newest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM ledger_figure WHERE metric LIKE '"
                + PolicyStep.POLICY_METRIC + "%' ORDER BY data_period DESC").query(String.class).list();
    }

    public PeriodChoice choice(String period) {
        return PeriodChoice.of(periods(), period);
    }

    /** The stored report of the period inside a township (null = county): the policies' counts and indicator 7. */
    public PolicyReport report(String period, String township) {
        return template.execute((ConnectionCallback<PolicyReport>) c -> PolicyReport.read(c, definitions,
                Period.parse(period), township, null));
    }

    /** The library with the report's counts (null: none, the versions in force today), in the file's order. */
    public List<Line> library(PolicyReport report) {
        java.time.YearMonth now = java.time.YearMonth.now();
        Period p = report == null ? Period.of(now.getYear(), now.getMonthValue()) : Period.parse(report.period());
        Map<String, PolicyReport.Row> rows = new HashMap<>();
        if (report != null) {
            report.policies().forEach(r -> rows.put(r.code(), r));
        }
        return definitions.policies().stream().map(x -> new Line(x,
                x.at(p).map(PolicyDefinitions.PolicyVersion::version).orElse(null), rows.get(x.code()))).toList();
    }

    /** A policy's counts by township at the period (only the given township when not null), by code. */
    public List<Area> byTownship(String period, String code, String township) {
        Map<String, long[]> by = new LinkedHashMap<>();
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "c", code));
        if (township != null) {
            params.put("t", township);
        }
        jdbc.sql("SELECT township_code, status, COUNT(*) FROM policy_match WHERE data_period = :p AND policy_code = :c"
                        + (township == null ? "" : " AND township_code = :t")
                        + " GROUP BY township_code, status ORDER BY township_code").params(params)
                .query(rs -> {
                    long[] n = by.computeIfAbsent(rs.getString(1) == null ? "" : rs.getString(1), k -> new long[3]);
                    int i = switch (rs.getString(2)) {
                        case "COVERED" -> 0;
                        case "MISSED" -> 1;
                        default -> 2;
                    };
                    n[i] += rs.getLong(3);
                });
        List<Area> out = new ArrayList<>();
        by.forEach((k, n) -> out.add(new Area(k, n[0], n[1], n[2])));
        return out;
    }

    /**
     * A page (1-based) of one list of a policy at the period: {@code status} COVERED, MISSED or LEAKAGE; inside a
     * township (null = county); for MISSED optionally only the entries of a handling status. By township and subject.
     */
    public EntryPage entries(String period, String code, String status, String township, String handling, int page,
                             int pageSize) {
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "c", code, "s", status));
        String where = where(township, handling, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM policy_match m" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.min(Math.max(1, page), pages);
        return new EntryPage(list(period, code, where, params, pageSize, (shown - 1) * pageSize), total, shown, pageSize);
    }

    /** Every missed entry of a policy at the period inside a township (null = county): the push list. */
    public List<Entry> pushList(String period, String code, String township) {
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "c", code, "s", "MISSED"));
        return list(period, code, where(township, null, params), params, Integer.MAX_VALUE, 0);
    }

    private static String where(String township, String handling, Map<String, Object> params) {
        String where = " WHERE m.data_period = :p AND m.policy_code = :c AND m.status = :s";
        if (township != null) {
            where += " AND m.township_code = :t";
            params.put("t", township);
        }
        if (handling != null) {
            where += " AND " + PolicyDesk.statusColumn("m") + " = :h";
            params.put("h", handling);
        }
        return where;
    }

    private List<Entry> list(String period, String code, String where, Map<String, Object> params, int limit,
                             int offset) {
        params.put("n", limit);
        params.put("o", offset);
        List<Object[]> raw = jdbc.sql("SELECT m.subject_kind, m.subject_key, m.family_key, m.township_code, m.status, "
                        + "m.policy_version, m.eligible_amount, m.received_amount, m.receipts, m.evidence FROM policy_match m"
                        + where + " ORDER BY m.township_code, m.subject_kind, m.subject_key LIMIT :n OFFSET :o")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getString(10)}).list();
        List<Long> persons = new ArrayList<>();
        List<String> families = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Object[] r : raw) {
            String kind = (String) r[0], key = (String) r[1];
            keys.add(key);
            if (key.startsWith("unmatched:")) {
                continue;
            }
            if (kind.equals("PERSON")) {
                persons.add(Long.parseLong(key));
            } else {
                families.add(key);
            }
        }
        Map<String, String[]> who = new HashMap<>();
        if (!persons.isEmpty()) {
            jdbc.sql("SELECT p.person_key, p.name, p.id_number, COALESCE(pp.live_village, pp.hukou_village), pp.hukou_no "
                            + "FROM person p LEFT JOIN person_period pp ON pp.person_key = p.person_key AND "
                            + "pp.data_period = :p WHERE p.person_key IN (:k)").param("p", period).param("k", persons)
                    .query(rs -> {
                        who.put("PERSON:" + rs.getLong(1), new String[] {String.valueOf(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5)});
                    });
        }
        if (!families.isEmpty()) {
            jdbc.sql("SELECT fp.family_key, p.person_key, p.name, p.id_number, fp.village_code, fp.hukou_no FROM "
                            + "family_period fp LEFT JOIN family_member h ON h.data_period = fp.data_period AND "
                            + "h.family_key = fp.family_key AND h.role = 'HEAD' LEFT JOIN person p ON p.person_key = "
                            + "h.person_key WHERE fp.data_period = :p AND fp.family_key IN (:k)").param("p", period)
                    .param("k", families)
                    .query(rs -> {
                        Object head = rs.getObject(2);
                        who.put("FAMILY:" + rs.getString(1), new String[] {head == null ? null : String.valueOf(head),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                    });
        }
        Map<String, PolicyDesk.Handling> handled = template.execute(
                (ConnectionCallback<Map<String, PolicyDesk.Handling>>) c -> PolicyDesk.latest(c, code, keys));
        List<Entry> out = new ArrayList<>();
        for (Object[] r : raw) {
            String kind = (String) r[0], key = (String) r[1];
            String[] w = who.getOrDefault(kind + ":" + key, new String[5]);
            out.add(new Entry(kind, key, (String) r[2], (String) r[3], w[3], w[0] == null ? null : Long.valueOf(w[0]),
                    w[1], w[2] == null ? null : Masking.ids(w[2]), w[4], (String) r[4], (String) r[5],
                    (BigDecimal) r[6], (BigDecimal) r[7], Masking.ids((String) r[8]), Masking.ids((String) r[9]),
                    handled.get(kind + ":" + key)));
        }
        return out;
    }

    /** One entry of a policy at the period (its township decides who may handle it). */
    public Optional<Entry> entry(String period, String code, String kind, String key) {
        Map<String, Object> params = new HashMap<>(Map.of("p", period, "c", code, "kind", kind, "key", key));
        return jdbc.sql("SELECT status FROM policy_match m WHERE m.data_period = :p AND m.policy_code = :c AND "
                        + "m.subject_kind = :kind AND m.subject_key = :key").params(params).query(String.class).optional()
                .flatMap(status -> {
                    params.put("s", status);
                    return list(period, code, " WHERE m.data_period = :p AND m.policy_code = :c AND m.status = :s AND "
                            + "m.subject_kind = :kind AND m.subject_key = :key", params, 1, 0).stream().findFirst();
                });
    }

    /** The handling history of an entry, newest first. */
    public List<PolicyDesk.Handling> history(String code, String kind, String key) {
        return template.execute(
                (ConnectionCallback<List<PolicyDesk.Handling>>) c -> PolicyDesk.history(c, code, kind, key));
    }

    /** Sets an entry's handling through the owner's API; returns the row's id. */
    @Transactional
    public long handle(String period, String code, String kind, String key, String status, String note, String user) {
        return OwnerApi.write(dataSource, c -> PolicyDesk.handle(c, code, kind, key, period, status, note, user,
                LocalDateTime.now()));
    }

    /**
     * The policies a family or its members receive (COVERED), qualify for but miss (MISSED) and receive without
     * qualifying (LEAKAGE) at the period: missed first.
     */
    public List<FamilyPolicy> ofFamily(String familyKey, String period, Locale locale) {
        boolean en = locale != null && locale.getLanguage().equals("en");
        return jdbc.sql("SELECT m.policy_code, m.status, m.subject_kind, m.subject_key, p.name, m.eligible_amount, "
                        + "m.received_amount FROM policy_match m LEFT JOIN person p ON m.subject_kind = 'PERSON' AND "
                        + "CAST(p.person_key AS VARCHAR(20)) = m.subject_key WHERE m.data_period = :p AND m.family_key = :f "
                        + "ORDER BY CASE m.status WHEN 'MISSED' THEN 0 WHEN 'LEAKAGE' THEN 1 ELSE 2 END, m.policy_code, "
                        + "m.subject_key").param("p", period).param("f", familyKey)
                .query((rs, i) -> {
                    String code = rs.getString(1);
                    String name = definitions.policy(code).map(x -> en && !x.nameEn().isEmpty() ? x.nameEn() : x.nameZh())
                            .orElse(code);
                    boolean person = rs.getString(3).equals("PERSON") && !rs.getString(4).startsWith("unmatched:");
                    return new FamilyPolicy(code, name, rs.getString(2), rs.getString(3),
                            person ? Long.valueOf(rs.getString(4)) : null, rs.getString(5), rs.getBigDecimal(6),
                            rs.getBigDecimal(7));
                }).list();
    }
}
