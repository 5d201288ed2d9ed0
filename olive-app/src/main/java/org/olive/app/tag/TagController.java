package org.olive.app.tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.population.AreaNames;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.period.Period;
import org.olive.pipeline.tag.TagPreview;
import org.olive.pipeline.tag.TagRuleVersions;
import org.olive.fact.TagVariables;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleException;
import org.olive.rule.RuleFile;
import org.olive.tag.SavedTagVersion;
import org.olive.tag.TagDefinitions;
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
 * 标签体系 pages (issue 13; docs/tags.md): the tag tree with the version in force, its rule and the latest period's
 * counts ({@code /tags}), a tag's versions (profile and web-saved: who, when, why) with the editor
 * ({@code /tags/{id}}): the syntax check and the preview (htmx fragments; the preview's counts for every role, its
 * sample of persons or families for {@link Permission#READ_PERSONAL_DATA} only, scoped to a cadre's township and
 * audited) and saving a new version or a new tag ({@link Permission#EDIT_TAGS}, audited {@code RULE_CHANGED}).
 */
@Controller
public class TagController {

    /** Audit subject types: a saved tag version, the preview's sample of persons or families. */
    public static final String AUDIT_RULE = "TAG_RULE";
    public static final String AUDIT_PREVIEW = "TAG_PREVIEW";
    /** The export's file name, the profile's. */
    static final String EXPORT_FILE = "tags.yaml";
    /** The id a new tag may not take: its page would be the export's URL. */
    static final String RESERVED = "export";
    /** Subjects shown in the preview's sample. */
    static final int SAMPLE = 20;

    private final TagBoard board;
    private final TagRuleEditor editor;
    private final TagValueQueries values;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public TagController(TagBoard board, TagRuleEditor editor, TagValueQueries values, AreaNames areas, AuditLog audit,
                         PersonalDataAccess access) {
        this.board = board;
        this.editor = editor;
        this.values = values;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/tags")
    public String tags(Model model) {
        TagDefinitions d = board.definitions();
        String period = board.latestPeriod();
        model.addAttribute("tree", TagBoard.tree(d));
        model.addAttribute("period", period);
        model.addAttribute("counts", board.counts(period));
        model.addAttribute("saved", board.stored().stream().map(s -> s.version().versionId()).toList());
        model.addAttribute("mayEdit", Access.may(Permission.EDIT_TAGS));
        model.addAttribute("board", board);
        return "tag/tags";
    }

    @GetMapping("/tags/{id}")
    public String tag(@PathVariable String id, Model model) {
        TagDefinitions d = board.definitions();
        TagDefinitions.Tag t = d.tag(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String period = board.latestPeriod();
        model.addAttribute("tag", t);
        model.addAttribute("period", period);
        model.addAttribute("inForce", TagBoard.inForce(t, period).orElse(null));
        model.addAttribute("latest", TagBoard.inForce(t, null).orElse(null));
        model.addAttribute("saved", board.stored(id));
        model.addAttribute("count", board.counts(period).getOrDefault(id, 0L));
        model.addAttribute("values", board.values(period, id, 20));
        model.addAttribute("next", SavedTagVersion.nextNumber(d, id));
        model.addAttribute("mayEdit", Access.may(Permission.EDIT_TAGS));
        model.addAttribute("board", board);
        return "tag/tag";
    }

    /**
     * The effective tags (the profile's tags.yaml with every version saved here) as a county profile's tags.yaml, to
     * carry into the profile folder (EDIT_TAGS; audited {@code RULES_EXPORTED}). Mapped before {@code /tags/{id}}:
     * "export" is therefore no tag id ({@link #RESERVED}).
     */
    @GetMapping("/tags/export")
    public ResponseEntity<byte[]> export() {
        access.require(Permission.EDIT_TAGS, AUDIT_RULE, EXPORT_FILE);
        TagRuleVersions.Export export = board.export();
        audit.recordRulesExport(AUDIT_RULE, EXPORT_FILE, export.definitions().tags().size() + " tags, "
                + export.versions() + " versions, of which " + export.saved() + " saved from the web");
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(EXPORT_FILE).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.yaml().getBytes(StandardCharsets.UTF_8));
    }

    /** The syntax check (htmx): the rule's and the value's problems with line and column, or that they compile. */
    @PostMapping("/tags/check")
    public String check(@RequestParam(required = false) String tag, @RequestParam(required = false) String subject,
                        @RequestParam(required = false) String when, @RequestParam(required = false) String value,
                        Model model) {
        TagDefinitions.Subject kind = kind(tag, subject);
        String name = tag == null || tag.isBlank() ? "rule" : tag.strip();
        RuleCompiler compiler = new RuleCompiler(kind == TagDefinitions.Subject.FAMILY ? TagVariables.FAMILY
                : TagVariables.PERSON);
        List<String> problems = new ArrayList<>();
        RuleFile.check(compiler, "tags: " + name + ".when", nz(when), false, problems);
        if (value != null && !value.isBlank()) {
            RuleFile.check(compiler, "tags: " + name + ".value", value, true, problems);
        }
        model.addAttribute("problems", problems);
        model.addAttribute("checked", true);
        return "tag/results :: check";
    }

    /**
     * The preview (htmx): the candidate over every person or family of the latest period run; the counts for every
     * role, a sample of the user's area with READ_PERSONAL_DATA (audited).
     */
    @PostMapping("/tags/preview")
    public String preview(@RequestParam(required = false) String tag, @RequestParam(required = false) String subject,
                          @RequestParam(required = false) String when, @RequestParam(required = false) String value,
                          AreaScope scope, Model model) {
        TagDefinitions.Subject kind = kind(tag, subject);
        String period = board.latestPeriod();
        model.addAttribute("kind", kind.name());
        if (period == null) {
            model.addAttribute("noRun", true);
            return "tag/results :: preview";
        }
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        String township = Access.township(scope);
        TagPreview.Result r;
        try {
            r = editor.preview(period, kind, when, value, township, rows ? SAMPLE : 0);
        } catch (RuleException e) {
            model.addAttribute("problems", e.problems());
            return "tag/results :: preview";
        }
        model.addAttribute("result", r);
        model.addAttribute("township", township);
        model.addAttribute("areas", areas);
        model.addAttribute("personalRows", rows);
        if (rows) {
            model.addAttribute("people", kind == TagDefinitions.Subject.PERSON
                    ? values.persons(r.sample().stream().map(m -> Long.parseLong(m.key())).toList()) : Map.of());
            audit.recordView(AUDIT_PREVIEW, (tag == null || tag.isBlank() ? "new tag" : tag.strip()) + " " + period,
                    r.sample().size() + " " + kind.name().toLowerCase() + " rows" + (township == null ? ""
                            : ", township " + township));
        }
        return "tag/results :: preview";
    }

    /** Saves a new version of a tag (EDIT_TAGS), checked by its owner; audited. */
    @PostMapping("/tags/{id}/versions")
    public String save(@PathVariable String id, @RequestParam(required = false) String validFrom,
                       @RequestParam(required = false) String when, @RequestParam(required = false) String value,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        access.require(Permission.EDIT_TAGS, AUDIT_RULE, id);
        TagDefinitions d = board.definitions();
        d.tag(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SavedTagVersion v = SavedTagVersion.of(id, SavedTagVersion.nextNumber(d, id), period(validFrom), nz(when),
                blankToNull(value));
        return store(v, reason, "redirect:/tags/" + id, redirect);
    }

    /** Defines a new tag with its first version (EDIT_TAGS); audited. */
    @PostMapping("/tags/new")
    public String create(@RequestParam(required = false) String id, @RequestParam(required = false) String subject,
                         @RequestParam(required = false) String category,
                         @RequestParam(required = false) String subcategory,
                         @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
                         @RequestParam(required = false) String validFrom, @RequestParam(required = false) String when,
                         @RequestParam(required = false) String value, @RequestParam(required = false) String reason,
                         RedirectAttributes redirect) {
        access.require(Permission.EDIT_TAGS, AUDIT_RULE, id);
        String tagId = nz(id).strip();
        if (RESERVED.equals(tagId)) {
            redirect.addFlashAttribute("saveProblems", List.of("tags: " + tagId + ".id: reserved for /tags/export"));
            return "redirect:/tags#new-tag";
        }
        if (board.definitions().tag(tagId).isPresent()) {
            redirect.addFlashAttribute("saveProblems", List.of("tags: " + tagId + ": the tag exists; add a version on its page"));
            return "redirect:/tags#new-tag";
        }
        TagDefinitions.Subject kind = "FAMILY".equals(subject) ? TagDefinitions.Subject.FAMILY
                : "PERSON".equals(subject) ? TagDefinitions.Subject.PERSON : null;
        SavedTagVersion v = new SavedTagVersion(tagId, 1, period(validFrom), nz(when), blankToNull(value), kind,
                blankToNull(category), blankToNull(subcategory), blankToNull(nameZh), blankToNull(nameEn));
        return store(v, reason, "redirect:/tags/" + tagId, redirect);
    }

    private String store(SavedTagVersion v, String reason, String target, RedirectAttributes redirect) {
        try {
            editor.save(v, Access.currentUser(), reason);
        } catch (TagRuleVersions.RefusedException e) {
            redirect.addFlashAttribute("saveProblems", e.problems());
            // plain strings: flash attributes live in the session
            redirect.addFlashAttribute("draftWhen", v.when());
            redirect.addFlashAttribute("draftValue", v.value() == null ? "" : v.value());
            redirect.addFlashAttribute("draftValidFrom", v.validFrom() == null ? null : v.validFrom().toString());
            redirect.addFlashAttribute("draftReason", reason);
            return v.number() == 1 && v.definesTag() ? "redirect:/tags#new-tag" : target + "#edit";
        }
        audit.recordRuleChange(AUDIT_RULE, v.versionId(), "valid_from " + v.validFrom() + ", when: " + v.when()
                + (v.value() == null ? "" : ", value: " + v.value()) + "; reason: " + reason.strip());
        redirect.addFlashAttribute("savedVersion", v.versionId());
        return target;
    }

    private TagDefinitions.Subject kind(String tag, String subject) {
        if (tag != null && !tag.isBlank()) {
            return board.definitions().tag(tag.strip()).map(TagDefinitions.Tag::subject)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown tag " + tag));
        }
        return "FAMILY".equals(subject) ? TagDefinitions.Subject.FAMILY : TagDefinitions.Subject.PERSON;
    }

    private static Period period(String text) {
        if (text == null || !text.strip().matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return null;
        }
        return Period.parse(text.strip());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
