package org.olive.store.table;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table that rows are bulk-loaded into: its name and the ordered columns a row supplies.
 * Names are checked to be plain SQL identifiers, since they are put into statements.
 */
public record TableSpec(String name, List<Column> columns) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public record Column(String name, ColumnType type, int length, int scale) {
        public Column {
            requireIdentifier(name);
        }

        public static Column text(String name, int length) {
            return new Column(name, ColumnType.TEXT, length, 0);
        }

        public static Column of(String name, ColumnType type) {
            return new Column(name, type, 0, type == ColumnType.DECIMAL ? 2 : 0);
        }
    }

    public TableSpec {
        requireIdentifier(name);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        columns = List.copyOf(columns);
    }

    static void requireIdentifier(String s) {
        if (s == null || !IDENTIFIER.matcher(s).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + s);
        }
    }

    public String columnList() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}
