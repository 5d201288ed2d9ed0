package org.olive.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

class H2BulkLoaderTest extends BulkLoaderContract {
    @Override
    Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "");
    }
}
