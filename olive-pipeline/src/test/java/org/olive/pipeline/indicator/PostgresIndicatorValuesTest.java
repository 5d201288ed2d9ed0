package org.olive.pipeline.indicator;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.olive.pipeline.PostgresSchema;

/** The indicator value store on PostgreSQL, in a throw-away schema. */
@Tag("postgres")
class PostgresIndicatorValuesTest extends IndicatorValuesContract {

    private PostgresSchema schema;

    @Override
    DataSource database() {
        schema = PostgresSchema.create("olive_indicator_");
        return schema.dataSource();
    }

    @AfterAll
    void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
