package org.olive.pipeline.indicator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Reads and writes {@code indicator_value} (migration V5) with plain JDBC. Writing only appends; the value of an
 * indicator in a year is the latest row of its latest period in that year (a whole-year row before any month or
 * quarter), so corrections replace a value without erasing it.
 */
public final class IndicatorValues {

    /** Longest note stored; longer notes are refused, not cut. */
    public static final int MAX_NOTE = 500;

    private final DataSource dataSource;
    private final Clock clock;

    public IndicatorValues(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public IndicatorValues(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends a value; {@code id} and {@code enteredAt} of the argument are ignored (now is used).
     *
     * @return the stored value with its id and time
     * @throws IllegalArgumentException when an entered value has no {@code enteredBy} or the note is too long
     */
    public IndicatorValue add(IndicatorValue v) {
        if (v.source() == ValueSource.ENTERED && (v.enteredBy() == null || v.enteredBy().isBlank())) {
            throw new IllegalArgumentException("an entered value needs the account that entered it");
        }
        if (v.note() != null && v.note().length() > MAX_NOTE) {
            throw new IllegalArgumentException("note is " + v.note().length() + " characters; at most " + MAX_NOTE);
        }
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            return append(c, v, at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store value of indicator " + v.indicatorId() + " for "
                    + v.period() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends a value on a connection the caller holds (and commits), e.g. inside the ledger run's transaction; no
     * check of {@code enteredBy} or the note beyond the table's own constraints.
     *
     * @return the stored value with its id and the given time
     */
    public static IndicatorValue append(Connection c, IndicatorValue v, OffsetDateTime at) throws SQLException {
        String note = v.note() == null || v.note().isBlank() ? null : v.note().strip();
        String sql = "INSERT INTO indicator_value (indicator_id, period_year, period, figure, source, entered_by, entered_at,"
                + " note, registry_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, v.indicatorId());
            ps.setInt(2, v.period().year());
            ps.setString(3, v.period().text());
            ps.setBigDecimal(4, v.value());
            ps.setString(5, v.source().name());
            ps.setString(6, v.enteredBy());
            ps.setObject(7, at);
            ps.setString(8, note);
            ps.setString(9, v.registryVersion());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new IndicatorValue(keys.getLong(1), v.indicatorId(), v.period(), v.value(), v.source(),
                        v.enteredBy(), at, note, v.registryVersion());
            }
        }
    }

    /** The latest stored value of an indicator and period from one source, on a connection the caller holds. */
    public static java.util.Optional<IndicatorValue> latest(Connection c, String indicatorId, ValuePeriod period, ValueSource source)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM indicator_value WHERE indicator_id = ? AND period = ? "
                + "AND source = ? ORDER BY id DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, indicatorId);
            ps.setString(2, period.text());
            ps.setString(3, source.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(row(rs)) : java.util.Optional.empty();
            }
        }
    }

    /** Every stored value of an indicator, oldest first (the full history, corrections included). */
    public List<IndicatorValue> history(String indicatorId) {
        return query("SELECT * FROM indicator_value WHERE indicator_id = ? ORDER BY id", indicatorId);
    }

    /** The value of each year of one indicator, by year. */
    public TreeMap<Integer, IndicatorValue> byYear(String indicatorId) {
        return latestPerYear(history(indicatorId));
    }

    /** The value of each year of every indicator that has values: indicator id → year → value. */
    public Map<String, TreeMap<Integer, IndicatorValue>> all() {
        Map<String, List<IndicatorValue>> rows = new LinkedHashMap<>();
        for (IndicatorValue v : query("SELECT * FROM indicator_value ORDER BY indicator_id, id")) {
            rows.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v);
        }
        Map<String, TreeMap<Integer, IndicatorValue>> out = new LinkedHashMap<>();
        rows.forEach((id, list) -> out.put(id, latestPerYear(list)));
        return out;
    }

    /** The latest {@code limit} values entered by hand, newest first. */
    public List<IndicatorValue> recentEntries(int limit) {
        return query(limit, "SELECT * FROM indicator_value WHERE source = ? ORDER BY id DESC",
                ValueSource.ENTERED.name());
    }

    private static TreeMap<Integer, IndicatorValue> latestPerYear(List<IndicatorValue> rowsInIdOrder) {
        TreeMap<Integer, IndicatorValue> out = new TreeMap<>();
        for (IndicatorValue v : rowsInIdOrder) {
            IndicatorValue current = out.get(v.period().year());
            if (current == null || v.period().compareTo(current.period()) >= 0) {
                out.put(v.period().year(), v);
            }
        }
        return out;
    }

    private List<IndicatorValue> query(String sql, String... params) {
        return query(0, sql, params);
    }

    private List<IndicatorValue> query(int maxRows, String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(maxRows);
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<IndicatorValue> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read indicator values: " + e.getMessage(), e);
        }
    }

    private static IndicatorValue row(ResultSet rs) throws SQLException {
        return new IndicatorValue(rs.getLong("id"), rs.getString("indicator_id"), ValuePeriod.parse(rs.getString("period")),
                rs.getBigDecimal("figure"), ValueSource.valueOf(rs.getString("source")), rs.getString("entered_by"),
                rs.getObject("entered_at", OffsetDateTime.class), rs.getString("note"), rs.getString("registry_version"));
    }

    /** Convenience for the evaluator: the plain values of an indicator by year. */
    public static Map<Integer, BigDecimal> values(Map<Integer, IndicatorValue> byYear) {
        Map<Integer, BigDecimal> out = new TreeMap<>();
        byYear.forEach((y, v) -> out.put(y, v.value()));
        return out;
    }
}
