package org.olive.app.policy.simulation;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.security.Access;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.policy.PolicySimulation;
import org.olive.pipeline.whatif.WhatIfFormat;
import org.olive.policy.reform.Reform;
import org.olive.policy.reform.ReformException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The policy simulation page ({@code /policies/simulate}, 政策施行可预测; docs/policy-simulation.md) for
 * {@link Permission#RUN_WHATIF}, like the what-if: pick one of the profile's reforms or paste a reform's YAML, simulate
 * it over a period's subjects and see each policy's beneficiaries and annual cost before and after, all policies by
 * decile (with a chart), key group and township, the counts of families gaining and losing, and the distribution. The
 * families with the largest changes are shown only with {@link Permission#READ_PERSONAL_DATA}, each view audited
 * ({@link #AUDIT_FAMILIES}).
 */
@Controller
public class PolicySimulationController {

    /** Audit subject type of a view of the families with the largest changes. */
    public static final String AUDIT_FAMILIES = "SIMULATION_FAMILIES";
    /** The most YAML a pasted reform may have (characters). */
    static final int MAX_YAML = 20_000;

    private final PolicySimulations simulations;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog audit;

    public PolicySimulationController(CountyProfile profile, JdbcClient jdbc, DataSource dataSource, AuditLog audit) {
        this.simulations = new PolicySimulations(profile);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** The periods with an income ledger, newest first. */
    List<String> periods() {
        return jdbc.sql("SELECT DISTINCT data_period FROM family_income ORDER BY data_period DESC").query(String.class).list();
    }

    @GetMapping("/policies/simulate")
    public String page(Model model) {
        form(model, null, null);
        return "policy/simulate";
    }

    @PostMapping("/policies/simulate")
    public String run(@RequestParam String period, @RequestParam(required = false) String reform,
                      @RequestParam(required = false) String yaml, Model model) throws SQLException {
        if (!periods().contains(period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no income ledger for period " + period);
        }
        Reform r;
        try {
            if (yaml != null && !yaml.isBlank()) {
                if (yaml.length() > MAX_YAML) {
                    throw new ReformException("pasted", 0, "at most " + MAX_YAML + " characters");
                }
                r = simulations.library().read(yaml, "pasted", "pasted");
            } else {
                r = simulations.reforms().get(reform == null ? "" : reform);
                if (r == null) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown reform " + reform);
                }
            }
        } catch (ReformException e) {
            form(model, period, yaml);
            model.addAttribute("error", (e.line() > 0 ? "line " + e.line() + ": " : "") + e.reason());
            return "policy/simulate";
        }
        PolicySimulation.Result result;
        try (Connection c = dataSource.getConnection()) {
            result = simulations.run(c, r, Period.parse(period));
        }
        form(model, period, yaml);
        model.addAttribute("result", result);
        model.addAttribute("reformText", r.text());
        model.addAttribute("measures", WhatIfFormat.measures(result.distribution().before(),
                result.distribution().after()).stream().filter(m -> !m[0].equals("red") && !m[0].equals("yellow")).toList());
        model.addAttribute("deciles", result.cells(PolicySimulation.ALL, "decile"));
        model.addAttribute("groupCells", result.cells(PolicySimulation.ALL, "group"));
        model.addAttribute("townshipCells", result.cells(PolicySimulation.ALL, "township"));
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        if (rows && (!result.largestGains().isEmpty() || !result.largestLosses().isEmpty())) {
            audit.recordView(AUDIT_FAMILIES, period, r.name() + ": " + result.largestGains().size() + " largest gains, "
                    + result.largestLosses().size() + " largest losses");
            model.addAttribute("families", true);
        }
        return "policy/simulate";
    }

    /**
     * The policy editor's preview (htmx, on the policy page): a candidate version of a policy in force at a period,
     * as a reform that replaces the policy's rule at every period, simulated over the period's subjects — the
     * beneficiaries and the annual cost before and after, aggregates only. The first preview of a period reads its
     * subjects (tens of seconds on a large county); the next ones reuse them ({@link PolicySimulations#read}).
     */
    @PostMapping("/policies/simulate/version")
    public String previewVersion(@RequestParam String code, @RequestParam(required = false) String period,
                                 @RequestParam(required = false) String eligible,
                                 @RequestParam(required = false) String amount, Model model) throws SQLException {
        List<String> periods = periods();
        String p = period != null && periods.contains(period) ? period : periods.isEmpty() ? null : periods.get(0);
        model.addAttribute("previewPeriod", p);
        if (p == null) {
            return "policy/version-preview";
        }
        if (simulations.library().policies().policy(code).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no policy " + code);
        }
        Reform r = new Reform("editor", code + " (editor)", "the policy editor's candidate version", Map.of(), Map.of(),
                List.of(new Reform.RuleChange(code, StringUtils.hasText(eligible) ? eligible.strip() : null,
                        StringUtils.hasText(amount) ? amount.strip() : null, null)), List.of(), "");
        PolicySimulation.Result result;
        try (Connection c = dataSource.getConnection()) {
            result = simulations.run(c, r, Period.parse(p));
        } catch (RuntimeException e) {
            // a candidate that does not compile (the editor's check names its field first)
            model.addAttribute("previewError", e.getMessage());
            return "policy/version-preview";
        }
        model.addAttribute("previewRow", result.policies().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElse(null));
        model.addAttribute("previewResult", result);
        return "policy/version-preview";
    }

    private void form(Model model, String period, String yaml) {
        List<String> periods = periods();
        model.addAttribute("periods", periods);
        model.addAttribute("period", period != null ? period : periods.isEmpty() ? null : periods.get(0));
        Map<String, Reform> reforms = simulations.reforms();
        model.addAttribute("reforms", reforms.values());
        model.addAttribute("names", simulations.names());
        model.addAttribute("yaml", yaml == null ? "" : yaml);
    }
}
