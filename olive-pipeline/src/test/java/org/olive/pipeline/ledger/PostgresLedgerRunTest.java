package org.olive.pipeline.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.olive.pipeline.PostgresSchema;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The ledger contract on PostgreSQL, in a throw-away schema. */
@Tag("postgres")
class PostgresLedgerRunTest extends LedgerRunContract {

    private PostgresSchema schema;

    @Override
    DataSource database() {
        schema = PostgresSchema.create("olive_ledger_");
        return LedgerCounty.migrate(schema.dataSource());
    }

    @AfterAll
    void drop() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
