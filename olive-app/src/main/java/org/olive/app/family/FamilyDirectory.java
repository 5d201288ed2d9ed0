package org.olive.app.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.olive.identity.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The family ledger as the web app reads it ({@code family}, {@code family_period}, {@code family_member} and the
 * conflicts of the V4 migration): the families of a period, one family's members with their role, relation code
 * and basis, its membership history (who joined and left when) and the conflicts about its members. Read-only.
 */
@Repository
public class FamilyDirectory {

    /** A family in one period. */
    public record FamilyPeriod(String period, String familyKey, long anchorKey, String anchorName, String kind,
                               String hukouNo, String villageCode, String township, int members, int residents) {
    }

    /** A member in one period, with the person's sex, age and residence of that period. */
    public record Member(long personKey, String idNumber, String name, String sex, Integer age, Boolean resident,
                         String role, String relationCode, String basis) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }
    }

    /** The change of a family's membership from the previous period it had to this one. */
    public record Change(String period, int members, List<Member> joined, List<Member> left) {
    }

    /** A page of families. */
    public record FamilyPage(List<FamilyPeriod> rows, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** A conflict concerning the family, in short, with the township it lies in (9 digits). */
    public record ConflictRef(long id, String kind, String status, String firstPeriod, String lastPeriod,
                              String township) {
    }

    private static final String FAMILY_SELECT = "SELECT f.data_period, f.family_key, f.anchor_person_key, p.name, f.kind, "
            + "f.hukou_no, f.village_code, f.township_code, f.members, f.residents FROM family_period f "
            + "LEFT JOIN person p ON p.person_key = f.anchor_person_key";

    private final JdbcClient jdbc;

    public FamilyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Periods with a successful ledger run, newest first. */
    public List<String> ledgerPeriods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM ledger_run WHERE status = 'SUCCEEDED' ORDER BY data_period DESC")
                .query(String.class).list();
    }

    /**
     * A page of the families of a period, in a township (9 digits, null = all), whose key or hukou number is
     * {@code q} or whose anchor's name starts with it (null = all).
     */
    public FamilyPage families(String period, String township, String q, int page, int pageSize) {
        StringBuilder where = new StringBuilder(" WHERE f.data_period = :p");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", period);
        if (township != null) {
            where.append(" AND f.township_code = :t");
            params.put("t", township);
        }
        if (q != null) {
            where.append(" AND (f.family_key = :q OR f.hukou_no = :q OR p.name LIKE :qp)");
            params.put("q", q);
            params.put("qp", q.replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM family_period f LEFT JOIN person p ON p.person_key = "
                + "f.anchor_person_key" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int pg = Math.min(Math.max(1, page), pages);
        List<FamilyPeriod> rows = jdbc.sql(FAMILY_SELECT + where + " ORDER BY f.village_code, f.family_key LIMIT :n OFFSET :o")
                .params(params).param("n", pageSize).param("o", (long) (pg - 1) * pageSize)
                .query(FamilyDirectory::family).list();
        return new FamilyPage(rows, total, pg, pageSize);
    }

    /** The family in each of its periods, newest first. */
    public List<FamilyPeriod> periods(String familyKey) {
        return jdbc.sql(FAMILY_SELECT + " WHERE f.family_key = :k ORDER BY f.data_period DESC").param("k", familyKey)
                .query(FamilyDirectory::family).list();
    }

    /** The members of a family in a period: head first, then by role and registry number. */
    public List<Member> members(String familyKey, String period) {
        return jdbc.sql("SELECT m.person_key, p.id_number, p.name, pp.sex, pp.age, pp.resident, m.role, m.relation_code, "
                        + "m.basis FROM family_member m JOIN person p ON p.person_key = m.person_key "
                        + "LEFT JOIN person_period pp ON pp.data_period = m.data_period AND pp.person_key = m.person_key "
                        + "WHERE m.family_key = :k AND m.data_period = :p "
                        + "ORDER BY CASE m.role WHEN 'HEAD' THEN 0 WHEN 'SPOUSE' THEN 1 WHEN 'PARENT' THEN 2 "
                        + "WHEN 'CHILD' THEN 3 WHEN 'GRANDCHILD' THEN 4 ELSE 5 END, pp.age DESC, m.person_key")
                .param("k", familyKey).param("p", period)
                .query((rs, n) -> {
                    int age = rs.getInt(5);
                    Integer a = rs.wasNull() ? null : age;
                    boolean res = rs.getBoolean(6);
                    Boolean r = rs.wasNull() ? null : res;
                    return new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), a, r,
                            rs.getString(7), rs.getString(8), rs.getString(9));
                }).list();
    }

    /**
     * The membership history over the given periods of the family (newest first, e.g. those a cadre may see), newest
     * period first: per period, who joined and who left compared with the previous one of them (the first: everyone
     * joined).
     */
    public List<Change> history(String familyKey, List<FamilyPeriod> periods) {
        List<Change> out = new ArrayList<>();
        Map<Long, Member> before = Map.of();
        for (int i = periods.size() - 1; i >= 0; i--) {
            String p = periods.get(i).period();
            Map<Long, Member> now = new LinkedHashMap<>();
            for (Member m : members(familyKey, p)) {
                now.put(m.personKey(), m);
            }
            Map<Long, Member> prev = before;
            List<Member> joined = now.values().stream().filter(m -> !prev.containsKey(m.personKey())).toList();
            List<Member> left = prev.values().stream().filter(m -> !now.containsKey(m.personKey())).toList();
            out.add(0, new Change(p, now.size(), joined, left));
            before = now;
        }
        return out;
    }

    /**
     * Conflicts about anyone who was ever a member of the family (from its {@link #history}) or about one of its
     * hukous, open ones first.
     */
    public List<ConflictRef> conflicts(List<FamilyPeriod> periods, List<Change> history) {
        Set<String> hukous = new LinkedHashSet<>();
        periods.forEach(f -> {
            if (f.hukouNo() != null) {
                hukous.add(f.hukouNo());
            }
        });
        Set<Long> persons = new LinkedHashSet<>();
        history.forEach(h -> h.joined().forEach(m -> persons.add(m.personKey())));
        if (hukous.isEmpty() && persons.isEmpty()) {
            return List.of();
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!persons.isEmpty()) {
            where.add("c.id IN (SELECT cp.conflict_id FROM family_conflict_person cp WHERE cp.person_key IN (:k))");
            params.put("k", List.copyOf(persons));
        }
        if (!hukous.isEmpty()) {
            where.add("c.hukou_no IN (:h)");
            params.put("h", List.copyOf(hukous));
        }
        return jdbc.sql("SELECT c.id, c.kind, c.status, c.first_period, c.last_period, c.township_code "
                        + "FROM family_conflict c WHERE "
                        + String.join(" OR ", where)
                        + " ORDER BY CASE c.status WHEN 'OPEN' THEN 0 WHEN 'RESOLVED' THEN 1 ELSE 2 END, c.id")
                .params(params)
                .query((rs, n) -> new ConflictRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    public Optional<FamilyPeriod> family(String familyKey, String period) {
        return jdbc.sql(FAMILY_SELECT + " WHERE f.family_key = :k AND f.data_period = :p").param("k", familyKey)
                .param("p", period).query(FamilyDirectory::family).optional();
    }

    private static FamilyPeriod family(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FamilyPeriod(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10));
    }
}
