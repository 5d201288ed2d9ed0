package org.olive.app.cli;

import org.olive.app.policy.simulation.PolicySimulations;
import org.olive.period.Period;
import org.olive.pipeline.policy.PolicySimulation;
import org.olive.pipeline.policy.PolicySimulationFormat;
import org.olive.policy.reform.Reform;
import org.olive.policy.reform.ReformException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code olive simulate}: the ex-ante simulation of a policy reform (政策施行可预测, docs/policy-simulation.md) over the
 * subjects of a period as its run left them — each policy's beneficiaries and annual cost before and after, by decile,
 * key group and township, the families that gain or lose, and Gini, FGT and the brackets with each family's DI moved by
 * its change. A bad reform file ends with exit 2, naming the file, the line and the reason.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Policy simulation (政策施行可预测): apply a reform (parameters, rules, new policies) to the",
                "policy library and show costs, beneficiaries, winners and losers and the distribution before and after."})
public class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--reform", paramLabel = "FILE|NAME", required = true,
            description = "A reform file (YAML), or the name of one of the profile's (old-age-150, dibian-2-5, fishery-income).")
    String reform;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true,
            description = "The period whose subjects (a run's tables) the reform is simulated over.")
    String period;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output on standard output (default: ${DEFAULT-VALUE}); json prints only the data.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is text or json, not '" + format + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PolicySimulations simulations = new PolicySimulations(county.profile());
        Reform r;
        try {
            r = simulations.reform(reform).orElse(null);
        } catch (ReformException e) {
            err.println("Error: reform " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (r == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reform " + reform + " is neither a file nor "
                    + "a reform of the profile (" + String.join(", ", simulations.reforms().keySet()) + ")");
        }
        PolicySimulation.Result result;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            result = simulations.run(c, r, p);
            if (result.distribution().before().families() == 0) {
                throw new DataException("no income ledger is stored for " + p + " in " + db.describe()
                        + ": run the period's ledgers first (olive run --period " + p + ")");
            }
        } catch (SQLException e) {
            throw new DataException("cannot simulate on " + p + " in " + db.describe() + ": " + e.getMessage(), e);
        }
        err.println("simulation " + r.name() + " at " + p + ": read the subjects in " + result.readMillis()
                + " ms, simulated in " + result.simulateMillis() + " ms " + result.parts());
        err.flush();
        out.print(format.equals("json") ? PolicySimulationFormat.json(result) + "\n"
                : PolicySimulationFormat.text(result, simulations.names()));
        out.flush();
        return 0;
    }
}
