package org.olive.app.family;

import java.util.List;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.group.GroupBoard;
import org.olive.app.group.GroupMemberQueries;
import org.olive.app.income.IncomeLedger;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.app.tag.TagBoard;
import org.olive.app.tag.TagValueQueries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 家庭一本账: the families of a period ({@code /families}, by key, hukou number or anchor's name) and the family page
 * ({@code /families/{familyKey}}): members of the chosen or latest period with role, GB/T 4761 relation, sex, age and
 * residence, the basis of each placement, the membership history, a small graph, the family's conflicts and its
 * income (members' components, method, confidence, interval, brackets, lines and double line). Every view is
 * audited. {@link PersonalDataAccess} decides what a user sees: a cadre lists the families of their township and opens
 * a family only in the periods it belonged to it — the members, history, conflicts (of the township) and income of
 * those periods.
 */
@Controller
public class FamilyController {

    /** Audit subject type of a family. */
    public static final String AUDIT_SUBJECT = "FAMILY";
    /** Families per page of the list. */
    static final int PAGE_SIZE = 50;

    private final FamilyDirectory families;
    private final AreaNames areas;
    private final RelationLabels relations;
    private final AuditLog audit;
    private final IncomeLedger income;
    private final PersonalDataAccess access;
    private final GroupMemberQueries groups;
    private final GroupBoard groupBoard;
    private final TagBoard tagBoard;
    private final TagValueQueries tagValues;
    private final FamilyWarningQueries warnings;
    private final org.olive.app.assistance.CaseBoard cases;
    private final org.olive.app.policy.PolicyBoard policies;

    public FamilyController(FamilyDirectory families, AreaNames areas, RelationLabels relations, AuditLog audit,
                            IncomeLedger income, PersonalDataAccess access, GroupMemberQueries groups,
                            GroupBoard groupBoard, TagBoard tagBoard, TagValueQueries tagValues,
                            FamilyWarningQueries warnings, org.olive.app.assistance.CaseBoard cases,
                            org.olive.app.policy.PolicyBoard policies) {
        this.policies = policies;
        this.warnings = warnings;
        this.cases = cases;
        this.tagBoard = tagBoard;
        this.tagValues = tagValues;
        this.groups = groups;
        this.groupBoard = groupBoard;
        this.families = families;
        this.areas = areas;
        this.relations = relations;
        this.audit = audit;
        this.income = income;
        this.access = access;
    }

    @GetMapping("/families")
    public String list(@RequestParam(required = false) String period, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "1") int page, AreaScope scope, Model model) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_SUBJECT, "list");
        List<String> periods = families.ledgerPeriods();
        String chosen = period != null && periods.contains(period) ? period : periods.stream().findFirst().orElse(null);
        String query = q == null || q.isBlank() ? null : q.strip();
        model.addAttribute("ledger", "families");
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("unknownPeriod", period != null && !period.isBlank() && !periods.contains(period));
        model.addAttribute("q", query);
        model.addAttribute("areas", areas);
        if (chosen != null) {
            FamilyDirectory.FamilyPage result = families.families(chosen, Access.township(scope), query, page, PAGE_SIZE);
            audit.recordView(AUDIT_SUBJECT, "list " + chosen, "page " + result.page() + (query == null ? "" : ", search"));
            model.addAttribute("families", result);
        }
        return "family/list";
    }

    @GetMapping("/families/{key}")
    public String family(@PathVariable String key, @RequestParam(required = false) String period, AreaScope scope,
                         Model model, java.util.Locale locale) {
        List<FamilyDirectory.FamilyPeriod> all = families.periods(key);
        if (all.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        PersonalDataAccess.Window window = access.family(key, period, scope);
        List<FamilyDirectory.FamilyPeriod> periods = window.filter(all, FamilyDirectory.FamilyPeriod::period);
        FamilyDirectory.FamilyPeriod shown = periods.stream().filter(f -> f.period().equals(window.shown()))
                .findFirst().orElseThrow();
        audit.recordView(AUDIT_SUBJECT, key, "period " + shown.period());
        model.addAttribute("ledger", "families");
        model.addAttribute("family", shown);
        model.addAttribute("periods", periods);
        model.addAttribute("members", families.members(key, shown.period()));
        List<FamilyDirectory.Change> history = families.history(key, periods);
        model.addAttribute("history", history);
        // the cases about its members and hukous in those periods, of the user's township
        model.addAttribute("conflicts", families.conflicts(periods, history).stream()
                .filter(c -> Access.allows(scope, c.township())).toList());
        model.addAttribute("areas", areas);
        model.addAttribute("relations", relations);
        // the family's income of the shown period (income ledger, V6), when that period has one
        model.addAttribute("income", income.family(key, shown.period()).orElse(null));
        model.addAttribute("incomeBrackets", income.brackets(shown.period()));
        model.addAttribute("incomeMembers", income.members(key, shown.period()));
        // the key groups of its members at the shown period
        model.addAttribute("memberGroups", groups.ofFamily(key, shown.period()));
        model.addAttribute("groupNames", groupBoard);
        // the family's warning colour at the shown period, the rules that fired and its colour history (预警)
        model.addAttribute("warning", warnings.of(key, shown.period(), window::includes));
        // the family's assistance cases (帮扶) of the user's township
        model.addAttribute("cases", cases.ofFamily(key, java.time.LocalDate.now()).stream()
                .filter(c -> Access.allows(scope, c.township())).toList());
        // the policies the family and its members receive, miss or receive without qualifying (政策一本账)
        model.addAttribute("policies", policies.ofFamily(key, shown.period(), locale));
        // the family's tags of the latest period run (tag_value), when that period is visible to the user
        model.addAttribute("tags", tagValues.of("FAMILY", key, tagBoard.definitions())
                .filter(t -> window.includes(t.period())).orElse(null));
        return "family/page";
    }
}
