package org.olive.pipeline.editing;

import org.olive.editing.Slips;
import org.olive.period.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reading side of the edits (docs/editing.md): the master tables as the income sources must read them, with the
 * amount_edit rows of the window applied. {@link #from(String)} gives a derived table with the same columns and name,
 * where a corrected field holds the edited value, an excluded field is null, and a row whose row field (the row's
 * amount, editing.yaml {@code row: true}) was excluded is left out. {@link #notes(String, String, String)} gives the
 * provenance that the income items built from edited rows carry.
 */
public final class EditedTables {

    /** An edit as the income items cite it. */
    public record Note(String file, long row, String field, double original, Double edited, String rule) {

        @Override
        public String toString() {
            return file + ":" + row + " " + field + " " + Slips.yuan(original) + " → "
                    + (edited == null ? "excluded" : Slips.yuan(edited)) + " (" + rule + ")";
        }
    }

    private final Connection c;
    private final EditingSettings settings;
    /** dataset → fields with edits in the window. */
    private final Map<String, Set<String>> edited = new HashMap<>();
    /** person ID | dataset → edits. */
    private final Map<String, List<Note>> byPerson = new HashMap<>();
    private final Map<String, String> views = new HashMap<>();

    private EditedTables(Connection c, EditingSettings settings) {
        this.c = c;
        this.settings = settings;
    }

    /** No edits at all: every table reads as it is. */
    public static EditedTables none(Connection c) {
        return new EditedTables(c, null);
    }

    /** The edits of the deliveries from..to. */
    public static EditedTables load(Connection c, Period from, Period to, EditingSettings settings) throws SQLException {
        EditedTables t = new EditedTables(c, settings);
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset, field, person_id, source_file, source_row, "
                + "original_value, edited_value, rule_id, rule_version FROM amount_edit WHERE data_period BETWEEN ? AND ? "
                + "ORDER BY dataset, data_period, source_file, source_row, field")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.edited.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                    t.byPerson.computeIfAbsent(rs.getString(3) + "|" + rs.getString(1), k -> new ArrayList<>())
                            .add(new Note(rs.getString(4), rs.getLong(5), rs.getString(2), rs.getBigDecimal(6).doubleValue(),
                                    rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).doubleValue(),
                                    rs.getString(8) + " v" + rs.getInt(9)));
                }
            }
        }
        return t;
    }

    /** The same edits restricted to one delivery (the settings kept; none stays none). */
    public EditedTables delivery(Period d) throws SQLException {
        return settings == null ? none(c) : load(c, d, d, settings);
    }

    /** Whether edits are applied at all (false for {@link #none}). */
    public boolean applied() {
        return settings != null;
    }

    /** The edits of a person's rows of a dataset that feed the income source (editing.yaml {@code feeds}). */
    public List<Note> notes(String personId, String dataset, String source) {
        List<Note> all = byPerson.get(personId + "|" + dataset);
        if (all == null || settings == null) {
            return List.of();
        }
        EditingSettings.Dataset d = settings.datasets().get(dataset);
        return all.stream().filter(n -> d != null && d.fields().containsKey(n.field())
                && d.fields().get(n.field()).feeds().contains(source)).toList();
    }

    public double editedConfidence() {
        return settings == null ? 1 : settings.editedConfidence();
    }

    /** How many edits the window holds. */
    public long size() {
        return byPerson.values().stream().mapToLong(List::size).sum();
    }

    /** The table, or a derived table of the same name and columns with the window's edits applied. */
    public String from(String table) throws SQLException {
        return from(table, null);
    }

    /**
     * The rows of one delivery of the table (all when {@code delivery} is null), with the edits applied: the delivery
     * is selected inside the derived table, so that the database reads only its rows.
     */
    public String from(String table, Period delivery) throws SQLException {
        Set<String> fields = edited.get(table);
        if (fields == null || fields.isEmpty()) {
            return table;
        }
        String v = views.get(table + "|" + delivery);
        if (v != null) {
            return v;
        }
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table: " + table);
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
        }
        EditingSettings.Dataset d = settings.datasets().get(table);
        StringBuilder select = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        StringBuilder where = new StringBuilder();
        int i = 0;
        Map<String, String> alias = new HashMap<>();
        for (String f : fields) {
            if (!columns.contains(f) || !f.matches("[a-z_]+")) {
                continue;
            }
            String a = "e" + i++;
            alias.put(f, a);
            joins.append(" LEFT JOIN amount_edit ").append(a).append(" ON ").append(a).append(".dataset = '").append(table)
                    .append("' AND ").append(a).append(".data_period = t.data_period AND ").append(a)
                    .append(".source_file = t.source_file AND ").append(a).append(".source_row = t.source_row AND ")
                    .append(a).append(".field = '").append(f).append('\'');
            if (d != null && d.fields().containsKey(f) && d.fields().get(f).row()) {
                where.append(where.length() == 0 ? " WHERE " : " AND ").append("(").append(a).append(".action IS NULL OR ")
                        .append(a).append(".action <> 'EXCLUDED')");
            }
        }
        for (String col : columns) {
            select.append(select.length() == 0 ? "" : ", ");
            String a = alias.get(col);
            if (a == null) {
                select.append("t.").append(col);
            } else {
                select.append("CASE WHEN ").append(a).append(".action IS NULL THEN t.").append(col).append(" ELSE ")
                        .append(a).append(".edited_value END AS ").append(col);
            }
        }
        if (delivery != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("t.data_period = '").append(delivery).append('\'');
        }
        v = "(SELECT " + select + " FROM " + table + " t" + joins + where + ") " + table;
        views.put(table + "|" + delivery, v);
        return v;
    }
}
