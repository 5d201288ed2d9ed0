package org.olive.pipeline.fact;

import org.olive.fact.PersonFact;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.geography.UrbanRural;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the person facts of a period (docs/person-facts.md): every person of the period's person_period with their
 * family and the visible master rows ({@link MasterTables#VISIBLE}) attached by ID number (person.id_number). One query
 * per table, no per-person query; de-duplication and ordering are done here, not in SQL. Every item keeps its record
 * ({@link PersonFact.Source}: dataset, delivery period, file, row).
 *
 * <p>Windows (P the period): hukou education, market entities, education and disability from P's delivery; skill
 * certificates delivered up to P; social insurance of the trailing {@code employmentMonths}; platform work, fishery,
 * B&Bs and benefits of the trailing 12 months (a month delivered in its own period or later); assistance spells of the
 * deliveries of the trailing 12 months, open at P's last day or ended within the window; business revenue from the
 * latest business report delivered up to P; property titles registered by P's last day and rental contracts running at
 * it, from every delivery up to P (the first carries the stock, later ones what is new).
 */
public final class PersonFactsReader {

    static final int YEAR = 12;

    private final Divisions divisions;
    private final int employmentMonths;
    /** Months of earlier education deliveries read for graduations; none unless set (occupation.yaml facts). */
    private int graduationMonths = 0;
    /** The only queries to run (by name), or null for all. */
    private Set<String> only;
    private final Set<String> employmentInsurance;
    private final Map<String, Long> millis = new LinkedHashMap<>();

    /**
     * @param employmentMonths    trailing months of social insurance that are employments
     * @param employmentInsurance insurance types (as mapped) that are employment
     */
    public PersonFactsReader(Divisions divisions, int employmentMonths, Set<String> employmentInsurance) {
        this.divisions = divisions;
        this.employmentMonths = employmentMonths;
        this.employmentInsurance = Set.copyOf(employmentInsurance);
    }

    /** The reader step facts uses: the windows of the county profile's occupation.yaml ({@code facts:}). */
    public static PersonFactsReader of(org.olive.occupation.OccupationRules rules, Divisions divisions) {
        return new PersonFactsReader(divisions, rules.employmentMonths(), rules.employmentInsurance())
                .graduationMonths(rules.graduationMonths());
    }

    /** What one person's facts collect while the tables are read. */
    private static final class Person {
        long key;
        String familyKey;
        String sex;
        int age;
        boolean registered;
        boolean resident;
        boolean floating;
        String township;
        String village;
        boolean urban;
        String education = "";
        final Map<String, Dated<PersonFact.Certificate>> certificates = new HashMap<>();
        final Map<String, Dated<PersonFact.Employment>> employments = new HashMap<>();
        final List<PersonFact.Business> businesses = new ArrayList<>();
        final Map<String, Dated<PersonFact.PlatformWork>> platform = new HashMap<>();
        final Map<String, Dated<PersonFact.FisheryWork>> fishery = new HashMap<>();
        final Map<String, Dated<PersonFact.Bnb>> bnbs = new HashMap<>();
        final List<PersonFact.Graduation> graduations = new ArrayList<>();
        final Map<String, Dated<PersonFact.Benefit>> benefits = new HashMap<>();
        final Map<String, Dated<PersonFact.Assistance>> assistance = new HashMap<>();
        int disability;
        final Map<String, Dated<PersonFact.Property>> properties = new HashMap<>();
        final Map<String, Dated<PersonFact.Rental>> rentals = new HashMap<>();
    }

    /** An item with the delivery it came in (the latest delivery of an item wins) and a tie-break. */
    private record Dated<T>(String delivery, String tie, T item) {
    }

    private static <T> void keep(Map<String, Dated<T>> m, String key, String delivery, String tie, T item) {
        Dated<T> old = m.get(key);
        if (old == null || delivery.compareTo(old.delivery()) > 0
                || (delivery.equals(old.delivery()) && tie.compareTo(old.tie()) < 0)) {
            m.put(key, new Dated<>(delivery, tie, item));
        }
    }

    /**
     * Reads only the named parts (e.g. {@code person_period, family_member, person_keys, assistance}: the family and
     * the assistance spells the warning rules use, for the what-if); the other facts stay empty. Returns this reader.
     */
    public PersonFactsReader only(String... parts) {
        this.only = Set.of(parts);
        return this;
    }

    /** How far back earlier deliveries of the education register are read for graduations; returns this reader. */
    public PersonFactsReader graduationMonths(int months) {
        this.graduationMonths = months;
        return this;
    }

    /** The facts of every person of the period's person_period. */
    public PersonFacts read(Connection c, Period p) throws SQLException {
        String period = p.toString();
        String firstEmployment = p.minusMonths(employmentMonths - 1).toString();
        String firstYear = p.minusMonths(YEAR - 1).toString();
        LocalDate lastDay = p.lastDay();
        Map<Long, Person> persons = new HashMap<>();
        query(c, "person_period", "SELECT person_key, sex, age, registered, resident, floating, live_village, hukou_village, township_code "
                + "FROM person_period WHERE data_period = ?", ps -> ps.setString(1, period), rs -> {
            Person x = new Person();
            x.key = rs.getLong(1);
            x.sex = rs.getString(2);
            int age = rs.getInt(3);
            x.age = rs.wasNull() ? -1 : age;
            x.registered = rs.getBoolean(4);
            x.resident = rs.getBoolean(5);
            x.floating = rs.getBoolean(6);
            x.village = rs.getString(7) != null ? rs.getString(7) : rs.getString(8);
            x.township = rs.getString(9);
            Division d = x.village == null ? null : divisions.get(x.village);
            if (d != null) {
                x.township = d.townshipCode();
                x.urban = d.urbanRural() == UrbanRural.URBAN;
            }
            persons.put(x.key, x);
        });
        query(c, "family_member", "SELECT person_key, family_key FROM family_member WHERE data_period = ?", ps -> ps.setString(1, period),
                rs -> on(persons, rs, x -> x.familyKey = rs.getString(2)));
        // every table keyed by ID number is read by its period window alone and the ID number mapped to the person here:
        // joined to person in SQL, H2 walked the person_id index for every person through all the months delivered (the
        // social-insurance read took 21 s a month on the default county once 36 months were in; benefits and education
        // grew the same way)
        Map<String, Long> keyOf = personKeys(c, persons);
        query(c, "hukou", "SELECT t.person_id, t.education FROM (SELECT person_id, education FROM basic_hukou WHERE "
                + MasterTables.VISIBLE + " AND data_period = ?) t",
                ps -> ps.setString(1, period), rs -> onId(keyOf, persons, rs, x -> {
                    String e = rs.getString(2);
                    // GB/T 4658: the lower the code, the more schooling
                    if (e != null && !e.isBlank() && (x.education.isEmpty() || e.compareTo(x.education) < 0)) {
                        x.education = e.strip();
                    }
                }));
        query(c, "skill_cert", "SELECT t.person_id, t.certificate_no, t.occupation_code, t.level, t.issued_date, t.data_period, "
                + "t.source_file, t.source_row FROM (SELECT certificate_no, person_id, occupation_code, level, issued_date, "
                + "data_period, source_file, source_row FROM work_skill_cert WHERE " + MasterTables.VISIBLE
                + " AND data_period <= ?) t", ps -> ps.setString(1, period),
                rs -> onId(keyOf, persons, rs, x -> {
                    Date issued = rs.getDate(5);
                    keep(x.certificates, rs.getString(2), rs.getString(6), "", new PersonFact.Certificate(rs.getString(3),
                            rs.getInt(4), issued == null ? null : issued.toLocalDate(), source("skill_cert", rs, 6)));
                }));
        Map<String, String[]> entities = new HashMap<>(); // uscc → {kind, industry}
        Map<String, List<Object[]>> operated = new HashMap<>(); // uscc → rows of operating persons
        query(c, "market_entity", "SELECT t.uscc, t.kind, t.industry_code, t.operator_id, t.employees, t.closed_date, t.data_period, "
                + "t.source_file, t.source_row, t.founded_date FROM (SELECT uscc, kind, industry_code, operator_id, employees, "
                + "closed_date, data_period, source_file, source_row, founded_date FROM work_market_entity WHERE " + MasterTables.VISIBLE
                + " AND data_period = ?) t", ps -> ps.setString(1, period),
                rs -> {
                    String uscc = rs.getString(1);
                    entities.put(uscc, new String[] {rs.getString(2), rs.getString(3)});
                    Long key = rs.getString(4) == null ? null : keyOf.get(rs.getString(4));
                    if (key != null && persons.containsKey(key)) {
                        Date closed = rs.getDate(6);
                        long employees = rs.getLong(5);
                        Integer emp = rs.wasNull() ? null : (int) employees;
                        boolean open = closed == null || closed.toLocalDate().isAfter(lastDay);
                        Date founded = rs.getDate(10);
                        operated.computeIfAbsent(uscc, k -> new ArrayList<>()).add(new Object[] {key, rs.getString(2),
                                rs.getString(3), emp, open, source("market_entity", rs, 7),
                                founded == null ? null : founded.toLocalDate()});
                    }
                });
        Map<String, Object[]> revenue = new HashMap<>(); // uscc → {year, delivery, revenue}
        query(c, "business_report", "SELECT uscc, year_no, revenue, data_period FROM work_business_report WHERE " + MasterTables.VISIBLE
                + " AND data_period <= ?", ps -> ps.setString(1, period), rs -> {
                    String uscc = rs.getString(1);
                    if (operated.containsKey(uscc)) {
                        long year = rs.getLong(2);
                        String delivery = rs.getString(4);
                        Object[] old = revenue.get(uscc);
                        if (old == null || year > (long) old[0] || (year == (long) old[0] && delivery.compareTo((String) old[1]) > 0)) {
                            revenue.put(uscc, new Object[] {year, delivery, rs.getBigDecimal(3)});
                        }
                    }
                });
        for (Map.Entry<String, List<Object[]>> e : operated.entrySet()) {
            Object[] rev = revenue.get(e.getKey());
            for (Object[] o : e.getValue()) {
                persons.get((Long) o[0]).businesses.add(new PersonFact.Business(e.getKey(), (String) o[1], (String) o[2],
                        (Integer) o[3], rev == null ? null : (BigDecimal) rev[2], (Boolean) o[4], (PersonFact.Source) o[5],
                        (java.time.LocalDate) o[6]));
            }
        }
        query(c, "social_insurance", "SELECT person_id, employer_uscc, month_period, insurance_type, data_period, source_file, "
                + "source_row FROM work_social_insurance WHERE " + MasterTables.VISIBLE + window(),
                ps -> window(ps, firstEmployment, period), rs -> {
                    Long key = keyOf.get(rs.getString(1));
                    Person x = key == null ? null : persons.get(key);
                    String type = rs.getString(4);
                    if (x == null || type == null || !employmentInsurance.contains(type)) {
                        return;
                    }
                    String uscc = rs.getString(2);
                    String[] entity = uscc == null ? null : entities.get(uscc);
                    // one employment per employer and month: the latest delivery, the lowest insurance type
                    keep(x.employments, uscc + "|" + rs.getString(3), rs.getString(5), type, new PersonFact.Employment(
                            rs.getString(3), uscc, entity == null ? null : entity[0], entity == null ? null : entity[1], type,
                            source("social_insurance", rs, 5)));
                });
        query(c, "platform_work", "SELECT t.person_id, t.platform, t.kind, t.month_period, t.income, t.data_period, t.source_file, "
                + "t.source_row FROM (SELECT person_id, platform, kind, month_period, income, data_period, source_file, "
                + "source_row FROM work_platform_work WHERE " + MasterTables.VISIBLE + window() + ") t",
                ps -> window(ps, firstYear, period), rs -> onId(keyOf, persons, rs, x -> keep(x.platform, rs.getString(2) + "|" + rs.getString(4), rs.getString(6), "",
                        new PersonFact.PlatformWork(rs.getString(4), rs.getString(2), rs.getString(3), rs.getBigDecimal(5),
                                source("platform_work", rs, 6)))));
        fishery(c, keyOf, persons, "work_fishery_crew", "fishery_crew", "person_id", "CREW", "role", firstYear, period);
        fishery(c, keyOf, persons, "work_fishery_vessels", "fishery_vessels", "owner_id", "VESSEL_OWNER", "gear", firstYear, period);
        fishery(c, keyOf, persons, "work_fishery_aquaculture", "fishery_aquaculture", "holder_id", "AQUACULTURE", "species",
                firstYear, period);
        query(c, "bnb", "SELECT t.owner_id, t.bnb_no, t.uscc, t.rooms, t.month_period, t.data_period, t.source_file, t.source_row "
                + "FROM (SELECT owner_id, bnb_no, uscc, rooms, month_period, data_period, source_file, source_row FROM work_bnb "
                + "WHERE " + MasterTables.VISIBLE + window() + ") t",
                ps -> window(ps, firstYear, period), rs -> onId(keyOf, persons, rs, x -> keep(x.bnbs,
                        rs.getString(2) + "|" + rs.getString(5), rs.getString(6), "", new PersonFact.Bnb(rs.getString(5),
                                rs.getString(2), rs.getString(3), rs.getInt(4), source("bnb", rs, 6)))));
        query(c, "benefits", "SELECT t.person_id, t.benefit_type, t.month_period, t.amount, t.data_period, t.source_file, t.source_row "
                + "FROM (SELECT person_id, benefit_type, month_period, amount, data_period, source_file, source_row FROM "
                + "income_benefits WHERE " + MasterTables.VISIBLE + window() + ") t",
                ps -> window(ps, firstYear, period), rs -> onId(keyOf, persons, rs, x -> keep(x.benefits,
                        rs.getString(2) + "|" + rs.getString(3), rs.getString(5), "", new PersonFact.Benefit(rs.getString(3),
                                rs.getString(2), rs.getBigDecimal(4), source("benefits", rs, 5)))));
        query(c, "education", "SELECT t.person_id, t.level, t.graduation_date, t.school, t.employment_status, t.data_period, "
                + "t.source_file, t.source_row FROM (SELECT person_id, level, graduation_date, school, employment_status, "
                + "data_period, source_file, source_row FROM basic_education WHERE " + MasterTables.VISIBLE
                + " AND data_period = ?) t", ps -> ps.setString(1, period),
                rs -> onId(keyOf, persons, rs, x -> {
                    Date d = rs.getDate(3);
                    x.graduations.add(new PersonFact.Graduation(rs.getString(2), d == null ? null : d.toLocalDate(),
                            rs.getString(4), rs.getString(5), source("education", rs, 6)));
                }));
        // the register lists a student's current entry only: a graduation of the last two years that a later enrolment
        // (a master's after a bachelor's) replaced is still in the deliveries of the months before
        String firstGraduation = p.minusMonths(graduationMonths - 1).toString();
        query(c, "education_earlier", "SELECT t.person_id, t.level, t.graduation_date, t.school, t.employment_status, "
                + "t.data_period, t.source_file, t.source_row FROM (SELECT person_id, level, graduation_date, school, "
                + "employment_status, data_period, source_file, source_row FROM basic_education WHERE " + MasterTables.VISIBLE
                + " AND data_period >= ? AND data_period < ? AND graduation_date >= ?) t", ps -> {
                    ps.setString(1, firstGraduation);
                    ps.setString(2, period);
                    ps.setDate(3, Date.valueOf(p.minusMonths(graduationMonths - 1).firstDay()));
                }, rs -> onId(keyOf, persons, rs, x -> {
                    java.time.LocalDate d = rs.getDate(3).toLocalDate();
                    String level = rs.getString(2);
                    for (PersonFact.Graduation g : x.graduations) {
                        if (d.equals(g.graduated()) && java.util.Objects.equals(level, g.level())) {
                            return; // the same graduation, already read (from the latest delivery that has it)
                        }
                    }
                    x.graduations.add(new PersonFact.Graduation(level, d, rs.getString(4), rs.getString(5),
                            source("education", rs, 6)));
                }));
        LocalDate windowStart = p.minusMonths(YEAR - 1).firstDay();
        query(c, "assistance", "SELECT t.person_id, t.type, t.start_date, t.end_date, t.monthly_amount, t.data_period, t.source_file, "
                + "t.source_row FROM (SELECT person_id, type, start_date, end_date, monthly_amount, data_period, source_file, "
                + "source_row FROM income_assistance WHERE " + MasterTables.VISIBLE + " AND data_period BETWEEN ? AND ?) t", ps -> {
                    ps.setString(1, firstYear);
                    ps.setString(2, period);
                }, rs -> onId(keyOf, persons, rs, x -> {
                    Date start = rs.getDate(3);
                    Date end = rs.getDate(4);
                    LocalDate s = start == null ? null : start.toLocalDate();
                    LocalDate e = end == null ? null : end.toLocalDate();
                    if (s != null && s.isAfter(lastDay)) {
                        return; // not begun at the period's end
                    }
                    keep(x.assistance, rs.getString(2) + "|" + s, rs.getString(6), "", new PersonFact.Assistance(
                            rs.getString(2), s, e, rs.getBigDecimal(5), source("assistance", rs, 6)));
                }));
        query(c, "disability", "SELECT t.person_id, t.grade FROM (SELECT person_id, grade FROM basic_disability WHERE "
                + MasterTables.VISIBLE + " AND data_period = ?) t",
                ps -> ps.setString(1, period), rs -> onId(keyOf, persons, rs, x -> {
                    int g = rs.getInt(2);
                    if (!rs.wasNull() && g >= 1 && g <= 4 && (x.disability == 0 || g < x.disability)) {
                        x.disability = g;
                    }
                }));
        // property titles and rental contracts: the first delivery carries the stock, later ones what is new, so every
        // delivery up to P is read; a title counts once registered, a contract while it runs at P's last day
        query(c, "property_ownership", "SELECT t.owner_id, t.property_id, t.use_kind, t.area_m2, t.registered_date, "
                + "t.data_period, t.source_file, t.source_row FROM (SELECT owner_id, property_id, use_kind, area_m2, "
                + "registered_date, data_period, source_file, source_row FROM income_property_ownership WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ? AND registered_date <= ?) t", ps -> {
                    ps.setString(1, period);
                    ps.setDate(2, Date.valueOf(lastDay));
                }, rs -> onId(keyOf, persons, rs, x -> keep(x.properties, rs.getString(2), rs.getString(6), "",
                        new PersonFact.Property(rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                                rs.getDate(5).toLocalDate(), source("property_ownership", rs, 6)))));
        query(c, "property_rentals", "SELECT t.landlord_id, t.contract_no, t.property_id, t.monthly_rent, t.start_date, "
                + "t.end_date, t.data_period, t.source_file, t.source_row FROM (SELECT landlord_id, contract_no, property_id, "
                + "monthly_rent, start_date, end_date, data_period, source_file, source_row FROM income_property_rentals "
                + "WHERE " + MasterTables.VISIBLE + " AND data_period <= ? AND start_date <= ? AND (end_date IS NULL OR "
                + "end_date >= ?)) t", ps -> {
                    ps.setString(1, period);
                    ps.setDate(2, Date.valueOf(lastDay));
                    ps.setDate(3, Date.valueOf(lastDay));
                }, rs -> onId(keyOf, persons, rs, x -> {
                    Date end = rs.getDate(6);
                    keep(x.rentals, rs.getString(2), rs.getString(7), "", new PersonFact.Rental(rs.getString(2),
                            rs.getString(3), rs.getBigDecimal(4), rs.getDate(5).toLocalDate(),
                            end == null ? null : end.toLocalDate(), source("property_rentals", rs, 7)));
                }));

        Map<Long, PersonFact> out = new LinkedHashMap<>();
        for (Person x : persons.values()) {
            List<PersonFact.Assistance> assistance = new ArrayList<>();
            for (Dated<PersonFact.Assistance> d : x.assistance.values()) {
                PersonFact.Assistance a = d.item();
                // the latest delivery's version of the spell: open at the period's end, or ended within the window
                if (a.end() == null || !a.end().isBefore(windowStart)) {
                    assistance.add(a);
                }
            }
            assistance.sort(Comparator.comparing(PersonFact.Assistance::start, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(PersonFact.Assistance::type));
            x.graduations.sort(Comparator.comparing(PersonFact.Graduation::graduated, Comparator.nullsFirst(Comparator.reverseOrder()))
                    .thenComparing(g -> g.source().row()));
            x.businesses.sort(Comparator.comparing(PersonFact.Business::uscc));
            out.put(x.key, new PersonFact(x.key, x.familyKey, x.sex, x.age, x.registered, x.resident, x.floating, x.township,
                    x.village, x.urban, x.education,
                    sorted(x.certificates, Comparator.comparing(PersonFact.Certificate::issued,
                            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(PersonFact.Certificate::occupationCode)),
                    sorted(x.employments, Comparator.comparing(PersonFact.Employment::month).reversed()
                            .thenComparing(e -> String.valueOf(e.employerUscc()))),
                    x.businesses,
                    sorted(x.platform, Comparator.comparing(PersonFact.PlatformWork::month).reversed()
                            .thenComparing(PersonFact.PlatformWork::platform)),
                    sorted(x.fishery, Comparator.comparing(PersonFact.FisheryWork::month).reversed()
                            .thenComparing(PersonFact.FisheryWork::role).thenComparing(PersonFact.FisheryWork::reference)),
                    sorted(x.bnbs, Comparator.comparing(PersonFact.Bnb::month).reversed().thenComparing(PersonFact.Bnb::bnbNo)),
                    x.graduations,
                    sorted(x.benefits, Comparator.comparing(PersonFact.Benefit::month).reversed()
                            .thenComparing(PersonFact.Benefit::type)),
                    assistance, x.disability,
                    sorted(x.properties, Comparator.comparing(PersonFact.Property::registered).reversed()
                            .thenComparing(PersonFact.Property::propertyId)),
                    sorted(x.rentals, Comparator.comparing(PersonFact.Rental::start).reversed()
                            .thenComparing(PersonFact.Rental::contractNo))));
        }
        return new PersonFacts(out);
    }

    private void fishery(Connection c, Map<String, Long> keyOf, Map<Long, Person> persons, String table, String dataset,
                         String idColumn, String role, String detailColumn, String first, String period)
            throws SQLException {
        String refColumn = table.endsWith("aquaculture") ? "licence_no" : "vessel_no";
        query(c, dataset, "SELECT t." + idColumn + ", t." + refColumn + ", t." + detailColumn + ", t.month_period, t.data_period, "
                + "t.source_file, t.source_row FROM (SELECT " + idColumn + ", " + refColumn + ", " + detailColumn
                + ", month_period, data_period, source_file, source_row FROM " + table + " WHERE " + MasterTables.VISIBLE
                + window() + ") t", ps -> window(ps, first, period),
                rs -> onId(keyOf, persons, rs, x -> keep(x.fishery, role + "|" + rs.getString(2) + "|" + rs.getString(4),
                        rs.getString(5), "", new PersonFact.FisheryWork(rs.getString(4), role, rs.getString(2),
                                rs.getString(3), source(dataset, rs, 5)))));
    }

    /** The ID number of every person of the period → their key. */
    private Map<String, Long> personKeys(Connection c, Map<Long, Person> persons) throws SQLException {
        Map<String, Long> out = new HashMap<>(persons.size() * 2);
        query(c, "person_keys", "SELECT id_number, person_key FROM person", ps -> { }, rs -> {
            long key = rs.getLong(2);
            if (persons.containsKey(key) && rs.getString(1) != null) {
                out.put(rs.getString(1), key);
            }
        });
        return out;
    }

    private static <T> List<T> sorted(Map<String, Dated<T>> m, Comparator<T> order) {
        List<T> out = new ArrayList<>(m.size());
        m.values().forEach(d -> out.add(d.item()));
        out.sort(order);
        return out;
    }

    /** The source of a row whose columns data_period, source_file, source_row start at {@code at}. */
    private static PersonFact.Source source(String dataset, ResultSet rs, int at) throws SQLException {
        return new PersonFact.Source(dataset, rs.getString(at), rs.getString(at + 1), rs.getLong(at + 2));
    }

    private static String window() {
        // a month is delivered in its own period or later: the data_period range lets the period index work
        return " AND month_period BETWEEN ? AND ? AND data_period BETWEEN ? AND ?";
    }

    private static void window(PreparedStatement ps, String first, String period) throws SQLException {
        ps.setString(1, first);
        ps.setString(2, period);
        ps.setString(3, first);
        ps.setString(4, period);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private interface PersonReader {
        void read(Person x) throws SQLException;
    }

    /** Applies {@code reader} to the person whose ID number is in column 1, when the person is of the period. */
    private static void onId(Map<String, Long> keyOf, Map<Long, Person> persons, ResultSet rs, PersonReader reader)
            throws SQLException {
        Long key = keyOf.get(rs.getString(1));
        Person x = key == null ? null : persons.get(key);
        if (x != null) {
            reader.read(x);
        }
    }

    /** Applies {@code reader} to the person of column 1 when the person is of the period. */
    private static void on(Map<Long, Person> persons, ResultSet rs, PersonReader reader) throws SQLException {
        Person x = persons.get(rs.getLong(1));
        if (x != null) {
            reader.read(x);
        }
    }

    private void query(Connection c, String name, String sql, Binder binder, RowReader reader) throws SQLException {
        if (only != null && !only.contains(name)) {
            return;
        }
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
        millis.merge(name, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    /** The milliseconds of each table's query in the last {@link #read}. */
    public Map<String, Long> millis() {
        return millis;
    }
}
