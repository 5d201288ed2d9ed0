package org.olive.pipeline.income;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.olive.pipeline.PostgresSchema;

import javax.sql.DataSource;
import java.sql.SQLException;

/** V17 on PostgreSQL, in a throw-away schema. */
@Tag("postgres")
class PostgresFamilyFlagMigrationTest extends FamilyFlagMigrationContract {

    private PostgresSchema schema;

    @Override
    DataSource database() {
        schema = PostgresSchema.create("olive_flags_");
        return schema.dataSource();
    }

    @AfterEach
    void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
