package org.olive.pipeline.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.olive.pipeline.PostgresSchema;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The same contract on PostgreSQL (COPY loading), each test in a throw-away schema. */
@Tag("postgres")
class PostgresPeriodIngestTest extends PeriodIngestContract {

    private final List<PostgresSchema> schemas = new ArrayList<>();

    @Override
    DataSource database() {
        PostgresSchema schema = PostgresSchema.create("olive_test_");
        schemas.add(schema);
        return Databases.migrate(schema.dataSource());
    }

    @AfterEach
    void drop() throws SQLException {
        for (PostgresSchema schema : schemas) {
            schema.close();
        }
        schemas.clear();
    }
}
