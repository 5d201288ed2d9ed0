package org.olive.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code olive} command line. */
@Command(name = "olive", mixinStandardHelpOptions = true, version = "Olive 0.1.0",
        description = "Household income monitoring and analysis for common prosperity.")
public class OliveCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new OliveCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
