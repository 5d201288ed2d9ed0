package org.olive.app.group;

import java.util.List;
import java.util.Locale;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.income.IncomeLedger;
import org.olive.app.person.PersonDirectory;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.app.web.PeriodChoice;
import org.olive.app.web.PublishedCounts;
import org.olive.group.GroupDefinitions;
import org.olive.period.Period;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 群体一本账 pages (issue 13): the key groups of a period ({@code /groups}: size, change, tiers, entries and exits,
 * pilot indicator 6), a group's profile ({@code /groups/{id}}: 群体画像, aggregates) with its members (成员名单), the
 * period's entries and exits (入列出列记录) and the open hand decisions, the profile as XLSX, and hand decisions
 * (人工入列/出列, {@link Permission#DECIDE_GROUP}). The aggregates are for every role; the personal rows need
 * {@link Permission#READ_PERSONAL_DATA}, are scoped to a cadre's township through {@link PersonalDataAccess}, and every
 * view of them is audited (docs/access.md).
 */
@Controller
public class GroupController {

    /** Members per page. */
    static final int PAGE_SIZE = 50;
    /** Audit subject types: the member list, the entry/exit log, a hand decision, the profile export. */
    public static final String AUDIT_MEMBERS = "GROUP_MEMBERS";
    public static final String AUDIT_EVENTS = "GROUP_EVENTS";
    public static final String AUDIT_DECISION = "GROUP_DECISION";
    public static final String AUDIT_PROFILE = "GROUP_PROFILE";

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GroupBoard board;
    private final GroupProfileQuery profiles;
    private final GroupMemberQueries members;
    private final GroupHandDecisions decisions;
    private final PersonDirectory persons;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;
    private final MessageSource messages;
    private final IncomeLedger income;
    private final PublishedCounts published;

    public GroupController(GroupBoard board, GroupProfileQuery profiles, GroupMemberQueries members,
                           GroupHandDecisions decisions, PersonDirectory persons, AreaNames areas, AuditLog audit,
                           PersonalDataAccess access, MessageSource messages, IncomeLedger income,
                           PublishedCounts published) {
        this.income = income;
        this.published = published;
        this.board = board;
        this.profiles = profiles;
        this.members = members;
        this.decisions = decisions;
        this.persons = persons;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/groups")
    public String groups(@RequestParam(required = false) String period, Model model) {
        PeriodChoice choice = board.choice(period);
        String chosen = choice.chosen();
        model.addAttribute("ledger", "groups");
        choice.addTo(model);
        model.addAttribute("definitions", board.definitions());
        if (chosen != null) {
            model.addAttribute("report", board.report(chosen));
            model.addAttribute("accuracy", board.accuracy(chosen));
        }
        return "group/groups";
    }

    @GetMapping("/groups/{id}")
    public String group(@PathVariable String id, @RequestParam(required = false) String period,
                        @RequestParam(required = false) String township, @RequestParam(defaultValue = "1") int page,
                        AreaScope scope, Model model) {
        GroupDefinitions.Group g = board.group(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PeriodChoice choice = board.choice(period);
        String chosen = choice.chosen();
        model.addAttribute("ledger", "groups");
        model.addAttribute("group", g);
        choice.addTo(model);
        model.addAttribute("areas", areas);
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        model.addAttribute("mayDecide", Access.may(Permission.DECIDE_GROUP));
        model.addAttribute("maxReason", GroupHandDecisions.MAX_REASON);
        // the members' township: a cadre's own (asking for another is refused and audited), or any for the county
        String t = Access.township(scope);
        String asked = blank(township);
        if (asked != null) {
            String code = areas.township(asked);
            if (code == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown township " + asked);
            }
            access.requireArea(scope, code, "TOWNSHIP", code);
            t = code.substring(0, 9);
        }
        if (chosen == null) {
            return "group/group";
        }
        List<GroupBoard.Point> trend = board.trend(g.id());
        Period p = Period.parse(chosen);
        model.addAttribute("enabled", g.ruleAt(p).isPresent());
        model.addAttribute("rule", g.ruleAt(p).orElse(null));
        model.addAttribute("trend", trend);
        model.addAttribute("now", trend.stream().filter(x -> x.period().equals(chosen)).findFirst().orElse(null));
        model.addAttribute("lastMonth", GroupBoard.sizeAt(trend, p.minusMonths(1).toString()));
        model.addAttribute("lastYear", GroupBoard.sizeAt(trend, p.minusMonths(12).toString()));
        GroupProfileQuery.Profile profile = profiles.profile(chosen, g.id());
        model.addAttribute("profile", profile);
        model.addAttribute("cells", new ProfileCells(profile, published.page(scope, p)));
        model.addAttribute("brackets", income.brackets(chosen));
        model.addAttribute("township", t);
        model.addAttribute("townships", areas.divisions().townships().stream()
                .filter(d -> Access.allows(scope, d.code())).toList());
        model.addAttribute("scopeTownship", Access.township(scope));
        if (rows) {
            GroupMemberQueries.MemberPage list = members.members(chosen, g.id(), t, page, PAGE_SIZE);
            audit.recordView(AUDIT_MEMBERS, g.id() + " " + chosen, "page " + list.page() + ", " + list.rows().size()
                    + " rows" + (t == null ? "" : ", township " + t));
            List<GroupMemberQueries.Event> events = members.events(chosen, g.id(), t);
            audit.recordView(AUDIT_EVENTS, g.id() + " " + chosen, events.size() + " rows"
                    + (t == null ? "" : ", township " + t));
            model.addAttribute("members", list);
            model.addAttribute("events", events);
            model.addAttribute("eventCount", members.eventCount(chosen, g.id(), t));
            model.addAttribute("maxEvents", GroupMemberQueries.MAX_EVENTS);
            model.addAttribute("decisions", members.openDecisions(g.id(), Access.township(scope)));
        }
        return "group/group";
    }

    /** The profile of a group at a period as XLSX: aggregates only, audited as an export. */
    @GetMapping("/groups/{id}/export.xlsx")
    public ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) String period) {
        GroupDefinitions.Group g = board.group(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String chosen = board.choose(period);
        if (chosen == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no run of step groups");
        }
        List<GroupBoard.Point> trend = board.trend(g.id());
        Period p = Period.parse(chosen);
        GroupProfileQuery.Profile profile = profiles.profile(chosen, g.id());
        GroupProfileExport export = new GroupProfileExport(g, profile, trend,
                GroupBoard.sizeAt(trend, p.minusMonths(1).toString()), GroupBoard.sizeAt(trend, p.minusMonths(12).toString()),
                key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE),
                new ProfileCells(profile, published.export(p)));
        byte[] body = export.xlsx();
        audit.recordExport(AUDIT_PROFILE, g.id() + " " + chosen, "XLSX, aggregates only (no person)");
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /**
     * A hand decision: add a person to a group (ADD) or keep them out (REMOVE), with a reason. DECIDE_GROUP; a cadre
     * only for a person of their township (now: the person's latest period). Effective at the next run of a period.
     */
    @PostMapping("/groups/decisions")
    public String decide(@RequestParam String group, @RequestParam long person, @RequestParam String action,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String period,
                         @RequestParam(required = false) String back, AreaScope scope, RedirectAttributes redirect) {
        access.require(Permission.DECIDE_GROUP, AUDIT_DECISION, "person " + person + " " + group);
        GroupDefinitions.Group g = board.group(group)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown group " + group));
        persons.person(person).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.person(person, null, scope);
        access.requireArea(scope, members.latestTownship(person), PersonalDataAccess.PERSON, "person " + person);
        String target = backTo(back, g.id(), person, period);
        String why = reason == null ? "" : reason.strip();
        if (!List.of("ADD", "REMOVE").contains(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action must be ADD or REMOVE");
        }
        if (why.isEmpty() || why.length() > GroupHandDecisions.MAX_REASON) {
            redirect.addFlashAttribute("decisionError", "group.decide.error.reason");
            return target;
        }
        long id = decisions.decide(person, g.id(), action, why, Access.currentUser());
        audit.recordDecision(AUDIT_DECISION, String.valueOf(id), "person " + person + ", group " + g.id() + ", "
                + action + ": " + why);
        redirect.addFlashAttribute("decided", action);
        return target;
    }

    /** Withdraws an open hand decision (DECIDE_GROUP; a cadre: of a person of their township), with a reason. */
    @PostMapping("/groups/decisions/{id}/withdraw")
    public String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
                           @RequestParam(required = false) String period, @RequestParam(required = false) String back,
                           AreaScope scope, RedirectAttributes redirect) {
        access.require(Permission.DECIDE_GROUP, AUDIT_DECISION, String.valueOf(id));
        GroupMemberQueries.Decision d = members.openDecision(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        access.requireArea(scope, d.township(), AUDIT_DECISION, String.valueOf(id));
        String target = backTo(back, d.groupId(), d.personKey(), period);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > GroupHandDecisions.MAX_REASON) {
            redirect.addFlashAttribute("decisionError", "group.decide.error.reason");
            return target;
        }
        if (decisions.withdraw(d.personKey(), d.groupId(), Access.currentUser())) {
            audit.recordDecision(AUDIT_DECISION, String.valueOf(id), "withdrawn (person " + d.personKey() + ", group "
                    + d.groupId() + ", " + d.action() + "): " + why);
            redirect.addFlashAttribute("withdrawn", true);
        }
        return target;
    }

    /** Where a decision form returns: the person page or the group page (of the period, when one is given). */
    private static String backTo(String back, String groupId, long person, String period) {
        String p = period != null && period.strip().matches("\\d{4}-\\d{2}") ? period.strip() : null;
        if ("person".equals(back)) {
            return "redirect:/persons/" + person + (p == null ? "" : "?period=" + p) + "#groups";
        }
        return "redirect:/groups/" + groupId + (p == null ? "" : "?period=" + p) + "#decisions";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
