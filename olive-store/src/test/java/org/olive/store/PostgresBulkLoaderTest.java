package org.olive.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@Tag("postgres")
class PostgresBulkLoaderTest extends BulkLoaderContract {

    private final List<String> schemas = new ArrayList<>();

    @Override
    Connection connection() throws SQLException {
        String schema = PostgresTestDatabase.newSchemaName();
        schemas.add(schema);
        return PostgresTestDatabase.connectToFreshSchema(schema);
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String s : schemas) {
            PostgresTestDatabase.drop(s);
        }
    }
}
