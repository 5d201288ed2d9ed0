package org.olive.app.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code account}, through plain JDBC. */
@Repository
public class AccountRepository {

    /** An account with its password hash, for authentication only. */
    public record Credentials(Account account, String passwordHash) {
    }

    private static final String COLUMNS =
            "id, username, display_name, role, township_code, enabled, created_at, updated_at";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public List<Account> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY username").query(AccountRepository::account).list();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = :u")
                .param("u", username).query(AccountRepository::account).optional();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Credentials(account(rs, n), rs.getString("password_hash"))).optional();
    }

    public void insert(String username, String displayName, Role role, String townshipCode, String passwordHash,
                       OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO account (username, display_name, role, township_code, password_hash, enabled, created_at, updated_at)
                VALUES (:username, :displayName, :role, :township, :hash, TRUE, :now, :now)""")
                .param("username", username).param("displayName", displayName).param("role", role.name())
                .param("township", townshipCode).param("hash", passwordHash).param("now", now)
                .update();
    }

    /** Resets everything but the username and creation time, and enables the account. */
    public int reset(String username, String displayName, Role role, String townshipCode, String passwordHash,
                     OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE account SET display_name = :displayName, role = :role, township_code = :township,
                       password_hash = :hash, enabled = TRUE, updated_at = :now
                WHERE username = :username""")
                .param("username", username).param("displayName", displayName).param("role", role.name())
                .param("township", townshipCode).param("hash", passwordHash).param("now", now)
                .update();
    }

    private static Account account(ResultSet rs, int rowNum) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("township_code"), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
