package org.olive.pipeline.ingest;

import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldSpec;
import org.olive.store.table.ColumnType;
import org.olive.store.table.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The master database's tables, one per dataset, derived from the dataset's built-in mapping (its canonical
 * schema). A table is named {@code <sub-database>_<dataset>} ({@code basic_hukou}, {@code work_bnb},
 * {@code income_iit}) and has, before the dataset's fields, the provenance of every row: the delivery period,
 * the ingest run, the source file and row; after them, the repairs made to the row.
 *
 * <p>Canonical field names that are SQL keywords on H2 or PostgreSQL get a column name of their own
 * ({@link #RENAMED}); everything else keeps its name.
 */
public final class MasterTables {

    /** Canonical field → column name, for field names that are reserved words in H2 or PostgreSQL. */
    public static final Map<String, String> RENAMED = Map.of(
            "month", "month_period", "year", "year_no", "timestamp", "event_time", "date", "event_date",
            "use", "use_kind", "value", "value_text", "key", "key_text", "user", "user_name");

    public static final String PERIOD = "data_period";
    public static final String RUN_ID = "run_id";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_ROW = "source_row";
    public static final String DEFECTS = "defects";

    /**
     * The condition every reader of a dataset table must apply: rows count only while the run that loaded them is
     * SUCCEEDED (see {@link PeriodIngest}); rows of a run still loading, interrupted, failed or superseded do not.
     */
    public static final String VISIBLE = RUN_ID + " IN (SELECT id FROM ingest_run WHERE status = 'SUCCEEDED')";

    /** Default width of a text field whose mapping sets no max_length. */
    static final int DEFAULT_TEXT_LENGTH = 500;

    private MasterTables() {
    }

    public static String tableName(DatasetMapping mapping) {
        return mapping.subDatabase().name().toLowerCase(java.util.Locale.ROOT) + "_" + mapping.dataset();
    }

    public static String columnName(String field) {
        return RENAMED.getOrDefault(field, field);
    }

    /** The table of a dataset: provenance columns, one column per field in mapping order, then the defects. */
    public static TableSpec table(DatasetMapping mapping) {
        List<TableSpec.Column> cols = new ArrayList<>();
        cols.add(TableSpec.Column.text(PERIOD, 7));
        cols.add(TableSpec.Column.of(RUN_ID, ColumnType.BIGINT));
        cols.add(TableSpec.Column.text(SOURCE_FILE, 255));
        cols.add(TableSpec.Column.of(SOURCE_ROW, ColumnType.BIGINT));
        for (FieldSpec f : mapping.fields()) {
            cols.add(column(f));
        }
        cols.add(TableSpec.Column.text(DEFECTS, 1000));
        return new TableSpec(tableName(mapping), cols);
    }

    static TableSpec.Column column(FieldSpec f) {
        String name = columnName(f.name());
        return switch (f.type()) {
            case TEXT -> TableSpec.Column.text(name, f.maxLength() > 0 ? f.maxLength() : DEFAULT_TEXT_LENGTH);
            case INTEGER -> TableSpec.Column.of(name, ColumnType.BIGINT);
            case DECIMAL -> new TableSpec.Column(name, ColumnType.DECIMAL, 0, 4);
            case AMOUNT -> new TableSpec.Column(name, ColumnType.DECIMAL, 0, 2);
            case DATE -> TableSpec.Column.of(name, ColumnType.DATE);
            case DATETIME -> TableSpec.Column.of(name, ColumnType.TIMESTAMP);
            case MONTH -> TableSpec.Column.text(name, 7);
            case ID_NUMBER, CREDIT_CODE -> TableSpec.Column.text(name, 18);
            case RELATION -> TableSpec.Column.text(name, 4);
            case DIVISION -> TableSpec.Column.text(name, 12);
            case OCCUPATION -> TableSpec.Column.text(name, 20);
            case INDUSTRY -> TableSpec.Column.text(name, 8);
            case CODE -> TableSpec.Column.text(name, 40);
        };
    }

    /**
     * The DDL of a table and its index on the period. No index on ID numbers: on H2 the random inserts into such an
     * index made the crossings load 4× slower and its file 6× larger (docs/benchmarks.md); the ledgers that join on
     * ID numbers add the indexes they need in their own migrations.
     */
    public static String ddl(DatasetMapping mapping) {
        TableSpec t = table(mapping);
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (\n");
        for (int i = 0; i < t.columns().size(); i++) {
            TableSpec.Column c = t.columns().get(i);
            boolean notNull = i < 4;
            sb.append("    ").append(String.format("%-24s", c.name())).append(c.type().sql(c.length(), c.scale()))
                    .append(notNull ? " NOT NULL" : "").append(i < t.columns().size() - 1 ? ",\n" : "\n");
        }
        sb.append(");\n");
        sb.append("CREATE INDEX ix_").append(t.name()).append("_period ON ").append(t.name()).append(" (").append(PERIOD).append(");\n");
        return sb.toString();
    }
}
