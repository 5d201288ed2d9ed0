package org.olive.accuracy.faults;

import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.ingest.mapping.FieldType;
import org.olive.pipeline.ingest.MasterTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the pipeline left in the database about source rows, loaded once for the periods compared: the rejects and
 * repairs of the succeeded ingest runs, the files' datasets and encodings, the amount edits; and lookups of master
 * rows by file and row.
 */
public final class Evidence {

    private final Connection c;
    private final String from;
    private final String to;
    /** period|file|row|field → reason. */
    final Map<String, String> rejects = new HashMap<>();
    /** period|file|row → first reason. */
    final Map<String, String> rejectedRows = new HashMap<>();
    /** period|file|row|field → note. */
    final Map<String, String> repairs = new HashMap<>();
    /** period|file → dataset key (e.g. iit). */
    final Map<String, String> datasets = new HashMap<>();
    /** period|file → encoding read. */
    final Map<String, String> encodings = new HashMap<>();
    /** period|file|row → kinds of the ledgers' row findings (ledger_row_flag: STALE_ADDRESS, NAME_VARIANT …). */
    final Map<String, Set<String>> rowFlags = new HashMap<>();

    Evidence(Connection c, String from, String to) throws SQLException {
        this.c = c;
        this.from = from;
        this.to = to;
        String runs = "run_id IN (SELECT id FROM ingest_run WHERE status = 'SUCCEEDED') AND data_period BETWEEN ? AND ?";
        query("SELECT data_period, file_name, source_row, field, reason FROM ingest_reject WHERE " + runs, rs -> {
            String row = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3);
            rejects.putIfAbsent(row + "|" + rs.getString(4), rs.getString(5));
            rejectedRows.putIfAbsent(row, rs.getString(4) + ": " + rs.getString(5));
        });
        query("SELECT data_period, file_name, source_row, field, note FROM ingest_repair WHERE " + runs,
                rs -> repairs.putIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4),
                        rs.getString(5)));
        query("SELECT data_period, file_name, dataset, encoding FROM ingest_file WHERE " + runs, rs -> {
            datasets.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
            encodings.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(4));
        });
        query("SELECT data_period, source_file, source_row, kind FROM ledger_row_flag WHERE data_period BETWEEN ? AND ?",
                rs -> rowFlags.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3),
                        k -> new HashSet<>()).add(rs.getString(4)));
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    void query(String sql, RowHandler h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("BETWEEN ? AND ?")) {
                ps.setString(1, from);
                ps.setString(2, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
        }
    }

    /**
     * How the ingest refused the fault's cell ({@code rejected: reason}) or, failing that, its whole row
     * ({@code row rejected (field: reason)}); empty when it did neither.
     */
    Optional<String> rejection(TruthFault f) {
        String row = key(f);
        String reject = rejects.get(row + "|" + f.field());
        if (reject != null) {
            return Optional.of("rejected: " + reject);
        }
        String whole = rejectedRows.get(row);
        return whole == null ? Optional.empty() : Optional.of("row rejected (" + whole + ")");
    }

    static String key(TruthFault f) {
        return f.period() + "|" + f.file() + "|" + f.row();
    }

    Connection connection() {
        return c;
    }

    /** The built-in mapping of a fault's file, when the file was read. */
    Optional<DatasetMapping> mapping(TruthFault f) {
        String d = datasets.get(f.period() + "|" + f.file());
        if (d == null || !BuiltInMappings.DATASETS.contains(d)) {
            return Optional.empty();
        }
        return Optional.of(BuiltInMappings.get(d));
    }

    /** The canonical field of a header of the mapping. */
    static Optional<String> canonical(DatasetMapping m, String header) {
        for (FieldSpec f : m.fields()) {
            if (f.name().equals(header) || f.headers().contains(header)) {
                return Optional.of(MasterTables.columnName(f.name()));
            }
        }
        return Optional.empty();
    }

    /** The first ID-number column of a mapping (the person the row is about). */
    static Optional<String> idColumn(DatasetMapping m) {
        return m.fields().stream().filter(f -> f.type() == FieldType.ID_NUMBER).findFirst()
                .map(f -> MasterTables.columnName(f.name()));
    }

    /**
     * Master rows of the faults' files: period|file|row → the values of the columns asked for (null when the row was
     * not loaded). One query per file.
     */
    Map<String, String[]> masterRows(Collection<TruthFault> faults, DatasetMapping m, List<String> columns)
            throws SQLException {
        Map<String, Set<Long>> byFile = new HashMap<>();
        for (TruthFault f : faults) {
            byFile.computeIfAbsent(f.period() + "|" + f.file(), k -> new TreeSet<>()).add(f.row());
        }
        Map<String, String[]> out = new HashMap<>();
        String table = MasterTables.tableName(m);
        for (Map.Entry<String, Set<Long>> e : byFile.entrySet()) {
            String[] pf = e.getKey().split("\\|", 2);
            List<Long> rows = new ArrayList<>(e.getValue());
            for (int i = 0; i < rows.size(); i += 500) {
                List<Long> chunk = rows.subList(i, Math.min(rows.size(), i + 500));
                StringBuilder sql = new StringBuilder("SELECT source_row");
                for (String col : columns) {
                    sql.append(", CAST(").append(col).append(" AS VARCHAR(1000))");
                }
                sql.append(" FROM ").append(table).append(" WHERE ").append(MasterTables.VISIBLE)
                        .append(" AND data_period = ? AND source_file = ? AND source_row IN (");
                for (int j = 0; j < chunk.size(); j++) {
                    sql.append(j == 0 ? "?" : ", ?");
                }
                sql.append(')');
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ps.setString(1, pf[0]);
                    ps.setString(2, pf[1]);
                    for (int j = 0; j < chunk.size(); j++) {
                        ps.setLong(3 + j, chunk.get(j));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String[] v = new String[columns.size()];
                            for (int k = 0; k < v.length; k++) {
                                v[k] = rs.getString(2 + k);
                            }
                            out.put(e.getKey() + "|" + rs.getLong(1), v);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** ID number → person_key and name of the registry. */
    Map<String, Object[]> persons(Collection<String> ids) throws SQLException {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Object[]> out = new HashMap<>();
        query("SELECT id_number, person_key, name FROM person", rs -> {
            if (wanted.contains(rs.getString(1))) {
                out.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getString(3)});
            }
        });
        return out;
    }
}
