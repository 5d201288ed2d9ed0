package org.olive.pipeline.ledger;

import org.olive.family.HukouMember;
import org.olive.identity.IdNumber;
import org.olive.period.Period;
import org.olive.population.Presence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the steps of one ledger run share: the period, the persons seen and their keys, the hukou and floating rows,
 * presence and the lists, and the report (counts, timings, skipped steps). Plus the small helpers the
 * steps have in common.
 */
final class LedgerWork {

    /**
     * The population steps' shared working state, published by step registry. The remaining blackboard of the run:
     * the population steps (registry … families) still share it; steps of other features read typed outputs
     * ({@link org.olive.pipeline.run.LedgerOutputs}) instead.
     */
    static final org.olive.pipeline.run.Output<LedgerWork> OUTPUT = new org.olive.pipeline.run.Output<>("population work", LedgerWork.class);

    final Period period;
    long runId;
    final Map<String, Long> counts;
    final Map<String, Long> millis;
    final Map<String, String> skipped;
    /** ID number → what the registry knows of the person this period. */
    final Map<String, Seen> seen = new HashMap<>();
    /** ID number → person_key. */
    final Map<String, Long> keys = new HashMap<>();
    final List<HukouMember> hukou = new ArrayList<>();
    /** ID number → the person's hukou row (a NORMAL row wins over the others). */
    final Map<String, HukouMember> hukouOf = new HashMap<>();
    /** ID number → the person's latest floating-population registration. */
    final Map<String, FloatingRow> floatingOf = new HashMap<>();
    final Map<String, LocalDate> deaths = new HashMap<>();
    final Set<String> registered = new HashSet<>();
    final Map<String, Presence> presence = new HashMap<>();
    final Set<String> resident = new HashSet<>();
    final Set<String> floatingList = new HashSet<>();
    boolean familiesBuilt;
    /** hukou number → the household's village (core HouseholdVillages); null until the hukou checks ran. */
    Map<String, String> householdVillage;
    /** Source rows the ledgers found faulty this period (table ledger_row_flag), with their evidence. */
    final List<RowFlag> rowFlags = new ArrayList<>();
    /** NO_TRACE cases of the period (step no_trace), persisted with the family step's conflicts. */
    final List<org.olive.family.Conflict> noTrace = new ArrayList<>();
    /** Whether the income step wrote person_income / family_income of the period. */
    boolean incomeBuilt;

    LedgerWork(Period period) {
        this(period, new org.olive.pipeline.run.RunReport());
    }

    /** Work whose counts, timings and skipped steps go to the run's report. */
    LedgerWork(Period period, org.olive.pipeline.run.RunReport report) {
        this.period = period;
        this.counts = report.counts();
        this.millis = report.millis();
        this.skipped = report.skipped();
    }

    /** A person as the registry sees them this period. rank: 0 hukou, 1 floating, 2 other source, 3 the ID itself. */
    static final class Seen {
        final String id;
        String name;
        String sex;
        LocalDate birth;
        int rank = 4;

        Seen(String id) {
            this.id = id;
        }

        void offer(int r, String n, String s, LocalDate b) {
            if (r < rank && (n != null || r == 3)) {
                rank = r;
                name = n;
                if (s != null && !"U".equals(s)) {
                    sex = s;
                }
                if (b != null) {
                    birth = b;
                }
            } else {
                if (sex == null && s != null && !"U".equals(s)) {
                    sex = s;
                }
                if (birth == null && b != null) {
                    birth = b;
                }
            }
        }

        /** Birth date and sex from the ID number where no source gave them. */
        void fillFromId() {
            IdNumber parsed = IdNumber.parse(id).id();
            if (birth == null) {
                birth = parsed.birthDate();
            }
            if (sex == null) {
                sex = parsed.male() ? "M" : "F";
            }
        }
    }

    /** A floating-population registration. */
    record FloatingRow(String personId, String villageCode, String originCode, LocalDate registered, LocalDate ended) {

        /** Registered on or before {@code end} and not ended by then. */
        boolean activeOn(LocalDate end) {
            return (registered == null || !registered.isAfter(end)) && (ended == null || ended.isAfter(end));
        }
    }

    /**
     * A source row the ledgers found faulty: what the row says, what the ledgers use instead (null: the row is left
     * out) and why. sourceFile and sourceRow are those of the master table (the header is row 1).
     */
    record RowFlag(String kind, String dataset, String sourceFile, long sourceRow, String field, String personId,
                   String recordedValue, String usedValue, String conflictKey, String evidence) {

        private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("^(.+?) 第(\\d+)行.*$");

        /** A flag on a hukou row, whose source reads "FILE 第N行" (optionally followed by " (matched)"). */
        static RowFlag onHukou(HukouMember m, String kind, String field, String recorded, String used, String conflictKey,
                               String evidence) {
            java.util.regex.Matcher x = SOURCE.matcher(m.source() == null ? "" : m.source());
            if (!x.matches()) {
                return null;
            }
            return new RowFlag(kind, "hukou", x.group(1), Long.parseLong(x.group(2)), field, m.personId(), recorded, used,
                    conflictKey, evidence);
        }
    }

    Seen see(String id) {
        return seen.computeIfAbsent(id, Seen::new);
    }

    void addHukou(HukouMember m) {
        hukou.add(m);
        HukouMember prev = hukouOf.get(m.personId());
        if (prev == null || (!prev.normal() && m.normal())) {
            hukouOf.put(m.personId(), m);
        }
    }

    void addFloating(FloatingRow f) {
        FloatingRow prev = floatingOf.get(f.personId());
        if (prev == null || (f.registered() != null && (prev.registered() == null || f.registered().isAfter(prev.registered())))) {
            floatingOf.put(f.personId(), f);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The 18-character ID number, or null when the value is missing or not a valid ID number. */
    static String validId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        IdNumber.ParseResult r = IdNumber.parse(raw);
        return r.valid() ? r.id().value() : null;
    }

    static void delete(Connection c, String table, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE data_period = ?")) {
            ps.setString(1, period);
            ps.executeUpdate();
        }
    }

    static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
    }
}
