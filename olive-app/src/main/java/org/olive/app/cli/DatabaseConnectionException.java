package org.olive.app.cli;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The database refused the connection (wrong user or password, unknown database, not reachable, in use): the command
 * ends with one line naming the URL and the user, never the password, and exit code 2 (issue 11 item 16).
 */
public class DatabaseConnectionException extends RuntimeException {

    /** Password parameters inside a JDBC URL ({@code ;PASSWORD=…} for H2, {@code ?password=…} for PostgreSQL). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:password|pwd)=)[^;&]*");

    private final String url;
    private final String user;

    public DatabaseConnectionException(String url, String user, SQLException cause) {
        super(message(mask(url), user, cause), cause);
        this.url = mask(url);
        this.user = user;
    }

    /** The URL with any password parameter replaced by {@code ***}. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    static String mask(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** True for SQLSTATE class 28 (invalid authorization: wrong user or password). */
    static boolean isAuthentication(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("28") || e.getErrorCode() == 28000;
    }

    private static String message(String url, String user, SQLException e) {
        String driver = firstLine(e.getMessage());
        String zh = isAuthentication(e) ? "用户名或密码错误" : "无法建立连接";
        String en = isAuthentication(e) ? "wrong user name or password (" + driver + ")" : driver;
        return "无法连接数据库 " + url + "（用户 " + user + "）：" + zh + "。Cannot connect to the database " + url
                + " as user " + user + ": " + en + ". Check --db, --db-user and --db-password ($OLIVE_DB_USER, "
                + "$OLIVE_DB_PASSWORD).";
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "no reason given by the driver";
        }
        String line = s.strip().lines().findFirst().orElse("").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
