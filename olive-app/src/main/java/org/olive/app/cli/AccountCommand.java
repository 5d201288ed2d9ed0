package org.olive.app.cli;

import org.olive.app.OliveWebApplication;
import org.olive.app.account.AccountService;
import org.olive.app.account.Role;
import org.olive.app.account.WeakPasswordException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code olive account}: manage user accounts from the command line (the first admin, password resets). */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = {AccountCommand.Create.class, AccountCommand.ListAccounts.class})
public class AccountCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an account, or reset an existing one (role, township, password).",
                    "The password is read from $OLIVE_PASSWORD, or asked for on the terminal.",
                    "It needs at least 10 characters (olive.password.min-length) and must not be a common or easily",
                    "guessed password (docs/security.md);",
                    "a refused password changes nothing and exits with 2 and one line saying why."})
    static class Create implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        /** The environment ($OLIVE_PASSWORD); replaced in tests. */
        UnaryOperator<String> env = System::getenv;

        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Option(names = "--username", required = true, description = "Login name: lower-case letters, digits, '.', '_', '-'.")
        String username;

        @Option(names = "--name", description = "Display name (default: the username).")
        String displayName;

        @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}.")
        Role role;

        @Option(names = "--township", paramLabel = "CODE", description = "12-digit township code; required for CADRE, e.g. 330922100000 (菜园镇).")
        String township;

        @Override
        public Integer call() {
            String password = env.apply("OLIVE_PASSWORD");
            if (password == null || password.isEmpty()) {
                if (System.console() == null) {
                    throw new IllegalArgumentException("no password: set $OLIVE_PASSWORD or run on a terminal");
                }
                password = new String(System.console().readPassword("Password for %s: ", username));
            }
            try (ConfigurableApplicationContext ctx = context(db)) {
                ctx.getBean(AccountService.class).createOrReset(username, displayName == null ? username : displayName,
                        role, township, password);
            } catch (WeakPasswordException e) {
                // one line, no usage text: the options were right, the password was not
                spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText("Error: " + e.getMessage()));
                return CommandLine.ExitCode.USAGE;
            }
            System.out.println("Account " + username + " (" + role + (township == null ? "" : ", " + township) + ") is ready.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    static class ListAccounts implements Callable<Integer> {
        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = context(db)) {
                ctx.getBean(AccountService.class).findAll().forEach(a -> System.out.printf("%-20s %-15s %-12s %s%n",
                        a.username(), a.role(), a.townshipCode() == null ? "" : a.townshipCode(), a.displayName()));
            }
            return 0;
        }
    }

    /** The application without its web server: database, migrations and services. */
    static ConfigurableApplicationContext context(DatabaseOptions db) {
        return context(db, Map.of());
    }

    /** As {@link #context(DatabaseOptions)}, with extra properties (e.g. the county profile's). */
    static ConfigurableApplicationContext context(DatabaseOptions db, Map<String, Object> extra) {
        db.verifyConnection();
        Map<String, Object> props = new LinkedHashMap<>(db.springProperties());
        props.putAll(extra);
        props.put("spring.main.web-application-type", "none");
        props.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(OliveWebApplication.class).web(WebApplicationType.NONE)
                .run(ServeCommand.asArguments(props));
    }
}
