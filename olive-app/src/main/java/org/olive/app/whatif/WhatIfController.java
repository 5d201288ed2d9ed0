package org.olive.app.whatif;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.ingest.Masking;
import org.olive.app.security.Access;
import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.whatif.WhatIf;
import org.olive.pipeline.whatif.WhatIfResult;
import org.olive.pipeline.whatif.WhatIfRuns;
import org.olive.whatif.Scenario;
import org.olive.whatif.ScenarioException;
import org.olive.whatif.ScenarioLoader;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The what-if page ({@code /whatif}, 重大变量影响; docs/whatif.md) for {@link Permission#RUN_WHATIF}: pick one of the
 * profile's example scenarios or fill a one-shock form (component or sources, change in per cent or yuan a month,
 * township, group, months; or the 低保 standard), run it over a period's stored ledger, see the measures before and
 * after by county, township and group and the counts of families changing colour or flags; save the run and compare
 * two saved runs side by side. The changed families' rows are shown only with {@link Permission#READ_PERSONAL_DATA}
 * (ID numbers in the reasons masked) and every view of them is audited ({@link #AUDIT_FAMILIES}).
 */
@Controller
public class WhatIfController {

    /** Audit subject type of a view of the changed families. */
    public static final String AUDIT_FAMILIES = "WHATIF_FAMILIES";
    /** Changed families listed on the page. */
    static final int MAX_ROWS = 50;

    private final WhatIfs whatIfs;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;

    public WhatIfController(CountyProfile profile, JdbcClient jdbc, DataSource dataSource, AuditLog audit) {
        this.whatIfs = new WhatIfs(profile);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** The periods with an income ledger, newest first. */
    List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM family_income ORDER BY data_period DESC").query(String.class).list();
    }

    @GetMapping("/whatif")
    public String page(Model model) throws SQLException {
        form(model, null);
        return "whatif/whatif";
    }

    @PostMapping("/whatif")
    public String run(@RequestParam String period, @RequestParam(required = false) String example,
                      @RequestParam(required = false) String target, @RequestParam(required = false) String component,
                      @RequestParam(required = false) List<String> sources,
                      @RequestParam(required = false) String change, @RequestParam(required = false) String amount,
                      @RequestParam(required = false) String township, @RequestParam(required = false) String group,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(defaultValue = "false") boolean save, Model model) throws SQLException {
        if (!periods().contains(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no income ledger for period " + period);
        }
        Scenario scenario;
        try {
            if (example != null && !example.isBlank()) {
                scenario = whatIfs.examples().get(example);
                if (scenario == null) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown example " + example);
                }
            } else {
                scenario = ScenarioLoader.read(formYaml(target, component, sources, change, amount, township, group, from,
                        to), "form", "form", whatIfs.vocabulary());
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            form(model, period);
            model.addAttribute("error", e instanceof ScenarioException se ? se.reason() : e.getMessage());
            return "whatif/whatif";
        }
        WhatIfResult r;
        Long saved = null;
        try (Connection c = dataSource.getConnection()) {
            WhatIf engine = whatIfs.engine();
            r = engine.run(engine.read(c, Period.parse(period), scenario), scenario, whatIfs.townshipNames(), whatIfs.groupNames());
            if (save) {
                saved = WhatIfRuns.save(c, scenario.text(), r, Access.currentUser(), Instant.now());
            }
        }
        form(model, period);
        model.addAttribute("result", r);
        model.addAttribute("countyMeasures", org.olive.pipeline.whatif.WhatIfFormat.measures(r.county().before(),
                r.county().after()));
        model.addAttribute("breakdownRows", r.rows().stream().filter(x -> !x.breakdown().equals("county")).toList());
        model.addAttribute("scenarioText", scenario.text());
        model.addAttribute("saved", saved);
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        if (rows && !r.changes().isEmpty()) {
            List<WhatIfResult.Change> shown = r.changes().stream().limit(MAX_ROWS).map(x -> new WhatIfResult.Change(
                    x.familyKey(), x.township(), x.residents(), x.perCapitaBefore(), x.perCapitaAfter(), x.colourBefore(),
                    x.colourAfter(), x.flagsBefore(), x.flagsAfter(), x.reasons().stream().map(Masking::ids).toList()))
                    .toList();
            audit.recordView(AUDIT_FAMILIES, period, scenario.name() + ": " + shown.size() + " of " + r.changes().size()
                    + " changed families");
            model.addAttribute("changes", shown);
        }
        return "whatif/whatif";
    }

    @GetMapping("/whatif/compare")
    public String compare(@RequestParam long a, @RequestParam long b, Model model) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            WhatIfRuns.Saved x = WhatIfRuns.get(c, a).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no saved what-if run " + a));
            WhatIfRuns.Saved y = WhatIfRuns.get(c, b).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no saved what-if run " + b));
            model.addAttribute("comparison", WhatIfRuns.compare(x, y));
            model.addAttribute("runs", WhatIfRuns.list(c, 100));
        }
        return "whatif/compare";
    }

    private void form(Model model, String period) throws SQLException {
        List<String> periods = periods();
        model.addAttribute("periods", periods);
        model.addAttribute("period", period != null ? period : periods.isEmpty() ? null : periods.get(0));
        Map<String, Scenario> examples = whatIfs.examples();
        model.addAttribute("examples", examples.values());
        model.addAttribute("components", Component.values());
        model.addAttribute("sources", new TreeSet<>(whatIfs.vocabulary().sources()));
        model.addAttribute("townships", whatIfs.townshipNames());
        model.addAttribute("groups", whatIfs.groupNames());
        try (Connection c = dataSource.getConnection()) {
            model.addAttribute("runs", WhatIfRuns.list(c, 100));
        }
    }

    /**
     * The form's one shock as a scenario file, each value checked first against the names the loader accepts, so the
     * text holds nothing but those names, numbers and months (the loader then validates it like a file).
     */
    String formYaml(String target, String component, List<String> sources, String change, String amount,
                    String township, String group, String from, String to) {
        StringBuilder y = new StringBuilder("name: form\ntitle: 表单情景 form scenario\nshocks:\n");
        boolean line = "dibao".equals(target);
        y.append(line ? "  - line: dibao\n" : "  -\n");
        if (!line) {
            if (component != null && !component.isBlank()) {
                y.append("    component: ").append(Component.valueOf(component).name()).append('\n');
            }
            List<String> s = new ArrayList<>();
            for (String x : sources == null ? List.<String>of() : sources) {
                if (!x.isBlank()) {
                    if (!whatIfs.vocabulary().sources().contains(x)) {
                        throw new IllegalArgumentException("unknown income source " + x);
                    }
                    s.add(x);
                }
            }
            if (!s.isEmpty()) {
                y.append("    sources: [").append(String.join(", ", s)).append("]\n");
            }
            if (township != null && !township.isBlank()) {
                y.append("    areas: [").append(checked(township, whatIfs.vocabulary().areas(), "township")).append("]\n");
            }
            if (group != null && !group.isBlank()) {
                y.append("    groups: [").append(checked(group, whatIfs.vocabulary().groups(), "group")).append("]\n");
            }
            if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
                String f = month(from == null || from.isBlank() ? to : from);
                String t = month(to == null || to.isBlank() ? from : to);
                y.append("    months: ").append(f).append("..").append(t).append('\n');
            }
        }
        if (change != null && !change.isBlank()) {
            double v = Double.parseDouble(change.strip().replace("%", ""));
            y.append("    change: ").append(v >= 0 ? "+" : "").append(java.math.BigDecimal.valueOf(v).stripTrailingZeros()
                    .toPlainString()).append("%\n");
        } else if (amount != null && !amount.isBlank()) {
            y.append("    amount: ").append(Double.parseDouble(amount.strip())).append('\n');
        }
        return y.toString();
    }

    private static String checked(String value, java.util.Set<String> allowed, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + what + " " + value);
        }
        return value;
    }

    private static String month(String s) {
        if (s == null || !s.strip().matches("[0-9]{4}-[0-9]{2}")) {
            throw new IllegalArgumentException("months: expected YYYY-MM, found " + s);
        }
        return s.strip();
    }
}
