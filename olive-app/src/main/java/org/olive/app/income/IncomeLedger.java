package org.olive.app.income;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.olive.app.ingest.Masking;
import org.olive.income.Bracket;
import org.olive.income.DoubleLine;
import org.olive.income.FamilyIncomeRules;
import org.olive.income.FlagKind;
import org.olive.income.LinesAt;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.income.IncomeDistribution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the income ledger (migration V6: {@code person_income}, {@code income_item}, {@code family_income},
 * {@code income_model}, {@code income_indicator}; V17: {@code family_flag}) for the web pages, and writes
 * {@code income_declaration} through its owner. The brackets and lines offered come from the county profile. Every
 * query that returns families or persons takes a township (9 digits; null = the whole county) and applies it.
 */
@Service
public class IncomeLedger {

    /**
     * A family's income of one period ({@code family_income}) with its anchor's name and its flags
     * ({@code family_flag}: the brackets it is in, the lines it is below).
     */
    public record FamilyIncome(String period, String familyKey, String anchorName, String townshipCode,
                               String villageCode, Boolean urban, int residents, BigDecimal disposable,
                               BigDecimal diLow, BigDecimal diHigh, BigDecimal perCapita, BigDecimal threePerson,
                               BigDecimal medicalOop, BigDecimal educationExpense, BigDecimal afterRigidMonthly,
                               String method, int monitoredMembers, List<Flag> flags) {

        /** In the bracket of that id. */
        public boolean inBracket(String id) {
            return flags.contains(new Flag(FlagKind.BRACKET.name(), id));
        }

        /** Below the line of that id ({@code dibao}, {@code dibian}, {@code tekun}, {@code assist}, {@code safety_net}). */
        public boolean below(String line) {
            return flags.contains(new Flag(FlagKind.LINE.name(), line));
        }

        /** The double-line status: SAFETY_NET, ASSIST or NONE (the messages' {@code income.doubleLine.*}). */
        public String doubleLine() {
            return below(LinesAt.SAFETY_NET) ? DoubleLine.SAFETY_NET.name()
                    : below(LinesAt.ASSIST) ? DoubleLine.ASSIST.name() : DoubleLine.NONE.name();
        }

        FamilyIncome withFlags(List<Flag> value) {
            return new FamilyIncome(period, familyKey, anchorName, townshipCode, villageCode, urban, residents, disposable,
                    diLow, diHigh, perCapita, threePerson, medicalOop, educationExpense, afterRigidMonthly, method,
                    monitoredMembers, value);
        }
    }

    /** A family flag: its kind (BRACKET, LINE) and id. */
    public record Flag(String kind, String id) {
    }

    /** A person's income of one period ({@code person_income}) with the person's name. */
    public record PersonIncome(String period, long personKey, String name, String familyKey, boolean resident,
                               String townshipCode, String villageCode, Boolean urban, String sex, Integer age,
                               BigDecimal wage, BigDecimal business, BigDecimal property, BigDecimal transferIn,
                               BigDecimal transferOut, BigDecimal disposable, BigDecimal preciseDi,
                               BigDecimal estimated, BigDecimal diLow, BigDecimal diHigh, String method,
                               BigDecimal confidence, boolean monitored) {
    }

    /**
     * One income item with its provenance ({@code income_item}); {@code recordRef} has ID numbers masked.
     *
     * @param subDatabase the person-page section holding the rows ({@code basic}, {@code work}, {@code income}), or
     *                    null when the item has no master rows (model, declared)
     */
    public record Item(String component, String source, String dataset, String method, BigDecimal amount, int months,
                       int recordCount, String recordRef, BigDecimal confidence, BigDecimal low, BigDecimal high,
                       String subDatabase) {
    }

    /** A declared correction ({@code income_declaration}). */
    public record Declaration(long id, long personKey, String component, BigDecimal amount, String effectiveFrom,
                              String reason, String declaredBy, OffsetDateTime declaredAt, String withdrawnBy,
                              OffsetDateTime withdrawnAt) {
        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /**
     * The estimation model of a component ({@code income_model}), with the period's estimate per resident and its
     * jackknife standard error (the survey's sampling error, {@code details.estimate_per_resident} and
     * {@code estimate_se_per_resident}; null when the run did not record them).
     */
    public record Model(String period, String component, int surveyYear, String trainer, int trainRows, int testRows,
                        Double mae, Double mape, Double coverage, Double intervalHalfWidth, int appliedTo,
                        Double estimatePerResident, Double estimateSePerResident) {
    }

    /** One figure of {@code income_indicator}. */
    public record Figure(String period, String basis, String breakdown, String groupCode, String metric,
                         Double figure, Double numerator, Double denominator) {
    }

    /** For the distribution charts: one family's weight (residents) and incomes. */
    public record FamilyPoint(int residents, double perCapita, double threePerson) {
    }

    /**
     * The drill-down filter of {@code /income/families}; null fields do not filter.
     *
     * @param bracket the id of a bracket of the county profile ({@code middle_10_50} …): families in it
     * @param line    {@code dibao}, {@code dibian}, {@code tekun} (below the line), {@code assist}, {@code safety_net}
     *                (below 80% / 40% of the minimum wage: the double line)
     * @param min     lowest three-person DI, yuan (inclusive)
     * @param max     highest three-person DI, yuan (exclusive)
     */
    public record Filter(String period, String township, String bracket, String line, Boolean urban,
                         BigDecimal min, BigDecimal max) {
    }

    /** A page of families. */
    public record FamilyPage(List<FamilyIncome> families, long total, long persons, int page, int pages) {
    }

    private static final String FAMILY_SELECT = "SELECT fi.*, p.name AS anchor_name FROM family_income fi "
            + "LEFT JOIN family_period fp ON fp.data_period = fi.data_period AND fp.family_key = fi.family_key "
            + "LEFT JOIN person p ON p.person_key = fp.anchor_person_key ";

    /** A family's flag of a kind and id, through the primary key of family_flag (V17). */
    private static final String HAS_FLAG = " AND EXISTS (SELECT 1 FROM family_flag ff WHERE ff.data_period = fi.data_period "
            + "AND ff.family_key = fi.family_key AND ff.kind = :%1$sKind AND ff.flag_id = :%1$s)";

    private final JdbcClient jdbc;

    private final javax.sql.DataSource dataSource;

    private final FamilyIncomeRules rules;

    public IncomeLedger(JdbcClient jdbc, javax.sql.DataSource dataSource, CountyProfile profile) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.rules = profile.income().family();
    }

    /**
     * The brackets of the county profile that apply at a period (income.yaml {@code brackets:}), in its order: the
     * bracket filter's options, labelled by their names; every bracket when the period is null.
     */
    public List<Bracket> brackets(String period) {
        if (period == null) {
            return rules.brackets();
        }
        return rules.at(Period.parse(period)).brackets();
    }

    /** Whether a bracket id is one of the profile's (valid at some period or other). */
    public boolean knownBracket(String id) {
        return rules.bracket(id).isPresent();
    }

    /** The lines a family can be flagged below, in the order of the line filter: 特困 when the profile has it. */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>(List.of(LinesAt.DIBAO));
        if (rules.lines().tekun() != null) {
            out.add(LinesAt.TEKUN);
        }
        out.addAll(List.of(LinesAt.DIBIAN, LinesAt.ASSIST, LinesAt.SAFETY_NET));
        return out;
    }

    /** Periods with family income rows, newest first. */
    public List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM family_income ORDER BY data_period DESC")
                .query(String.class).list();
    }

    /** The chosen period when it has income rows, else the latest such period, else null. */
    public String choose(String period) {
        List<String> all = periods();
        if (period != null && all.contains(period)) {
            return period;
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /** The families matching a filter, inside a township (null = county), by three-person DI descending. */
    public FamilyPage families(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE fi.data_period = :p");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", f.period());
        if (f.township() != null) {
            where.append(" AND fi.township_code = :t");
            params.put("t", f.township());
        }
        if (f.bracket() != null) {
            where.append(HAS_FLAG.formatted("bracket"));
            params.put("bracketKind", FlagKind.BRACKET.name());
            params.put("bracket", f.bracket());
        }
        if (f.line() != null) {
            if (!lines().contains(f.line())) {
                throw new IllegalArgumentException("unknown line " + f.line());
            }
            where.append(HAS_FLAG.formatted("line"));
            params.put("lineKind", FlagKind.LINE.name());
            params.put("line", f.line());
        }
        if (f.urban() != null) {
            where.append(" AND fi.urban = :u");
            params.put("u", f.urban());
        }
        if (f.min() != null) {
            where.append(" AND fi.three_person >= :min");
            params.put("min", f.min());
        }
        if (f.max() != null) {
            where.append(" AND fi.three_person < :max");
            params.put("max", f.max());
        }
        Map<String, Object> counts = jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(fi.residents), 0) AS persons "
                        + "FROM family_income fi" + where).params(params)
                .query((rs, n) -> Map.<String, Object>of("n", rs.getLong("n"), "persons", rs.getLong("persons")))
                .single();
        long total = (Long) counts.get("n");
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(1, page), pages);
        List<FamilyIncome> rows = jdbc.sql(FAMILY_SELECT + where
                        + " ORDER BY fi.three_person DESC, fi.family_key LIMIT :n OFFSET :o")
                .params(params).param("n", size).param("o", (shown - 1) * size)
                .query(IncomeLedger::family).list();
        return new FamilyPage(withFlags(f.period(), rows), total, (Long) counts.get("persons"), shown, pages);
    }

    /** A family's income of a period. */
    public Optional<FamilyIncome> family(String familyKey, String period) {
        return jdbc.sql(FAMILY_SELECT + "WHERE fi.family_key = :f AND fi.data_period = :p")
                .param("f", familyKey).param("p", period).query(IncomeLedger::family).optional()
                .map(fi -> withFlags(period, List.of(fi)).get(0));
    }

    /** The families with their flags, read in one query of family_flag's primary key. */
    private List<FamilyIncome> withFlags(String period, List<FamilyIncome> families) {
        if (families.isEmpty()) {
            return families;
        }
        Map<String, List<Flag>> flags = new LinkedHashMap<>();
        jdbc.sql("SELECT family_key, kind, flag_id FROM family_flag WHERE data_period = :p AND family_key IN (:keys) "
                        + "ORDER BY family_key, kind, flag_id")
                .param("p", period).param("keys", families.stream().map(FamilyIncome::familyKey).toList())
                .query((rs, n) -> flags.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                        .add(new Flag(rs.getString(2), rs.getString(3)))).list();
        return families.stream().map(fi -> fi.withFlags(flags.getOrDefault(fi.familyKey(), List.of()))).toList();
    }

    /** The income rows of a family's members in a period (residents first, then by DI). */
    public List<PersonIncome> members(String familyKey, String period) {
        return jdbc.sql("SELECT pi.*, p.name FROM person_income pi LEFT JOIN person p ON p.person_key = pi.person_key "
                        + "WHERE pi.family_key = :f AND pi.data_period = :p "
                        + "ORDER BY pi.resident DESC, pi.disposable DESC, pi.person_key")
                .param("f", familyKey).param("p", period).query(IncomeLedger::person).list();
    }

    /** A person's income of a period. */
    public Optional<PersonIncome> person(long personKey, String period) {
        return jdbc.sql("SELECT pi.*, p.name FROM person_income pi LEFT JOIN person p ON p.person_key = pi.person_key "
                        + "WHERE pi.person_key = :k AND pi.data_period = :p")
                .param("k", personKey).param("p", period).query(IncomeLedger::person).optional();
    }

    /** The periods with an income row of the person, newest first. */
    public List<String> personPeriods(long personKey) {
        return jdbc.sql("SELECT data_period FROM person_income WHERE person_key = :k ORDER BY data_period DESC")
                .param("k", personKey).query(String.class).list();
    }

    /** Every income item of a person in a period, by component then amount. */
    public List<Item> items(long personKey, String period) {
        return jdbc.sql("SELECT * FROM income_item WHERE person_key = :k AND data_period = :p "
                        + "ORDER BY CASE component WHEN 'WAGE' THEN 1 WHEN 'BUSINESS' THEN 2 WHEN 'PROPERTY' THEN 3 "
                        + "WHEN 'TRANSFER_IN' THEN 4 ELSE 5 END, amount DESC, source")
                .param("k", personKey).param("p", period)
                .query((rs, n) -> {
                    String dataset = rs.getString("dataset");
                    return new Item(rs.getString("component"), rs.getString("source"), dataset,
                            rs.getString("method"), rs.getBigDecimal("amount"), rs.getInt("months"),
                            rs.getInt("record_count"), Masking.ids(rs.getString("record_ref")),
                            rs.getBigDecimal("confidence"), rs.getBigDecimal("low"), rs.getBigDecimal("high"),
                            subDatabase(dataset));
                }).list();
    }

    /** The person-page section of a master table: basic_*, work_*, income_* → basic, work, income; else null. */
    static String subDatabase(String dataset) {
        if (dataset == null) {
            return null;
        }
        for (String s : List.of("basic", "work", "income")) {
            if (dataset.startsWith(s + "_")) {
                return s;
            }
        }
        return null;
    }

    /** The person's declarations, newest first. */
    public List<Declaration> declarations(long personKey) {
        return jdbc.sql("SELECT * FROM income_declaration WHERE person_key = :k ORDER BY id DESC")
                .param("k", personKey).query(IncomeLedger::declaration).list();
    }

    public Optional<Declaration> declaration(long id) {
        return jdbc.sql("SELECT * FROM income_declaration WHERE id = :id").param("id", id)
                .query(IncomeLedger::declaration).optional();
    }

    /** Stores a declaration; returns its id. */
    public long declare(long personKey, String component, BigDecimal amount, String effectiveFrom, String reason,
                        String by) {
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        return org.olive.app.web.OwnerApi.write(dataSource, c -> org.olive.pipeline.income.Declarations.declare(c, personKey,
                component, amount, effectiveFrom, reason, by, at));
    }

    /** Withdraws a declaration not yet withdrawn; false when there was none to withdraw. */
    public boolean withdraw(long id, String by) {
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        return org.olive.app.web.OwnerApi.write(dataSource, c -> org.olive.pipeline.income.Declarations.withdraw(c, id, by, at));
    }

    /** The estimation models of a period, by component. */
    public List<Model> models(String period) {
        return jdbc.sql("SELECT * FROM income_model WHERE data_period = :p ORDER BY component")
                .param("p", period)
                .query((rs, n) -> new Model(rs.getString("data_period"), rs.getString("component"),
                        rs.getInt("survey_year"), rs.getString("trainer"), rs.getInt("train_rows"),
                        rs.getInt("test_rows"), dbl(rs, "mae"), dbl(rs, "mape"), dbl(rs, "coverage"),
                        dbl(rs, "interval_half_width"), rs.getInt("applied_to"),
                        detail(rs.getString("details"), "estimate_per_resident"),
                        detail(rs.getString("details"), "estimate_se_per_resident"))).list();
    }

    /** A number of a model's details JSON, or null (no details, no such key, not a number). */
    static Double detail(String json, String key) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            tools.jackson.databind.JsonNode v = DETAILS.readTree(json).get(key);
            return v != null && v.isNumber() ? v.asDouble() : null;
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    private static final tools.jackson.databind.json.JsonMapper DETAILS = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The figures of a period, basis and breakdown. */
    public List<Figure> figures(String period, String basis, String breakdown) {
        return jdbc.sql("SELECT * FROM income_indicator WHERE data_period = :p AND basis = :b AND breakdown = :d "
                        + "ORDER BY group_code, metric")
                .param("p", period).param("b", basis).param("d", breakdown).query(IncomeLedger::figure).list();
    }

    /** One group's figures of a period by metric (COUNTY: group ''; TOWNSHIP: 9- or 12-digit code). */
    public Map<String, Figure> group(String period, String basis, String breakdown, String group) {
        Map<String, Figure> out = new TreeMap<>();
        for (Figure f : figures(period, basis, breakdown)) {
            if (sameGroup(f.groupCode(), group)) {
                out.put(f.metric(), f);
            }
        }
        return out;
    }

    /** A metric of a group over every period: period → figure (ascending). */
    public TreeMap<String, Double> series(String basis, String breakdown, String group, String metric) {
        TreeMap<String, Double> out = new TreeMap<>();
        jdbc.sql("SELECT * FROM income_indicator WHERE basis = :b AND breakdown = :d AND metric = :m")
                .param("b", basis).param("d", breakdown).param("m", metric).query(IncomeLedger::figure).list()
                .stream().filter(f -> sameGroup(f.groupCode(), group))
                .forEach(f -> out.put(f.period(), f.figure()));
        return out;
    }

    /**
     * A county figure of the population and family ledgers ({@code ledger_figure}, area ''), e.g.
     * {@code relationship_accuracy}: numerator / denominator, else the figure; empty when the period has none.
     */
    public Optional<Double> ledgerFigure(String period, String metric) {
        return jdbc.sql("SELECT numerator, denominator, figure FROM ledger_figure WHERE data_period = :p "
                        + "AND metric = :m AND area_code = ''")
                .param("p", period).param("m", metric)
                .query((rs, n) -> {
                    double num = rs.getDouble("numerator");
                    boolean noNum = rs.wasNull();
                    double den = rs.getDouble("denominator");
                    boolean noDen = rs.wasNull();
                    if (!noNum && !noDen && den > 0) {
                        return num / den;
                    }
                    return dbl(rs, "figure");
                }).optional();
    }

    /** The families of a period inside a township (null = county) for the distribution charts. */
    public List<FamilyPoint> distribution(String period, String township) {
        return jdbc.sql("SELECT residents, per_capita, three_person FROM family_income WHERE data_period = :p"
                        + " AND residents > 0" + (township == null ? "" : " AND township_code = :t"))
                .param("p", period).params(township == null ? Map.of() : Map.of("t", township))
                .query((rs, n) -> new FamilyPoint(rs.getInt("residents"), rs.getDouble("per_capita"),
                        rs.getDouble("three_person"))).list();
    }

    /**
     * The precomputed distribution of a period inside a township (null = county), written by step indicators (V15);
     * empty when the period's indicators were written before V15, or the township has no family.
     */
    public Optional<IncomeDistribution.Summary> distributionSummary(String period, String township) {
        String area = township == null ? "" : township;
        Map<String, Object> key = Map.of("p", period, "a", area);
        List<Object[]> head = jdbc.sql("SELECT families, persons, gini FROM income_distribution WHERE data_period = :p "
                        + "AND area_code = :a").params(key)
                .query((rs, n) -> new Object[]{rs.getInt(1), rs.getLong(2), dbl(rs, "gini")}).list();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<IncomeDistribution.Bin> bins = jdbc.sql("SELECT bin_from, bin_to, families, persons FROM income_histogram "
                        + "WHERE data_period = :p AND area_code = :a ORDER BY bin_index").params(key)
                .query((rs, n) -> new IncomeDistribution.Bin(rs.getDouble(1), dbl(rs, "bin_to"), rs.getLong(3),
                        rs.getLong(4))).list();
        List<Double> lorenz = jdbc.sql("SELECT income_share FROM income_lorenz WHERE data_period = :p AND area_code = :a "
                + "ORDER BY point_index").params(key).query(Double.class).list();
        Object[] h = head.get(0);
        return Optional.of(new IncomeDistribution.Summary((Integer) h[0], (Long) h[1], (Double) h[2], lorenz, bins));
    }

    /** A township group code is stored with 9 or 12 digits; both match the 9-digit one. */
    static boolean sameGroup(String stored, String wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return stored == null || stored.isEmpty();
        }
        if (stored == null) {
            return false;
        }
        if (stored.equals(wanted)) {
            return true;
        }
        String a = stored.length() == 12 && stored.endsWith("000") ? stored.substring(0, 9) : stored;
        String b = wanted.length() == 12 && wanted.endsWith("000") ? wanted.substring(0, 9) : wanted;
        return a.equals(b);
    }

    private static FamilyIncome family(ResultSet rs, int n) throws SQLException {
        return new FamilyIncome(rs.getString("data_period"), rs.getString("family_key"), rs.getString("anchor_name"),
                rs.getString("township_code"), rs.getString("village_code"), bool(rs, "urban"),
                rs.getInt("residents"), rs.getBigDecimal("disposable"), rs.getBigDecimal("di_low"),
                rs.getBigDecimal("di_high"), rs.getBigDecimal("per_capita"), rs.getBigDecimal("three_person"),
                rs.getBigDecimal("medical_oop"), rs.getBigDecimal("education_expense"),
                rs.getBigDecimal("after_rigid_monthly"), rs.getString("method"),
                rs.getInt("monitored_members"), List.of());
    }

    private static PersonIncome person(ResultSet rs, int n) throws SQLException {
        Object age = rs.getObject("age");
        return new PersonIncome(rs.getString("data_period"), rs.getLong("person_key"), rs.getString("name"),
                rs.getString("family_key"), rs.getBoolean("resident"), rs.getString("township_code"),
                rs.getString("village_code"), bool(rs, "urban"), rs.getString("sex"),
                age == null ? null : ((Number) age).intValue(), rs.getBigDecimal("wage"),
                rs.getBigDecimal("business"), rs.getBigDecimal("property"), rs.getBigDecimal("transfer_in"),
                rs.getBigDecimal("transfer_out"), rs.getBigDecimal("disposable"), rs.getBigDecimal("precise_di"),
                rs.getBigDecimal("estimated"), rs.getBigDecimal("di_low"), rs.getBigDecimal("di_high"),
                rs.getString("method"), rs.getBigDecimal("confidence"), rs.getBoolean("monitored"));
    }

    private static Declaration declaration(ResultSet rs, int n) throws SQLException {
        return new Declaration(rs.getLong("id"), rs.getLong("person_key"), rs.getString("component"),
                rs.getBigDecimal("amount"), rs.getString("effective_from"), rs.getString("reason"),
                rs.getString("declared_by"), rs.getObject("declared_at", OffsetDateTime.class),
                rs.getString("withdrawn_by"), rs.getObject("withdrawn_at", OffsetDateTime.class));
    }

    private static Figure figure(ResultSet rs, int n) throws SQLException {
        return new Figure(rs.getString("data_period"), rs.getString("basis"), rs.getString("breakdown"),
                rs.getString("group_code"), rs.getString("metric"), dbl(rs, "figure"), dbl(rs, "numerator"),
                dbl(rs, "denominator"));
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }

    private static Double dbl(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
