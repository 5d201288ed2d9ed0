package org.olive.pipeline.run;

import org.olive.period.Period;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deliveries (ingested periods) a step's monthly facts are built from (docs/monthly-facts.md): which periods have
 * a succeeded ingest run, and which run, so that a fact table can tell whether its rows of a delivery are still those
 * of the delivery's current data.
 */
public final class Deliveries {

    private Deliveries() {
    }

    /** Period → the id of its latest succeeded ingest run, for the periods from..to that have one, in order. */
    public static Map<Period, Long> succeeded(Connection c, Period from, Period to) throws SQLException {
        Map<Period, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, MAX(id) FROM ingest_run WHERE status = 'SUCCEEDED' "
                + "AND data_period BETWEEN ? AND ? GROUP BY data_period")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(Period.parse(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** A short digest (SHA-256, 32 hex digits) of a text, for stamps. */
    public static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stamp stored for a delivery in a table of (data_period, [kind,] stamp), or null. */
    public static String stamp(Connection c, String table, Period delivery, String kind) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table: " + table);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT stamp FROM " + table + " WHERE data_period = ?"
                + (kind == null ? "" : " AND kind = ?"))) {
            ps.setString(1, delivery.toString());
            if (kind != null) {
                ps.setString(2, kind);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
