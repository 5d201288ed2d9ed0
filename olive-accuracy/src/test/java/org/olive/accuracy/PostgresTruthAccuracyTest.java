package org.olive.accuracy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.olive.pipeline.PostgresSchema;
import org.olive.pipeline.ledger.LedgerCounty;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The accuracy contract on PostgreSQL, in a throw-away schema. */
@Tag("postgres")
class PostgresTruthAccuracyTest extends TruthAccuracyContract {

    private PostgresSchema schema;

    @Override
    DataSource database() {
        schema = PostgresSchema.create("olive_accuracy_");
        return LedgerCounty.migrate(schema.dataSource());
    }

    @AfterAll
    void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
