package org.olive.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code olive} command line.
 *
 * <p>Exit codes: 0 success, 2 usage error (bad option or argument), 3 a data error stopped the run,
 * 1 any other failure.
 */
@Command(name = "olive", mixinStandardHelpOptions = true, versionProvider = OliveCommand.Version.class,
        description = {"Olive 橄榄 — household income monitoring and analysis for common prosperity (共同富裕).", ""},
        subcommands = {DemoCommand.class, SynthCommand.class, IngestCommand.class, RunCommand.class, IndicatorsCommand.class, FaultsCommand.class, ServeCommand.class, AccountCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error", "3:a data error stopped the run", "1:unexpected failure"})
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
        CommandLine cl = new CommandLine(new OliveCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
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
