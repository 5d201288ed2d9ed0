package org.olive.app.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.olive.geography.Divisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start-up: with {@code olive.demo.accounts=true} creates or resets the four demo accounts with fresh random
 * passwords (or {@code olive.demo.password} if set, for tests) and prints them; otherwise, if there is no account at
 * all, warns that nobody can log in.
 */
@Component
@ConditionalOnWebApplication
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** Township of the demo cadre: 菜园镇. */
    public static final String DEMO_CADRE_TOWNSHIP = "330922100000";

    /** No 0/O, 1/l/I: passwords are read off a terminal and typed by hand. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int PASSWORD_LENGTH = 10;

    /** One demo account. */
    public record Demo(String username, String displayName, Role role, String townshipCode) {
    }

    public static final List<Demo> DEMOS = List.of(
            new Demo("admin", "管理员", Role.ADMIN, null),
            new Demo("analyst", "分析员", Role.ANALYST, null),
            new Demo("cadre", "菜园镇干部", Role.CADRE, DEMO_CADRE_TOWNSHIP),
            new Demo("policy", "政策专员", Role.POLICY_OFFICER, null));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final Divisions divisions;
    private final Environment env;
    private final boolean demo;
    private final String fixedPassword;

    public DemoAccounts(AccountService accounts, PasswordPolicy policy, Divisions divisions, Environment env,
                        @Value("${olive.demo.accounts:false}") boolean demo,
                        @Value("${olive.demo.password:}") String fixedPassword) {
        this.accounts = accounts;
        this.policy = policy;
        this.divisions = divisions;
        this.env = env;
        this.demo = demo;
        this.fixedPassword = fixedPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            List<String[]> rows = new ArrayList<>();
            for (Demo d : DEMOS) {
                String password = fixedPassword.isEmpty() ? randomPassword(policy, d) : fixedPassword;
                accounts.createOrReset(d.username(), d.displayName(), d.role(), d.townshipCode(), password);
                String who = d.displayName()
                        + (d.townshipCode() == null ? "" : " (" + divisions.get(d.townshipCode()).name() + ")");
                rows.add(new String[] {d.username(), d.role().name(), password, who});
            }
            print(System.out, url(), rows);
        } else if (accounts.count() == 0) {
            log.warn("There are no user accounts, so nobody can log in. Create one with `olive account create --username admin "
                    + "--role ADMIN`, or run `olive demo` for the demo accounts (their passwords are printed at start). "
                    + "尚无任何账号，无法登录：请用 `olive account create` 创建账号，或用 `olive demo` 启动演示。");
        }
    }

    String url() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String path = env.getProperty("server.servlet.context-path", "");
        String address = env.getProperty("server.address", "");
        String host = address.isBlank() || address.equals("0.0.0.0") || address.equals("::") ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + path + "/";
    }

    /** A random password that the policy accepts for this account (a random draw may hold "abc" or "2222"). */
    static String randomPassword(PasswordPolicy policy, Demo d) {
        String p;
        do {
            p = randomPassword();
        } while (policy.check(p, d.username(), d.displayName()).isPresent());
        return p;
    }

    static String randomPassword() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Prints the block with URL and accounts; each row is username, role, password, description. */
    static void print(PrintStream out, String url, List<String[]> rows) {
        String line = "=".repeat(72);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(line).append('\n');
        sb.append(" Olive 橄榄 — demo accounts 演示账号\n");
        sb.append(" Open ").append(url).append(" and log in with one of:\n\n");
        sb.append(String.format("   %-10s %-16s %-12s %s%n", "username", "role", "password", ""));
        for (String[] r : rows) {
            sb.append(String.format("   %-10s %-16s %-12s %s%n", r[0], r[1], r[2], r[3]));
        }
        sb.append("\n The passwords are new at every start with --demo and are stored only as hashes.\n");
        sb.append(line).append('\n');
        out.print(sb);
        out.flush();
    }
}
