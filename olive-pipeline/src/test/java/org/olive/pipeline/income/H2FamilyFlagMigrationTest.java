package org.olive.pipeline.income;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** V17 on H2. */
class H2FamilyFlagMigrationTest extends FamilyFlagMigrationContract {

    @Override
    DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:flags-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
