package org.olive.app.cli;

import org.olive.app.ingest.Masking;
import org.olive.app.whatif.WhatIfs;
import org.olive.period.Period;
import org.olive.pipeline.whatif.WhatIf;
import org.olive.pipeline.whatif.WhatIfFormat;
import org.olive.pipeline.whatif.WhatIfResult;
import org.olive.pipeline.whatif.WhatIfRuns;
import org.olive.whatif.Scenario;
import org.olive.whatif.ScenarioException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code olive whatif}: a what-if scenario (重大变量影响, docs/whatif.md) over the stored ledger of a period — the
 * measures before and after by county, township and group, the families that change colour or flags with their
 * reasons, the change of the gap cost at the 低保 standard; {@code --save} keeps the run, {@code --list} and
 * {@code --compare ID1,ID2} show saved runs. A bad scenario file ends with exit 2, naming the file, the line and the
 * reason.
 */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"What if (重大变量影响): apply a scenario's shocks (income components or sources, by group, area and",
                "month; or the 低保 standard) to the stored ledger of a period and show the indicators, Gini, poverty",
                "(FGT 0,1,2) before and after, the families that change colour or bracket, and the cost of the new gaps."})
public class WhatIfCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Mixin
    CountyOption county = new CountyOption();

    @Option(names = "--scenario", paramLabel = "FILE|NAME",
            description = "A scenario file (YAML), or the name of one of the profile's examples (moratorium, typhoon, dibao-raise).")
    String scenario;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "The period whose stored ledger is shocked.")
    String period;

    @Option(names = "--format", paramLabel = "text|json|csv", defaultValue = "text",
            description = "Output on standard output (default: ${DEFAULT-VALUE}); json and csv print only the data.")
    String format;

    @Option(names = "--save", description = "Save the run (table whatif_run) and print its id on standard error.")
    boolean save;

    @Option(names = "--list", description = "List the saved runs.")
    boolean list;

    @Option(names = "--compare", paramLabel = "ID1,ID2", split = ",", description = "Compare two saved runs side by side.")
    List<Long> compare;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json") && !format.equals("csv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is text, json or csv, not '" + format + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list || compare != null) {
            return saved(out);
        }
        if (scenario == null || period == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario and --period are needed "
                    + "(or --list, or --compare ID1,ID2)");
        }
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        WhatIfs whatIfs = new WhatIfs(county.profile());
        Scenario s;
        try {
            s = whatIfs.scenario(scenario).orElse(null);
        } catch (ScenarioException e) {
            err.println("Error: scenario " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (s == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario " + scenario + " is neither a file "
                    + "nor an example of the profile (" + String.join(", ", whatIfs.examples().keySet()) + ")");
        }
        WhatIfResult r;
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            WhatIf engine = whatIfs.engine();
            WhatIf.Ledger ledger = engine.read(c, p, s);
            if (ledger.families().isEmpty()) {
                throw new DataException("no income ledger is stored for " + p + " in " + db.describe()
                        + ": run the period's ledgers first (olive run --period " + p + ")");
            }
            err.println("read " + ledger.parts() + " ms");
            r = engine.run(ledger, s, whatIfs.townshipNames(), whatIfs.groupNames());
            if (save) {
                long id = WhatIfRuns.save(c, s.text(), r, "cli", Instant.now());
                err.println("saved as what-if run " + id);
            }
        } catch (SQLException e) {
            throw new DataException("cannot run the what-if on " + p + " in " + db.describe() + ": " + e.getMessage(), e);
        }
        err.println("what-if " + s.name() + " at " + p + ": read the ledger in " + r.readMillis() + " ms, ran in "
                + r.runMillis() + " ms");
        err.flush();
        // ID numbers can only be in the changed families' reasons (the warning rules' evidence): masked there, not over
        // the whole output, where a long decimal would look like one
        r = masked(r);
        out.print(switch (format) {
            case "json" -> WhatIfFormat.json(r) + "\n";
            case "csv" -> WhatIfFormat.csv(r);
            default -> WhatIfFormat.text(r);
        });
        out.flush();
        return 0;
    }

    static WhatIfResult masked(WhatIfResult r) {
        return new WhatIfResult(r.scenario(), r.title(), r.period(), r.shocks(), r.notes(), r.affectedFamilies(),
                r.affectedPersons(), r.deltas(), r.colourChanges(), r.rows(), r.changes().stream().map(x ->
                new WhatIfResult.Change(x.familyKey(), x.township(), x.residents(), x.perCapitaBefore(),
                        x.perCapitaAfter(), x.colourBefore(), x.colourAfter(), x.flagsBefore(), x.flagsAfter(),
                        x.reasons().stream().map(Masking::ids).toList())).toList(), r.readMillis(), r.runMillis());
    }

    private int saved(PrintWriter out) {
        try (ConfigurableApplicationContext ctx = AccountCommand.context(db, county.springProperties());
             Connection c = ctx.getBean(DataSource.class).getConnection()) {
            if (compare != null) {
                if (compare.size() != 2) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--compare takes two ids: ID1,ID2");
                }
                List<WhatIfRuns.Saved> runs = new ArrayList<>();
                for (long id : compare) {
                    runs.add(WhatIfRuns.get(c, id).orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(), "no saved what-if run " + id + " (olive whatif --list)")));
                }
                WhatIfRuns.Comparison cmp = WhatIfRuns.compare(runs.get(0), runs.get(1));
                out.print(switch (format) {
                    case "json" -> WhatIfFormat.json(Map.of("first", head(cmp.first()), "second", head(cmp.second()),
                            "county", cmp.county())) + "\n";
                    case "csv" -> comparisonCsv(cmp);
                    default -> comparisonText(cmp);
                });
            } else {
                List<WhatIfRuns.Saved> runs = WhatIfRuns.list(c, 100);
                out.print(switch (format) {
                    case "json" -> WhatIfFormat.json(runs.stream().map(WhatIfCommand::head).toList()) + "\n";
                    default -> {
                        StringBuilder sb = new StringBuilder(format.equals("csv")
                                ? "id,scenario,period,created_at,username,changed_families,gap_cost_change\n" : "");
                        for (WhatIfRuns.Saved x : runs) {
                            sb.append(String.join(format.equals("csv") ? "," : "  ", String.valueOf(x.id()),
                                    org.olive.export.SpreadsheetCell.csv(x.scenario()), x.period(),
                                    x.createdAt().toString(), org.olive.export.SpreadsheetCell.csv(x.username()),
                                    String.valueOf(x.changedFamilies()), WhatIfFormat.json(x.gapCostChange()).trim()))
                                    .append('\n');
                        }
                        yield sb.toString();
                    }
                });
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            throw new DataException("cannot read the saved what-if runs from " + db.describe() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> head(WhatIfRuns.Saved x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", x.id());
        m.put("scenario", x.scenario());
        m.put("period", x.period());
        m.put("createdAt", x.createdAt().toString());
        m.put("username", x.username());
        m.put("changedFamilies", x.changedFamilies());
        m.put("gapCostChange", x.gapCostChange());
        return m;
    }

    private static String comparisonText(WhatIfRuns.Comparison cmp) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %16s %16s %16s %16s%n", "county measure", "#" + cmp.first().id() + " before",
                "#" + cmp.first().id() + " after", "#" + cmp.second().id() + " before", "#" + cmp.second().id() + " after"));
        sb.append(String.format("%-28s %33s %33s%n", "", cmp.first().scenario() + " " + cmp.first().period(),
                cmp.second().scenario() + " " + cmp.second().period()));
        for (String[] r : cmp.county()) {
            sb.append(String.format("%-28s %16s %16s %16s %16s%n", (Object[]) r));
        }
        return sb.toString();
    }

    private static String comparisonCsv(WhatIfRuns.Comparison cmp) {
        StringBuilder sb = new StringBuilder("measure,first_before,first_after,second_before,second_after\n");
        for (String[] r : cmp.county()) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString();
    }
}
