package org.olive.app.cli;

import org.olive.app.ingest.Masking;
import org.olive.period.Period;
import org.olive.pipeline.policy.PolicyReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code olive policies}: the policy ledger (政策一本账) of a period as step policies stored it (docs/policies.md): per
 * policy the eligible, covered, missed and leakage counts and the money, pilot indicator 7 of the latest quarter, and
 * with {@code --policy} every entry with its status, amount, receipts and evidence. ID numbers are masked.
 */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = {"The policy ledger (政策一本账) of a period: per policy the eligible, covered, missed (push list)",
                "and leakage counts and amounts, pilot indicator 7; with --policy every entry with its evidence."})
public class PoliciesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--policy", paramLabel = "CODE", description = "List this policy's entries (a code of policies.yaml).")
    String policy;

    @Option(names = "--township", paramLabel = "CODE", description = "Only this township (9 or 12 digits).")
    String township;

    @Option(names = "--out", paramLabel = "FILE", description = "With --format xlsx or pdf: the statistical report "
            + "(政策落实情况统计报告, in Chinese; aggregates only) is written to FILE.")
    java.nio.file.Path out;

    @Option(names = "--evaluate", description = {"Evaluate --policy ex post (matched difference-in-differences of the "
            + "families first paid it against eligible non-recipients, docs/policy-evaluation.md) with the ledger up to "
            + "--period; text or json."})
    boolean evaluate;

    @Override
    public Integer call() {
        Period p = report.period();
        String format = report.format(List.of("text", "json", "csv", "xlsx", "pdf"));
        if ((format.equals("xlsx") || format.equals("pdf")) != (out != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out FILE goes with --format xlsx or pdf, "
                    + "and only with them");
        }
        var profile = county.profile();
        String town = report.township("--township", township, profile);
        if (policy != null && profile.policies().policy(policy).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--policy " + policy + " is not a policy of the "
                    + "profile's policies.yaml; its codes: " + profile.policies().codes());
        }
        if (evaluate) {
            if (policy == null || format.equals("csv")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--evaluate needs --policy CODE and --format "
                        + "text or json");
            }
            org.olive.pipeline.policy.PolicyEvaluations.Evaluation ev;
            try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
                 Connection c = ctx.getBean(DataSource.class).getConnection()) {
                ev = org.olive.pipeline.policy.PolicyEvaluations.evaluate(c, profile.policies().policy(policy).orElseThrow(),
                        p, org.olive.policy.evaluation.EvaluationOptions.defaults());
            } catch (SQLException e) {
                throw new DataException("cannot evaluate " + policy + " from " + db.describe() + ": " + e.getMessage(), e);
            }
            ReportOptions.print(format.equals("json") ? ev.toJson() + "\n" : ev.toText());
            return ev.result() == null ? 1 : 0;
        }
        if (out != null) {
            org.olive.app.policy.report.PolicyStatistics stats;
            try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
                 Connection c = ctx.getBean(DataSource.class).getConnection()) {
                stats = org.olive.app.policy.report.PolicyStatistics.read(c, profile, p);
            } catch (SQLException e) {
                throw new DataException("cannot read the policy ledger of " + p + " from " + db.describe() + ": "
                        + e.getMessage(), e);
            }
            if (!stats.stored()) {
                throw new DataException("no policy ledger is stored for " + p + " in " + db.describe()
                        + ": run the period's ledgers first (olive run --period " + p + ")");
            }
            try {
                java.nio.file.Files.write(out, format.equals("xlsx") ? stats.xlsx() : stats.pdf());
            } catch (java.io.IOException e) {
                throw new DataException("cannot write " + out + ": " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new DataException(e.getMessage(), e);
            }
            System.err.println("wrote " + out);
            return 0;
        }
        PolicyReport ledger;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            ledger = PolicyReport.read(c, profile.policies(), p, town, policy);
        } catch (SQLException e) {
            throw new DataException("cannot read the policy ledger of " + p + " from " + db.describe() + ": " + e.getMessage(), e);
        }
        if (!ledger.stored()) {
            throw new DataException("no policy ledger is stored for " + p + " in " + db.describe()
                    + ": run the period's ledgers first (olive run --period " + p + ")");
        }
        ReportOptions.print(Masking.ids(switch (format) {
            case "json" -> ledger.toJson() + "\n";
            case "csv" -> ledger.toCsv();
            default -> ledger.toText();
        }));
        return 0;
    }
}
