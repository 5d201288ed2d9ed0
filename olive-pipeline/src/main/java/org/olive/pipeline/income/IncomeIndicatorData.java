package org.olive.pipeline.income;

import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.olive.geography.UrbanRural;
import org.olive.identity.IdNumber;
import org.olive.indicator.CountyPersons;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the county indicators of a period are computed from: the residents of {@code person_income} in their
 * {@code family_income} families (the full population, weight 1), the survey sample of the latest year delivered at or
 * before the period (design weights), and the data-items figure of the period's ingestion (pilot indicator 8).
 */
public final class IncomeIndicatorData {

    private IncomeIndicatorData() {
    }

    /**
     * The population side.
     *
     * @param persons              every resident of person_income, in their family
     * @param residents            resident rows read
     * @param families             families formed (family_income families plus single-person families)
     * @param withoutFamily        residents with no family_key or a family_key absent from family_income: each counted as
     *                             a family of their own with their own DI
     * @param familySizeMismatches families whose family_income.residents differs from the residents found in person_income
     * @param relationshipKnown    the ledger's family step ran for the period (ledger_figure relationship_accuracy exists),
     *                             so the persons' relationship-accurate flags mean something
     */
    public record Population(CountyPersons persons, int residents, int families, int withoutFamily, int familySizeMismatches,
                             boolean relationshipKnown) {
    }

    /**
     * The survey side.
     *
     * @param year         the survey year (delivered in period YYYY-12)
     * @param persons      the sample persons in their sample households, with design weights
     * @param rows         person rows read
     * @param households   sample households
     * @param invalidIds   rows whose ID number is not valid: sex and age unknown
     * @param unknownAreas rows whose village_code is not a Shengsi village: township and village unknown, urban from the
     *                     survey's own stratum
     * @param registered   rows whose ID number is a person of the ledger's registry ({@code person.id_number}): only
     *                     they can be in a key group; −1 when the key groups were not asked for
     */
    public record Survey(int year, CountyPersons persons, int rows, int households, int invalidIds, int unknownAreas,
                         int registered) {
    }

    /** Pilot indicator 8 of the period's visible ingestion: items updated / current items. */
    public record DataItems(long updated, long total) {
        public double share() {
            return total == 0 ? Double.NaN : (double) updated / total;
        }
    }

    /**
     * The persons concerned by an open family conflict (pilot indicator 4 counts them as not accurate). Read once into
     * a set: a correlated NOT EXISTS per resident made H2 walk every open conflict for each of them (20 s a month in
     * the default county).
     */
    public static Set<Long> personsInOpenConflicts(Connection c) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT cp.person_key FROM family_conflict_person cp "
                + "JOIN family_conflict fc ON fc.id = cp.conflict_id WHERE fc.status = 'OPEN'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The residents of person_income for the period; {@link Optional#empty()} when the period has none. */
    public static Optional<Population> population(Connection c, Period p) throws SQLException {
        return population(c, p, null);
    }

    /**
     * The residents of person_income for the period, each in the key groups {@code groups} has them in (none when
     * null); {@link Optional#empty()} when the period has no residents.
     */
    public static Optional<Population> population(Connection c, Period p, KeyGroupMembers groups) throws SQLException {
        String period = p.toString();
        Map<String, double[]> familyIncome = new HashMap<>(); // family_key → {disposable, residents}
        try (PreparedStatement ps = c.prepareStatement("SELECT family_key, disposable, residents FROM family_income WHERE data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    familyIncome.put(rs.getString(1), new double[]{rs.getDouble(2), rs.getInt(3)});
                }
            }
        }
        boolean relationshipKnown;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ledger_figure WHERE data_period = ? "
                + "AND metric = 'relationship_accuracy' AND area_code = ''")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                relationshipKnown = rs.next() && rs.getLong(1) > 0;
            }
        }
        Set<Long> accurate = new HashSet<>();
        if (relationshipKnown) {
            // as LedgerFigures counts pilot indicator 4: placed in a family of the period, concerned by no open conflict
            Set<Long> conflicted = personsInOpenConflicts(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT pp.person_key FROM person_period pp JOIN family_member fm "
                    + "ON fm.data_period = pp.data_period AND fm.person_key = pp.person_key WHERE pp.data_period = ? "
                    + "AND pp.resident = TRUE")) {
                ps.setString(1, period);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!conflicted.contains(rs.getLong(1))) {
                            accurate.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        CountyPersons.Builder b = CountyPersons.builder();
        if (groups != null) {
            b.keyGroups(groups.enabled());
        }
        Map<String, Integer> familyIndex = new HashMap<>();
        Map<String, Integer> found = new HashMap<>();
        int residents = 0;
        int withoutFamily = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, family_key, township_code, village_code, urban, sex, "
                + "age, disposable, monitored FROM person_income WHERE data_period = ? AND resident = TRUE "
                + "ORDER BY family_key, person_key")) {
            ps.setString(1, period);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    residents++;
                    long key = rs.getLong(1);
                    String familyKey = rs.getString(2);
                    double di = rs.getDouble(8);
                    int family;
                    if (familyKey != null && familyIncome.containsKey(familyKey)) {
                        Integer f = familyIndex.get(familyKey);
                        if (f == null) {
                            f = b.addFamily(familyKey);
                            b.addIncome(f, familyIncome.get(familyKey)[0]);
                            familyIndex.put(familyKey, f);
                        }
                        family = f;
                        found.merge(familyKey, 1, Integer::sum);
                    } else {
                        withoutFamily++;
                        family = b.addFamily("person:" + key);
                        b.addIncome(family, di);
                    }
                    boolean urbanNull;
                    boolean urban = rs.getBoolean(5);
                    urbanNull = rs.wasNull();
                    int age = rs.getInt(7);
                    if (rs.wasNull()) {
                        age = -1;
                    }
                    int person = b.addPerson(family, 1, age, sex(rs.getString(6)), rs.getString(3), rs.getString(4),
                            urbanNull ? null : urban, rs.getBoolean(9), accurate.contains(key));
                    if (groups != null) {
                        for (String g : groups.of(key)) {
                            b.addMembership(person, g); // the resident with their family's figures, as for sex or age
                        }
                    }
                }
            }
        }
        if (residents == 0) {
            return Optional.empty();
        }
        int mismatches = 0;
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            if ((int) familyIncome.get(e.getKey())[1] != e.getValue()) {
                mismatches++;
            }
        }
        return Optional.of(new Population(b.build(), residents, familyIndex.size() + withoutFamily, withoutFamily, mismatches,
                relationshipKnown));
    }

    /**
     * The survey sample of the latest year delivered at or before the period (the visible rows of income_survey in the
     * latest period YYYY-12 ≤ P); household DI is the sum of its members' wage, business, property and net transfers;
     * ages are taken at the end of the period P, like the population's. Empty when no survey was delivered yet.
     */
    public static Optional<Survey> survey(Connection c, Period p, Divisions divisions) throws SQLException {
        return survey(c, p, divisions, null);
    }

    /**
     * The survey sample as {@link #survey(Connection, Period, Divisions)}, each sample person in the key groups that
     * {@code groups} has at the period for the ledger's person of the same ID number ({@code person.id_number} →
     * person_key); a sample person who is not in the registry is in no group. No groups when {@code groups} is null.
     */
    public static Optional<Survey> survey(Connection c, Period p, Divisions divisions, KeyGroupMembers groups)
            throws SQLException {
        String surveyPeriod;
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(data_period) FROM income_survey WHERE data_period <= ? AND "
                + MasterTables.VISIBLE)) {
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                surveyPeriod = rs.next() ? rs.getString(1) : null;
            }
        }
        if (surveyPeriod == null) {
            return Optional.empty();
        }
        CountyPersons.Builder b = CountyPersons.builder();
        if (groups != null) {
            b.keyGroups(groups.enabled());
        }
        Map<String, List<Integer>> byId = new HashMap<>(); // valid ID number → sample person indices
        Map<String, Integer> households = new LinkedHashMap<>();
        int rows = 0;
        int invalidIds = 0;
        int unknownAreas = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT sample_household, person_id, village_code, stratum, design_weight, "
                + "COALESCE(wage, 0) + COALESCE(business, 0) + COALESCE(property, 0) + COALESCE(transfer_net, 0) "
                + "FROM income_survey WHERE data_period = ? AND " + MasterTables.VISIBLE + " ORDER BY sample_household, source_row")) {
            ps.setString(1, surveyPeriod);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double weight = rs.getDouble(5);
                    if (rs.wasNull() || !(weight > 0)) {
                        continue; // required and > 0 by the survey mapping: refused at ingestion, never here
                    }
                    rows++;
                    int h = households.computeIfAbsent(rs.getString(1), b::addFamily);
                    b.addIncome(h, rs.getDouble(6));
                    IdNumber.ParseResult id = IdNumber.parse(rs.getString(2));
                    String sex = null;
                    int age = -1;
                    if (id.valid()) {
                        sex = id.id().male() ? "M" : "F";
                        age = (int) ChronoUnit.YEARS.between(id.id().birthDate(), p.lastDay());
                    } else {
                        invalidIds++;
                    }
                    Division v = rs.getString(3) == null ? null : divisions.get(rs.getString(3));
                    String township = null;
                    String village = null;
                    Boolean urban = null;
                    if (v != null && v.level() == Division.Level.VILLAGE) {
                        township = v.townshipCode();
                        village = v.code();
                        urban = v.urbanRural() == null ? null : v.urbanRural() == UrbanRural.URBAN;
                    } else {
                        unknownAreas++;
                    }
                    if (urban == null && rs.getString(4) != null) {
                        urban = switch (rs.getString(4)) {
                            case "URBAN" -> Boolean.TRUE;
                            case "RURAL" -> Boolean.FALSE;
                            default -> null;
                        };
                    }
                    int person = b.addPerson(h, weight, Math.max(age, -1), sex, township, village, urban, false, false);
                    if (id.valid()) {
                        byId.computeIfAbsent(id.id().value(), k -> new ArrayList<>(1)).add(person);
                    }
                }
            }
        }
        if (rows == 0) {
            return Optional.empty();
        }
        int registered = -1;
        if (groups != null) {
            registered = 0;
            for (Map.Entry<String, Long> e : personKeys(c, byId.keySet()).entrySet()) {
                List<String> in = groups.of(e.getValue());
                for (int person : byId.get(e.getKey())) {
                    registered++;
                    in.forEach(g -> b.addMembership(person, g));
                }
            }
        }
        return Optional.of(new Survey(Integer.parseInt(surveyPeriod.substring(0, 4)), b.build(), rows, households.size(),
                invalidIds, unknownAreas, registered));
    }

    /** The ledger's person_key of each ID number that the registry holds, looked up in chunks by the unique index. */
    static Map<String, Long> personKeys(Connection c, java.util.Collection<String> idNumbers) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        List<String> ids = new ArrayList<>(idNumbers);
        int chunk = 500;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id_number, person_key FROM person WHERE id_number IN ("
                    + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    /** Pilot indicator 8 as the period's visible (SUCCEEDED) ingestion recorded it; empty when not ingested. */
    public static Optional<DataItems> dataItems(Connection c, Period p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT items_updated, items_total FROM ingest_run WHERE data_period = ? "
                + "AND status = 'SUCCEEDED' AND items_total IS NOT NULL ORDER BY id DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, p.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new DataItems(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    private static String sex(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip()) {
            case "M", "1", "男" -> "M";
            case "F", "2", "女" -> "F";
            default -> null;
        };
    }

    static List<String> notes(Population pop) {
        List<String> out = new ArrayList<>();
        if (pop.withoutFamily() > 0) {
            out.add(pop.withoutFamily() + " residents without a family in family_income counted as one-person families");
        }
        if (pop.familySizeMismatches() > 0) {
            out.add(pop.familySizeMismatches() + " families whose family_income.residents differs from their residents in person_income");
        }
        if (!pop.relationshipKnown()) {
            out.add("no relationship_accuracy in ledger_figure for the period (families not built): pilot indicator 4 left out");
        }
        return out;
    }
}
