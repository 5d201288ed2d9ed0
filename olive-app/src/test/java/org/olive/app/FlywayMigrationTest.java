package org.olive.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations run on the test's in-memory H2 (never ./data). */
@OliveWebTest
class FlywayMigrationTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void allMigrationsAreAppliedOnH2() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(i -> i.getVersion().getVersion()).contains("1");
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).allMatch(s -> s == MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        String url = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData().getURL())
                .single();
        assertThat(url).startsWith("jdbc:h2:mem:");
    }

    @Test
    void tablesExist() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }
}
