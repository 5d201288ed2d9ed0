package org.olive.app.group;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.olive.app.group.GroupProfileQuery.Count;
import org.olive.app.group.GroupProfileQuery.Profile;
import org.olive.app.population.PopulationLedger.Band;
import org.olive.app.web.AggregateSheets.Hidden;
import org.olive.export.SmallCells;

/**
 * Which counts of a group's profile (群体画像) a small-cell rule hides ({@link SmallCells}; docs/groups.md "Small
 * cells"): every breakdown of the members is a group of cells with a published total (the group's size) — tiers,
 * townships, villages, the age-sex pyramid (all its cells together), education, occupation and industry (with their
 * unknown), income brackets — in which a small count is hidden and, when it is alone, the next smallest too. The
 * income quartiles are hidden when fewer members' families than the rule have a figure (a median of two families is
 * their income); the component totals and shares when fewer members than the rule have income records. The size, the
 * entries and exits and the trend are the groups overview's figures and stay as they are (residual risk, documented).
 */
public final class ProfileCells {

    /** The table names the page and the workbook ask with. */
    static final String TIER = "tier", TOWNSHIP = "township", VILLAGE = "village", PYRAMID = "pyramid",
            EDUCATION = "education", OCCUPATION = "occupation", INDUSTRY = "industry", BRACKET = "bracket";
    /** The code of an occupation's or industry's "unknown" row. */
    static final String UNKNOWN = "unknown";

    private final SmallCells rule;
    private final Set<String> hidden = new HashSet<>();
    private final boolean quartilesHidden;
    private final boolean totalsHidden;

    public ProfileCells(Profile p, SmallCells rule) {
        this.rule = rule;
        group(TIER, p.tiers());
        group(TOWNSHIP, counts(p.byTownship(), null));
        group(VILLAGE, counts(p.byVillage(), null));
        Map<String, Long> pyramid = new java.util.LinkedHashMap<>();
        for (Band b : p.pyramid()) {
            pyramid.put(b.label() + ":M", b.male());
            pyramid.put(b.label() + ":F", b.female());
            pyramid.put(b.label() + ":U", b.unknown());
        }
        group(PYRAMID, pyramid);
        group(EDUCATION, counts(p.education(), null));
        group(OCCUPATION, counts(p.occupations(), p.occupationUnknown()));
        group(INDUSTRY, counts(p.industries(), p.industryUnknown()));
        group(BRACKET, p.income().brackets());
        quartilesHidden = rule.hides(p.income().withFamily());
        totalsHidden = rule.hides(p.income().withIncome());
    }

    private static Map<String, Long> counts(List<Count> rows, Long unknown) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        rows.forEach(c -> out.put(c.code(), c.count()));
        if (unknown != null) {
            out.put(UNKNOWN, unknown);
        }
        return out;
    }

    private void group(String table, Map<String, Long> cells) {
        List<String> keys = new ArrayList<>(cells.keySet());
        boolean[] hide = rule.hide(keys.stream().mapToLong(cells::get).toArray());
        for (int i = 0; i < keys.size(); i++) {
            if (hide[i]) {
                hidden.add(table + "|" + keys.get(i));
            }
        }
    }

    /** Whether a cell of a table is hidden (code: a township, village, band:M|F|U, category, tier, bracket …). */
    public boolean hidden(String table, String code) {
        return hidden.contains(table + "|" + code);
    }

    /** A count as the page shows it: the number, or {@code <N} when hidden. */
    public String show(String table, String code, long n) {
        return hidden(table, code) ? rule.label() : String.valueOf(n);
    }

    /** A count as the workbook writes it: the number, or the hidden mark. */
    public Object value(String table, String code, long n) {
        return hidden(table, code) ? new Hidden(rule.label()) : (Object) n;
    }

    /** Whether the quartiles of the families' per-capita income are hidden. */
    public boolean quartilesHidden() {
        return quartilesHidden;
    }

    /** Whether the income components' totals and shares are hidden. */
    public boolean totalsHidden() {
        return totalsHidden;
    }

    /** Whether anything of the profile is hidden (the page then says the rule). */
    public boolean any() {
        return !hidden.isEmpty() || quartilesHidden || totalsHidden;
    }

    /** What a hidden count is shown as ({@code <5}). */
    public String label() {
        return rule.label();
    }

    /** The smallest count published. */
    public int minPersons() {
        return rule.minPersons();
    }
}
