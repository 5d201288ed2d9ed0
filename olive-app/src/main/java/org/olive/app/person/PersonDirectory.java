package org.olive.app.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.olive.identity.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The person master registry as the web app reads it ({@code person}, {@code person_period}, {@code family_member},
 * {@code person_match} of the V4 migration): search by name or ID number, one person's header, lists and presence
 * per period, family membership history and the source rows matched to them. Read-only.
 */
@Repository
public class PersonDirectory {

    /** Search results shown at most. */
    public static final int MAX_RESULTS = 50;

    /** A registry entry; {@code idNumber} is the full ID: show {@link #maskedId()} unless unmasking is allowed. */
    public record Person(long key, String idNumber, String name, String sex, LocalDate birthDate, String firstPeriod,
                         String lastPeriod) {
        public String maskedId() {
            return IdNumber.mask(idNumber);
        }

        /** The same entry with its registry periods narrowed to what a cadre may see (null keeps a bound). */
        public Person within(String first, String last) {
            return new Person(key, idNumber, name, sex, birthDate, first == null ? firstPeriod : first,
                    last == null ? lastPeriod : last);
        }
    }

    /** A search hit: the person and their latest period's (a cadre: their latest in the township's) place and lists. */
    public record Hit(Person person, PersonPeriod latest) {
    }

    /** A person in one period: the four lists, places, presence and the periods of entry. */
    public record PersonPeriod(String period, boolean registered, boolean resident, boolean floating, boolean separated,
                               String hukouNo, String hukouVillage, String liveVillage, String township, String sex,
                               Integer age, Integer daysPresent, String presenceBasis, String presenceNote,
                               String registeredSince, String residentSince, String floatingSince,
                               String separatedSince) {
    }

    /** The person's place in a family in one period. */
    public record Membership(String period, String familyKey, String role, String relationCode, String basis,
                             String hukouNo, String villageCode, String township) {
    }

    /**
     * The person's occupation at a period ({@code person_occupation}, the occupation ledger): the GB/T 6565 中类 and its
     * name (null when unknown, then {@code reason} says why), the finest code the evidence gave, the GB/T 4754 industry
     * and its name, the source, confidence, rule version and evidence (ID numbers masked).
     */
    public record Occupation(String code, String name, String detail, String industry, String industryName,
                             String source, java.math.BigDecimal confidence, String reason, String ruleVersion,
                             String evidence) {
    }

    /** A source row matched (or proposed) to this person by name, sex, birth date and village. */
    public record Match(long id, String period, String dataset, String fileName, long sourceRow, String rawId,
                        String name, String sex, LocalDate birthDate, String villageCode, Long candidateKey,
                        Double score, String evidence, String status, String decidedBy, OffsetDateTime decidedAt) {
        /** The same row with the raw ID and any ID number in the evidence masked, for display. */
        public Match masked() {
            return new Match(id, period, dataset, fileName, sourceRow, rawId == null ? null : IdNumber.mask(rawId),
                    name, sex, birthDate, villageCode, candidateKey, score,
                    org.olive.app.ingest.Masking.ids(evidence), status, decidedBy, decidedAt);
        }
    }

    private static final String PERIOD_COLUMNS = "data_period, registered, resident, floating, separated, hukou_no, "
            + "hukou_village, live_village, township_code, sex, age, days_present, presence_basis, presence_note, "
            + "registered_since, resident_since, floating_since, separated_since";

    private final JdbcClient jdbc;

    public PersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Persons whose name starts with or contains {@code name} (those that start with it first), limited to a
     * township (9 digits, null = county): those who belonged to it in some period, shown with the latest such period
     * (the period rule of docs/access.md).
     */
    public List<Hit> byName(String name, String township) {
        String prefix = escape(name) + "%";
        // those whose name starts with it first, read along the name index (a surname alone fills the page there);
        // the names that only contain it, which need a scan of every name, only when those do not fill the page
        List<Hit> hits = new java.util.ArrayList<>(byName("p.name LIKE :prefix ESCAPE '\\'", prefix, null, township,
                MAX_RESULTS));
        if (hits.size() < MAX_RESULTS) {
            hits.addAll(byName("p.name LIKE :like ESCAPE '\\' AND p.name NOT LIKE :prefix ESCAPE '\\'", prefix,
                    "%" + escape(name) + "%", township, MAX_RESULTS - hits.size()));
        }
        return hits;
    }

    private List<Hit> byName(String condition, String prefix, String like, String township, int limit) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("prefix", prefix);
        params.put("n", limit);
        if (like != null) {
            params.put("like", like);
        }
        if (township != null) {
            params.put("t", township);
        }
        return jdbc.sql("SELECT p.*, " + prefixed("pp") + " FROM person p LEFT JOIN person_period pp "
                        + "ON pp.person_key = p.person_key AND pp.data_period = " + latest(township) + " "
                        + "WHERE " + condition + scoped(township) + " ORDER BY p.name, p.person_key LIMIT :n")
                .params(params)
                .query((rs, n) -> new Hit(person(rs), rs.getString("pp_data_period") == null ? null : period(rs, "pp_")))
                .list();
    }

    /**
     * The person with this (valid, 18-character) ID number, if registered and, for a township, if they belonged to
     * it in some period (shown with the latest such period).
     */
    public List<Hit> byId(IdNumber id, String township) {
        return jdbc.sql("SELECT p.*, " + prefixed("pp") + " FROM person p LEFT JOIN person_period pp "
                        + "ON pp.person_key = p.person_key AND pp.data_period = " + latest(township)
                        + " WHERE p.id_number = :id" + scoped(township))
                .param("id", id.value())
                .params(township == null ? java.util.Map.of() : java.util.Map.of("t", township))
                .query((rs, n) -> new Hit(person(rs), rs.getString("pp_data_period") == null ? null : period(rs, "pp_")))
                .list();
    }

    public Optional<Person> person(long key) {
        return jdbc.sql("SELECT * FROM person WHERE person_key = :k").param("k", key)
                .query((rs, n) -> person(rs)).optional();
    }

    /** The person's periods, newest first. */
    public List<PersonPeriod> periods(long key) {
        return jdbc.sql("SELECT " + PERIOD_COLUMNS + " FROM person_period WHERE person_key = :k ORDER BY data_period DESC")
                .param("k", key).query((rs, n) -> period(rs, "")).list();
    }

    /** The person's family in every period, newest first. */
    public List<Membership> memberships(long key) {
        return jdbc.sql("SELECT m.data_period, m.family_key, m.role, m.relation_code, m.basis, f.hukou_no, f.village_code, "
                        + "f.township_code FROM family_member m LEFT JOIN family_period f ON f.data_period = m.data_period "
                        + "AND f.family_key = m.family_key WHERE m.person_key = :k ORDER BY m.data_period DESC")
                .param("k", key)
                .query((rs, n) -> new Membership(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** Source rows whose candidate is this person (matched, waiting for review, confirmed or rejected), masked. */
    public List<Match> matches(long key) {
        return jdbc.sql("SELECT * FROM person_match WHERE candidate_key = :k ORDER BY data_period DESC, dataset, source_row")
                .param("k", key).query(PersonDirectory::match).list().stream().map(Match::masked).toList();
    }

    /** A {@code person_match} row as read (nothing masked). */
    public static Match match(ResultSet rs, int n) throws SQLException {
        long cand = rs.getLong("candidate_key");
        Long candidate = rs.wasNull() ? null : cand;
        java.math.BigDecimal score = rs.getBigDecimal("score");
        return new Match(rs.getLong("id"), rs.getString("data_period"), rs.getString("dataset"),
                rs.getString("file_name"), rs.getLong("source_row"), rs.getString("raw_id"), rs.getString("name"),
                rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("village_code"),
                candidate, score == null ? null : score.doubleValue(), rs.getString("evidence"), rs.getString("status"),
                rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }

    /** The person's latest period, or their latest in the township (9 digits; null = county). */
    private static String latest(String township) {
        return "(SELECT MAX(x.data_period) FROM person_period x WHERE x.person_key = p.person_key"
                + (township == null ? "" : " AND x.township_code = :t") + ")";
    }

    private static String scoped(String township) {
        return township == null ? "" : " AND pp.township_code = :t";
    }

    private static String prefixed(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String c : PERIOD_COLUMNS.split(", ")) {
            sb.append(alias).append('.').append(c).append(" AS ").append(alias).append('_').append(c).append(", ");
        }
        return sb.substring(0, sb.length() - 2);
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("person_key"), rs.getString("id_number"), rs.getString("name"), rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("first_period"), rs.getString("last_period"));
    }

    private static PersonPeriod period(ResultSet rs, String p) throws SQLException {
        return new PersonPeriod(rs.getString(p + "data_period"), rs.getBoolean(p + "registered"),
                rs.getBoolean(p + "resident"), rs.getBoolean(p + "floating"), rs.getBoolean(p + "separated"),
                rs.getString(p + "hukou_no"), rs.getString(p + "hukou_village"), rs.getString(p + "live_village"),
                rs.getString(p + "township_code"), rs.getString(p + "sex"), integer(rs, p + "age"),
                integer(rs, p + "days_present"), rs.getString(p + "presence_basis"), rs.getString(p + "presence_note"),
                rs.getString(p + "registered_since"), rs.getString(p + "resident_since"),
                rs.getString(p + "floating_since"), rs.getString(p + "separated_since"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Escapes LIKE wildcards (backslash is the escape character). */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The person's occupation at a period, if the occupation step ran for it. */
    public Optional<Occupation> occupation(long key, String period) {
        org.olive.occupation.OccupationClassification occupations = org.olive.occupation.OccupationClassification.gbt6565();
        org.olive.occupation.IndustryClassification industries = org.olive.occupation.IndustryClassification.gbt4754();
        return jdbc.sql("SELECT occupation_code, occupation_detail, industry_code, source, confidence, reason, rule_version, "
                        + "evidence FROM person_occupation WHERE data_period = :p AND person_key = :k")
                .param("p", period).param("k", key)
                .query((rs, n) -> new Occupation(rs.getString(1),
                        rs.getString(1) == null ? null : occupations.name(rs.getString(1)).orElse(null), rs.getString(2),
                        rs.getString(3), rs.getString(3) == null ? null : industries.name(rs.getString(3)).orElse(null),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                        org.olive.app.ingest.Masking.ids(rs.getString(8))))
                .optional();
    }
}
