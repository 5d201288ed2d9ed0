package org.olive.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.store.table.TableSpec;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migrations create exactly the tables the built-in mappings describe (run MasterSchemaDdl to regenerate). */
class MasterSchemaTest {

    @Test
    void migrationsMatchTheCanonicalSchemas() throws SQLException {
        DataSource ds = Databases.h2Memory();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (DatasetMapping m : BuiltInMappings.all()) {
                TableSpec spec = MasterTables.table(m);
                List<String> actual = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, null, spec.name().toUpperCase(Locale.ROOT), null)) {
                    while (rs.next()) {
                        actual.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + rs.getInt("DATA_TYPE"));
                    }
                }
                List<String> expected = spec.columns().stream()
                        .map(col -> col.name() + " " + col.type().jdbcType()).toList();
                assertThat(actual).as("table %s; expected DDL:%n%s", spec.name(), MasterTables.ddl(m)).containsExactlyElementsOf(expected);
            }
        }
    }
}
