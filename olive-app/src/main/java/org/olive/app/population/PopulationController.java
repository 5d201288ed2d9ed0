package org.olive.app.population;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.olive.app.account.Permission;
import org.olive.app.audit.AuditLog;
import org.olive.app.web.UnmaskedExport;
import org.olive.export.SpreadsheetCell;
import org.olive.app.population.PopulationLedger.Filter;
import org.olive.app.security.Access;
import org.olive.app.security.AreaScope;
import org.olive.app.security.PersonalDataAccess;
import org.olive.geography.Division;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 人口一本账: the four population lists of a period (registered, resident, floating, separated) with their counts by
 * township, village, age group and sex, the members page by page with the period they joined, the exits since the
 * previous month, and a CSV export. Cadres see their township only; member pages and exports are audited. The
 * members, the exits and the CSV are personal rows: a role without {@link Permission#READ_PERSONAL_DATA} (the policy
 * officer) gets the counts, the areas and the pyramid only (docs/access.md).
 */
@Controller
public class PopulationController {

    /** Members per page. */
    static final int PAGE_SIZE = 50;
    /** Audit subject type of a list's membership. */
    static final String AUDIT_SUBJECT = "POPULATION_LIST";

    private final PopulationLedger ledger;
    private final AreaNames areas;
    private final AuditLog audit;
    private final PersonalDataAccess access;

    public PopulationController(PopulationLedger ledger, AreaNames areas, AuditLog audit, PersonalDataAccess access) {
        this.ledger = ledger;
        this.areas = areas;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/population")
    public String lists(@RequestParam(required = false) String period, @RequestParam(required = false) String list,
                        @RequestParam(required = false) String township, @RequestParam(required = false) String village,
                        @RequestParam(required = false) String sex, @RequestParam(required = false) String age,
                        @RequestParam(defaultValue = "1") int page, AreaScope scope, Model model,
                        HttpServletResponse response) {
        List<String> periods = ledger.periods();
        List<String> errors = new ArrayList<>();
        Filter f = filter(periods, period, list, township, village, sex, age, scope, errors);
        model.addAttribute("ledger", "population");
        model.addAttribute("periods", periods);
        model.addAttribute("lists", PopulationList.values());
        model.addAttribute("errors", errors);
        model.addAttribute("areas", areas);
        model.addAttribute("townships", townshipChoices(scope));
        model.addAttribute("villages", villageChoices(f == null ? Access.township(scope) : f.township()));
        model.addAttribute("ageGroups", AgeGroup.BROAD);
        model.addAttribute("scopeTownship", Access.township(scope));
        boolean rows = Access.may(Permission.READ_PERSONAL_DATA);
        model.addAttribute("personalRows", rows);
        model.addAttribute("mayUnmask", Access.mayUnmask());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("filter", f);
        if (f == null) {
            return "population/lists";
        }
        Map<PopulationList, Long> counts = ledger.counts(f);
        List<PopulationLedger.Band> pyramid = ledger.pyramid(f);
        if (rows) {
            PopulationLedger.MemberPage members = ledger.members(f, page, PAGE_SIZE);
            audit.recordView(AUDIT_SUBJECT, f.period() + " " + f.list().id(), "page " + members.page() + describe(f));
            model.addAttribute("members", members);
            model.addAttribute("exitCount", ledger.exitCount(f));
            model.addAttribute("exits", ledger.exits(f));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("byTownship", ledger.byTownship(f));
        model.addAttribute("byVillage", ledger.byVillage(f));
        model.addAttribute("pyramid", pyramid);
        model.addAttribute("broad", PopulationLedger.broadGroups(pyramid));
        model.addAttribute("previous", PopulationLedger.previous(f.period()));
        model.addAttribute("maxExits", PopulationLedger.MAX_EXITS);
        return "population/lists";
    }

    /**
     * The membership of a list as CSV (UTF-8 with byte-order mark, opens in Excel): registry number, ID number (masked),
     * name, sex, age, village, member since. Audited as an export. Formula-like cells are escaped.
     */
    @GetMapping("/population/members.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String period,
                                      @RequestParam(required = false) String list,
                                      @RequestParam(required = false) String township,
                                      @RequestParam(required = false) String village,
                                      @RequestParam(required = false) String sex, @RequestParam(required = false) String age,
                                      AreaScope scope) {
        return csv(period, list, township, village, sex, age, scope, null);
    }

    /**
     * The same CSV with full ID numbers: an explicit POST by a role that may unmask, with a stated reason that is
     * audited with the export ({@link UnmaskedExport}).
     */
    @PostMapping("/population/members.csv")
    public ResponseEntity<byte[]> unmaskedCsv(@RequestParam(required = false) String period,
                                              @RequestParam(required = false) String list,
                                              @RequestParam(required = false) String township,
                                              @RequestParam(required = false) String village,
                                              @RequestParam(required = false) String sex,
                                              @RequestParam(required = false) String age,
                                              @RequestParam(required = false) String reason, AreaScope scope) {
        return csv(period, list, township, village, sex, age, scope, UnmaskedExport.reason(reason));
    }

    private ResponseEntity<byte[]> csv(String period, String list, String township, String village, String sex, String age,
                                       AreaScope scope, String unmaskReason) {
        access.require(Permission.READ_PERSONAL_DATA, AUDIT_SUBJECT, "CSV");
        List<String> errors = new ArrayList<>();
        Filter f = filter(ledger.periods(), period, list, township, village, sex, age, scope, errors);
        if (f == null || !errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(String.join("\n", errors.isEmpty() ? List.of("no ledger period to export") : errors)
                            .getBytes(StandardCharsets.UTF_8));
        }
        boolean unmasked = unmaskReason != null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            w.write('\uFEFF');
            csv.printRecord(SpreadsheetCell.row("登记号", "公民身份号码", "姓名", "性别", "年龄", "村（社区）", "村（社区）代码", "列入期间"));
            ledger.eachMember(f, m -> {
                try {
                    csv.printRecord(SpreadsheetCell.row(m.personKey(), unmasked ? m.idNumber() : m.maskedId(), m.name(),
                            m.sex(), m.age(), areas.of(m.village()), m.village(), m.since()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordExport(AUDIT_SUBJECT, f.period() + " " + f.list().id(),
                "CSV" + (unmasked ? " UNMASKED, reason: " + unmaskReason + "," : " masked") + describe(f));
        String name = "population-" + f.list().id() + "-" + f.period() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes.toByteArray());
    }

    /**
     * The filter of a request, or null when there is no ledger period at all. Bad values are reported in
     * {@code errors} (parameter, value, reason) and ignored; a cadre asking for another township is refused.
     */
    private Filter filter(List<String> periods, String period, String list, String township, String village,
                          String sex, String age, AreaScope scope, List<String> errors) {
        String p = blank(period);
        if (p != null && !periods.contains(p)) {
            errors.add("period '" + p + "': no successful ledger run for this period");
            p = null;
        }
        if (p == null) {
            p = periods.isEmpty() ? null : periods.get(0);
        }
        PopulationList l = PopulationList.RESIDENT;
        if (blank(list) != null) {
            l = PopulationList.of(list).orElse(null);
            if (l == null) {
                errors.add("list '" + list + "': expected registered, resident, floating or separated");
                l = PopulationList.RESIDENT;
            }
        }
        String t = Access.township(scope);
        if (blank(township) != null) {
            String asked = areas.township(township.strip());
            if (asked == null) {
                errors.add("township '" + township + "': not a township of " + areas.divisions().county().name());
            } else {
                access.requireArea(scope, asked, "TOWNSHIP", asked);
                t = asked;
            }
        }
        String v = blank(village);
        if (v != null) {
            if (!areas.isVillage(v)) {
                errors.add("village '" + v + "': not a village code of " + areas.divisions().county().name());
                v = null;
            } else if (!Access.allows(scope, v)) {
                access.requireArea(scope, v, "VILLAGE", v);
            } else if (t != null && !v.startsWith(t)) {
                errors.add("village '" + v + "': not in township " + areas.of(t));
                v = null;
            }
        }
        String s = blank(sex);
        if (s != null && !List.of("M", "F", "U").contains(s)) {
            errors.add("sex '" + s + "': expected M, F or U");
            s = null;
        }
        AgeGroup a = null;
        if (blank(age) != null) {
            try {
                a = AgeGroup.parse(age);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return p == null ? null : new Filter(p, l, t, v, s, a);
    }

    private List<Division> townshipChoices(AreaScope scope) {
        String t = Access.township(scope);
        return areas.divisions().townships().stream().filter(d -> t == null || d.code().startsWith(t)).toList();
    }

    private List<Division> villageChoices(String township) {
        return township == null ? List.of() : areas.divisions().villagesOf(township + "000");
    }

    private static String describe(Filter f) {
        return (f.township() == null ? "" : ", township " + f.township())
                + (f.village() == null ? "" : ", village " + f.village())
                + (f.sex() == null ? "" : ", sex " + f.sex())
                + (f.age() == null ? "" : ", age " + f.age().label());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
