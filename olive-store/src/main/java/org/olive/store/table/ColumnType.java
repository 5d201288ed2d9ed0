package org.olive.store.table;

/** Portable column types: each maps to SQL that means the same on H2 2.x and PostgreSQL. */
public enum ColumnType {
    TEXT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP, BOOLEAN;

    /** The SQL type for DDL; {@code length} applies to TEXT (VARCHAR), {@code scale} to DECIMAL. */
    public String sql(int length, int scale) {
        return switch (this) {
            case TEXT -> "VARCHAR(" + (length > 0 ? length : 255) + ")";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "NUMERIC(18," + scale + ")";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    /** The {@link java.sql.Types} code for binding nulls. */
    public int jdbcType() {
        return switch (this) {
            case TEXT -> java.sql.Types.VARCHAR;
            case INTEGER -> java.sql.Types.INTEGER;
            case BIGINT -> java.sql.Types.BIGINT;
            case DECIMAL -> java.sql.Types.NUMERIC;
            case DATE -> java.sql.Types.DATE;
            case TIMESTAMP -> java.sql.Types.TIMESTAMP;
            case BOOLEAN -> java.sql.Types.BOOLEAN;
        };
    }
}
