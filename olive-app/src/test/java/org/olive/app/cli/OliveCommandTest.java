package org.olive.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class OliveCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("serve", "account", "Exit codes", "3", "data error");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][]{{"serve", "--help"}, {"account", "--help"}, {"account", "create", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("--no-such-option").exit()).isEqualTo(2);
        assertThat(run("no-such-command").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
        Run badRole = run("account", "create", "--username", "x", "--role", "MAYOR");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("MAYOR");
        Run badPort = run("serve", "--port", "70000");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port");
        Run badDb = run("serve", "--db", "jdbc:mysql://x/y");
        assertThat(badDb.exit()).isEqualTo(2);
        assertThat(badDb.err()).contains("jdbc:postgresql");
    }

    @Test
    void dataErrorsExitWithThree() {
        CommandLine cl = new CommandLine(new Failing());
        cl.setExecutionExceptionHandler(OliveCommand.commandLine().getExecutionExceptionHandler());
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute()).isEqualTo(OliveCommand.EXIT_DATA_ERROR);
    }

    @CommandLine.Command(name = "failing")
    static class Failing implements Runnable {
        @Override
        public void run() {
            throw new DataException("file x.csv row 3: broken");
        }
    }
}
