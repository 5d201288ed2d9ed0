package org.olive.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.olive.app.account.Account;
import org.olive.app.account.AccountRepository;
import org.olive.app.account.AccountService;
import org.olive.app.account.Role;
import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.olive.app.security.OliveUser;
import org.olive.app.security.OliveUserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Migrations and the account/audit round trip on PostgreSQL, in a fresh schema {@code olive_test_<random>} that is
 * dropped afterwards. Needs a server: by default jdbc:postgresql://127.0.0.1:5432/test as user root without password
 * (override with -Dolive.test.pg.url, -Dolive.test.pg.user, -Dolive.test.pg.password). Run with
 * {@code ./mvnw -Ppostgres verify}; excluded from the default build.
 */
@Tag("postgres")
@SpringBootTest(properties = "olive.demo.accounts=false")
@AutoConfigureMockMvc
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresIntegrationTest {

    static final String URL = System.getProperty("olive.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("olive.test.pg.user", "root");
    static final String PASSWORD = System.getProperty("olive.test.pg.password", "");
    static final String SCHEMA = "olive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    OliveUserDetailsService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void migrationsRunInTheTestSchema() {
        assertThat(jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(flyway.info().applied()).extracting(i -> i.getVersion().getVersion()).contains("1");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = :s AND table_name IN ('account', 'audit_event')""")
                .param("s", SCHEMA).query(Long.class).single()).isEqualTo(2);
        assertThat(accounts.count()).isZero();
    }

    @Test
    @Order(2)
    void accountRoundTrip() {
        accounts.createOrReset("cadre", "菜园镇干部", Role.CADRE, "330922100000", "Pg-harbour-1-5521");
        accounts.createOrReset("analyst", "分析员", Role.ANALYST, null, "Pg-harbour-2-5521");
        assertThat(accounts.count()).isEqualTo(2);
        Account cadre = accounts.find("cadre").orElseThrow();
        assertThat(cadre.townshipCode()).isEqualTo("330922100000");
        assertThat(cadre.displayName()).isEqualTo("菜园镇干部");
        assertThat(cadre.createdAt()).isCloseTo(OffsetDateTime.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(5).toSeconds(), java.time.temporal.ChronoUnit.SECONDS));

        accounts.createOrReset("cadre", "洋山镇干部", Role.CADRE, "330922102000", "Pg-harbour-3-5521");
        assertThat(accounts.count()).isEqualTo(2);
        OliveUser u = (OliveUser) users.loadUserByUsername("cadre");
        assertThat(u.townshipCode()).isEqualTo("330922102000");
        assertThat(encoder.matches("Pg-harbour-3-5521", u.getPassword())).isTrue();
        assertThat(audit.count(AuditAction.ACCOUNT_CREATED)).isEqualTo(2);
        assertThat(audit.count(AuditAction.ACCOUNT_RESET)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void loginsAreAuditedInPostgres() throws Exception {
        mvc.perform(formLogin("/login").user("analyst").password("Pg-harbour-2-5521")).andExpect(authenticated());
        mvc.perform(formLogin("/login").user("analyst").password("wrong")).andExpect(unauthenticated());
        AuditEvent ok = audit.recent(AuditAction.LOGIN_SUCCESS, 1).get(0);
        assertThat(ok.actor()).isEqualTo("analyst");
        assertThat(ok.actorRole()).isEqualTo("ANALYST");
        assertThat(ok.occurredAt()).isNotNull();
        AuditEvent failed = audit.recent(AuditAction.LOGIN_FAILURE, 1).get(0);
        assertThat(failed.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);

        audit.recordView("FAMILY", "F-0001");
        AuditEvent view = audit.recent(1).get(0);
        assertThat(view.action()).isEqualTo(AuditAction.VIEW_PERSONAL_DATA);
        assertThat(view.subjectType()).isEqualTo("FAMILY");
        assertThat(view.subjectId()).isEqualTo("F-0001");
    }
}
