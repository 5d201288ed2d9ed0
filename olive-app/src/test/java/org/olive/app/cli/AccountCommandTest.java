package org.olive.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 11 item 12 at the command line: a weak password exits non-zero with one line saying why. */
class AccountCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run create(String password, String... args) {
        CommandLine cl = OliveCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        AccountCommand.Create create = cl.getSubcommands().get("account").getSubcommands().get("create").getCommand();
        create.env = Map.of("OLIVE_PASSWORD", password)::get;
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aCommonPasswordExitsWithTwoAndOneLine() {
        Run r = create("12345678", "account", "create", "--username", "admin", "--role", "ADMIN",
                "--db", "jdbc:h2:mem:account-command-test;DB_CLOSE_DELAY=-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("密码太短：至少需要 10 个字符")
                .doesNotContain("Usage");
    }
}
