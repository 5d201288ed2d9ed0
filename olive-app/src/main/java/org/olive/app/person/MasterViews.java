package org.olive.app.person;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.FieldType;
import org.olive.ingest.mapping.SubDatabase;
import org.olive.identity.IdNumber;
import org.olive.pipeline.ingest.MasterTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three views of the master database for one person (mission M1): basic (基础信息库), work (工作信息库) and income
 * and expenditure (收支信息库). For every dataset and every ID-number column of it (person_id, husband_id / wife_id,
 * mother_id / father_id, owner_id …, read from the dataset's built-in mapping), the rows of the latest period in
 * which the person appears up to the period the page shows (and, for a cadre, among the periods they may see: see
 * {@code PersonalDataAccess}), each field with its value, and the row's period (its last update) and source file and
 * row. Only visible rows count ({@link MasterTables#VISIBLE}). Crossings are left out: they are many and have no
 * person index; the person page shows the presence reconstructed from them instead.
 */
@Component
public class MasterViews {

    /** Datasets not shown (see the class comment). */
    static final Set<String> SKIPPED = Set.of("crossings");
    /** Rows shown per dataset and ID column at most. */
    static final int MAX_ROWS = 20;

    /** One field of a row: its canonical name, its label (first header of the mapping; null for the repairs) and value. */
    public record Field(String name, String label, String value) {
    }

    /** One source row: its period, file and row number, and its fields. */
    public record SourceRow(String period, String sourceFile, long sourceRow, List<Field> fields) {
    }

    /** The rows of one dataset where the person is named in one ID column. */
    public record DatasetRows(String dataset, String title, String idColumn, String idLabel, List<SourceRow> rows) {
    }

    private final JdbcClient jdbc;

    public MasterViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person's rows by sub-database (in BASIC, WORK, INCOME order; a sub-database without rows maps to an
     * empty list), from periods up to {@code upTo} (null: any) and among {@code periods} (null: any). ID numbers
     * inside the rows are masked unless {@code unmasked}.
     */
    public Map<SubDatabase, List<DatasetRows>> of(String idNumber, boolean unmasked, String upTo,
                                                  List<String> periods) {
        Map<SubDatabase, List<DatasetRows>> out = new EnumMap<>(SubDatabase.class);
        for (SubDatabase s : SubDatabase.values()) {
            out.put(s, new ArrayList<>());
        }
        for (DatasetMapping m : BuiltInMappings.all()) {
            if (SKIPPED.contains(m.dataset())) {
                continue;
            }
            for (FieldSpec idField : m.fields()) {
                if (idField.type() != FieldType.ID_NUMBER) {
                    continue;
                }
                List<SourceRow> rows = rows(m, idField, idNumber, unmasked, upTo, periods);
                if (!rows.isEmpty()) {
                    out.get(m.subDatabase()).add(new DatasetRows(m.dataset(), title(m), idField.name(),
                            idField.headers().get(0), rows));
                }
            }
        }
        return out;
    }

    private List<SourceRow> rows(DatasetMapping m, FieldSpec idField, String idNumber, boolean unmasked, String upTo,
                                 List<String> periods) {
        if (periods != null && periods.isEmpty()) {
            return List.of();
        }
        String table = MasterTables.tableName(m);
        String column = MasterTables.columnName(idField.name());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", idNumber);
        params.put("n", MAX_ROWS);
        String where = "";
        if (upTo != null) {
            where += " AND " + MasterTables.PERIOD + " <= :upTo";
            params.put("upTo", upTo);
        }
        if (periods != null) {
            where += " AND " + MasterTables.PERIOD + " IN (:periods)";
            params.put("periods", periods);
        }
        // newest period first; only that period's rows are shown (the latest state the sources delivered)
        List<SourceRow> all = jdbc.sql("SELECT * FROM " + table + " WHERE " + column + " = :id AND "
                        + MasterTables.VISIBLE + where + " ORDER BY " + MasterTables.PERIOD + " DESC, "
                        + MasterTables.SOURCE_FILE + ", " + MasterTables.SOURCE_ROW + " LIMIT :n")
                .params(params)
                .query((rs, n) -> row(m, rs, unmasked)).list();
        if (all.isEmpty()) {
            return all;
        }
        String latest = all.get(0).period();
        return all.stream().filter(r -> r.period().equals(latest)).toList();
    }

    private static SourceRow row(DatasetMapping m, ResultSet rs, boolean unmasked) throws java.sql.SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
        }
        List<Field> fields = new ArrayList<>();
        for (FieldSpec f : m.fields()) {
            Integer i = columns.get(MasterTables.columnName(f.name()));
            if (i == null) {
                continue;
            }
            Object v = rs.getObject(i);
            String text = v == null ? null : v.toString();
            if (text != null && !unmasked) {
                // the ID columns, and any ID number written into a free-text field (an address, a remark)
                text = f.type() == FieldType.ID_NUMBER ? IdNumber.mask(text) : org.olive.app.ingest.Masking.ids(text);
            }
            fields.add(new Field(f.name(), f.headers().get(0), text));
        }
        Integer defects = columns.get(MasterTables.DEFECTS);
        if (defects != null && rs.getString(defects) != null) {
            String d = rs.getString(defects);
            fields.add(new Field(MasterTables.DEFECTS, null, unmasked ? d : org.olive.app.ingest.Masking.ids(d)));
        }
        return new SourceRow(rs.getString(MasterTables.PERIOD), rs.getString(MasterTables.SOURCE_FILE),
                rs.getLong(MasterTables.SOURCE_ROW), fields);
    }

    private static String title(DatasetMapping m) {
        return m.title() == null || m.title().isBlank() ? m.dataset() : m.title();
    }
}
