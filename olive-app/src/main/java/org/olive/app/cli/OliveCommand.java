package org.olive.app.cli;

import java.sql.SQLException;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code olive} command line.
 *
 * <p>Exit codes: 0 success, 2 usage error (bad option or argument, or a database that refuses the connection: one line
 * naming its URL and user), 3 a data error stopped the run,
 * 1 any other failure.
 */
@Command(name = "olive", mixinStandardHelpOptions = true, versionProvider = OliveCommand.Version.class,
        description = {"Olive 橄榄 — household income monitoring and analysis for common prosperity (共同富裕).", ""},
        subcommands = {DemoCommand.class, SynthCommand.class, IngestCommand.class, RunCommand.class, IndicatorsCommand.class, FaultsCommand.class, GroupsCommand.class, WarningsCommand.class, CasesCommand.class, PoliciesCommand.class, OccupationsCommand.class, TagsCommand.class, WhatIfCommand.class, SimulateCommand.class, ServeCommand.class, AccountCommand.class, CountyCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error, or the database refuses the connection", "3:a data error stopped the run", "1:unexpected failure"})
public class OliveCommand implements Runnable {

    public static final int EXIT_DATA_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !ServeCommand.serverRunning()) {
            System.exit(code);
        }
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        // the help of olive run --steps lists the standard run's steps from the one place that assembles them
        System.setProperty("olive.steps", String.join(", ", org.olive.pipeline.ledger.StandardRun.stepNames()));
        CommandLine cl = new CommandLine(new OliveCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            DatabaseConnectionException db = connectionFailure(ex, commandLine);
            if (db != null) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText(db.getMessage()));
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof org.olive.pipeline.county.CountyProfile.ProfileException pe) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + pe.getMessage()));
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof DataException de) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("Data error: " + de.getMessage()));
                return EXIT_DATA_ERROR;
            }
            if (ex instanceof IllegalArgumentException iae) {
                commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + iae.getMessage()));
                commandLine.usage(commandLine.getErr());
                return CommandLine.ExitCode.USAGE;
            }
            commandLine.getErr().println(commandLine.getColorScheme().errorText("Failed: " + ex));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /**
     * The database's refusal behind a failure: a {@link DatabaseConnectionException} in the cause chain, or an
     * authentication {@link SQLException} (SQLSTATE class 28) that got past the check before start, attributed to the
     * command's database options; else null.
     */
    static DatabaseConnectionException connectionFailure(Throwable ex, CommandLine commandLine) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseConnectionException d) {
                return d;
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && DatabaseConnectionException.isAuthentication(e)) {
                for (CommandLine.Model.CommandSpec mixin : commandLine.getCommandSpec().mixins().values()) {
                    if (mixin.userObject() instanceof DatabaseOptions o) {
                        Map<String, Object> p = o.springProperties();
                        return new DatabaseConnectionException((String) p.get("spring.datasource.url"),
                                (String) p.get("spring.datasource.username"), e);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'olive demo' or 'olive --help'");
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OliveCommand.class.getPackage().getImplementationVersion();
            return new String[]{"Olive " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
