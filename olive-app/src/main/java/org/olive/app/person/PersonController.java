package org.olive.app.person;

import java.text.Normalizer;
import java.util.List;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.family.RelationLabels;
import org.olive.app.group.GroupBoard;
import org.olive.app.group.GroupMemberQueries;
import org.olive.app.person.PersonDirectory.Person;
import org.olive.app.person.PersonDirectory.PersonPeriod;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.app.tag.TagBoard;
import org.olive.app.tag.TagValueQueries;
import org.olive.identity.IdNumber;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Person search ({@code /persons?q=}: by name, prefix or contained, or by full ID number, exact after normalising and
 * upgrading a 15-digit one) and the person page ({@code /persons/{personKey}}): header with the lists and presence of
 * a period, the three views of the master database with their sources, family history and record matches. ID
 * numbers are masked; ADMIN and ANALYST may unmask with an explicit POST, which is audited like every page view.
 * What a user may see is decided by {@link PersonalDataAccess}: a cadre finds a person who ever belonged to their
 * township and sees only the periods in which they did — the lists, the master rows, the family history and the
 * record matches of those periods.
 */
@Controller
public class PersonController {

    /** Audit subject type of a person's data. */
    public static final String AUDIT_SUBJECT = "PERSON";

    private final PersonDirectory directory;
    private final MasterViews views;
    private final AreaNames areas;
    private final RelationLabels relations;
    private final AuditLog audit;
    private final PersonalDataAccess access;
    private final GroupMemberQueries groups;
    private final GroupBoard groupBoard;
    private final TagBoard tagBoard;
    private final TagValueQueries tagValues;

    public PersonController(PersonDirectory directory, MasterViews views, AreaNames areas, RelationLabels relations,
                            AuditLog audit, PersonalDataAccess access, GroupMemberQueries groups,
                            GroupBoard groupBoard, TagBoard tagBoard, TagValueQueries tagValues) {
        this.tagBoard = tagBoard;
        this.tagValues = tagValues;
        this.groups = groups;
        this.groupBoard = groupBoard;
        this.directory = directory;
        this.views = views;
        this.areas = areas;
        this.relations = relations;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/persons")
    public String search(@RequestParam(required = false) String q, AreaScope scope, Model model) {
        model.addAttribute("ledger", "population");
        model.addAttribute("q", q);
        model.addAttribute("areas", areas);
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_SUBJECT, "search");
        String query = q == null ? "" : Normalizer.normalize(q, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        if (query.isEmpty()) {
            return "person/search";
        }
        String township = Access.township(scope);
        List<PersonDirectory.Hit> hits;
        if (query.matches("[0-9]{6,}[0-9Xx]?")) {
            IdNumber.ParseResult id = IdNumber.parse(query);
            if (!id.valid()) {
                model.addAttribute("error", id.error());
                return "person/search";
            }
            model.addAttribute("upgraded", id.upgradedFrom15());
            model.addAttribute("byId", true);
            hits = directory.byId(id.id(), township);
            audit.recordView(AUDIT_SUBJECT, "search", "by ID number " + id.id().masked());
        } else {
            hits = directory.byName(query, township);
            audit.recordView(AUDIT_SUBJECT, "search", "by name, " + hits.size() + " hits");
        }
        model.addAttribute("hits", hits);
        model.addAttribute("max", PersonDirectory.MAX_RESULTS);
        return "person/search";
    }

    @GetMapping("/persons/{key}")
    public String person(@PathVariable long key, @RequestParam(required = false) String period, AreaScope scope,
                         Model model) {
        return show(key, period, scope, false, model);
    }

    /** The same page with the ID numbers unmasked: ADMIN and ANALYST only, audited as such. */
    @PostMapping("/persons/{key}/unmask")
    public String unmask(@PathVariable long key, @RequestParam(required = false) String period, AreaScope scope,
                         Model model) {
        access.require(Permission.UNMASK_ID, AUDIT_SUBJECT, "person " + key);
        return show(key, period, scope, true, model);
    }

    private String show(long key, String period, AreaScope scope, boolean unmasked, Model model) {
        Person p = directory.person(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PersonalDataAccess.Window window = access.person(key, period, scope);
        List<PersonPeriod> periods = window.filter(directory.periods(key), PersonPeriod::period);
        PersonPeriod shown = periods.stream().filter(x -> x.period().equals(window.shown())).findFirst().orElse(null);
        audit.recordView(AUDIT_SUBJECT, "person " + key, (unmasked ? "UNMASKED ID numbers, " : "")
                + "period " + (shown == null ? "-" : shown.period()));
        model.addAttribute("ledger", "population");
        model.addAttribute("person", window.restricted() ? p.within(window.first(), window.last()) : p);
        model.addAttribute("shownId", unmasked ? p.idNumber() : p.maskedId());
        model.addAttribute("unmasked", unmasked);
        model.addAttribute("mayUnmask", Access.mayUnmask());
        model.addAttribute("periods", periods);
        model.addAttribute("shown", shown);
        // the master rows as of the shown period (the latest the sources delivered up to it), of visible periods only
        model.addAttribute("views", views.of(p.idNumber(), unmasked, shown == null ? null : shown.period(),
                window.restricted() ? window.periods() : null));
        model.addAttribute("memberships", window.filter(directory.memberships(key), PersonDirectory.Membership::period));
        model.addAttribute("matches", window.filter(directory.matches(key), PersonDirectory.Match::period));
        model.addAttribute("areas", areas);
        model.addAttribute("relations", relations);
        // the key groups and the occupation of the shown period; hand decisions (DECIDE_GROUP) while the person is
        // in the user's area now (a cadre: their latest period lies in the township)
        model.addAttribute("groups", shown == null ? List.of() : groups.ofPerson(key, shown.period()));
        model.addAttribute("groupNames", groupBoard);
        model.addAttribute("occupation", shown == null ? null : directory.occupation(key, shown.period()).orElse(null));
        model.addAttribute("groupDecisions", groups.openDecisionsOf(key));
        model.addAttribute("mayDecideGroup", Access.may(Permission.DECIDE_GROUP)
                && Access.allows(scope, groups.latestTownship(key)));
        // the tags of the latest period run (tag_value), when that period is visible to the user
        model.addAttribute("tags", tagValues.of("PERSON", String.valueOf(key), tagBoard.definitions())
                .filter(t -> window.includes(t.period())).orElse(null));
        return "person/page";
    }
}
