package org.olive.app.group;

import static org.olive.app.web.AggregateSheets.header;
import static org.olive.app.web.AggregateSheets.row;

import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Worksheet;
import org.olive.app.group.GroupProfileQuery.Count;
import org.olive.app.group.GroupProfileQuery.Profile;
import org.olive.app.population.PopulationLedger.Band;
import org.olive.group.GroupDefinitions;

/**
 * The profile of a group at a period as an XLSX workbook (FastExcel): one sheet per part — summary, size over the
 * periods, townships, villages, age and sex, education, occupation, industry, income. Aggregates only (no person).
 * Every text cell is written as text and escaped against formulas ({@link SpreadsheetCell}); numbers as numbers.
 */
final class GroupProfileExport {

    private final GroupDefinitions.Group group;
    private final Profile profile;
    private final List<GroupBoard.Point> trend;
    private final Long lastMonth;
    private final Long lastYear;
    private final Function<String, String> label;
    private final ProfileCells cells;

    /**
     * @param label the display name of a message key ({@code group.tier.STABLE}, {@code education.20} …)
     */
    GroupProfileExport(GroupDefinitions.Group group, Profile profile, List<GroupBoard.Point> trend, Long lastMonth,
                       Long lastYear, Function<String, String> label, ProfileCells cells) {
        this.cells = cells;
        this.group = group;
        this.profile = profile;
        this.trend = trend;
        this.lastMonth = lastMonth;
        this.lastYear = lastYear;
        this.label = label;
    }

    String fileName() {
        return "group-" + group.id() + "-" + profile.period() + ".xlsx";
    }

    byte[] xlsx() {
        return org.olive.app.web.AggregateSheets.xlsx(wb -> {
            summary(wb.newWorksheet("概况"));
            Worksheet ws = wb.newWorksheet("规模趋势");
            header(ws, "期间", "人数", "收入已监测", "监测覆盖率");
            int r = 1;
            for (GroupBoard.Point p : trend) {
                row(ws, r++, p.period(), p.members(), p.monitored(), p.share());
            }
            counts(wb.newWorksheet("乡镇分布"), "乡镇", ProfileCells.TOWNSHIP, profile.byTownship());
            counts(wb.newWorksheet("村社分布"), "村（社区）", ProfileCells.VILLAGE, profile.byVillage());
            ws = wb.newWorksheet("年龄性别");
            header(ws, "年龄组", "男", "女", "未知");
            r = 1;
            for (Band b : profile.pyramid()) {
                row(ws, r++, b.label(), cells.value(ProfileCells.PYRAMID, b.label() + ":M", b.male()),
                        cells.value(ProfileCells.PYRAMID, b.label() + ":F", b.female()),
                        cells.value(ProfileCells.PYRAMID, b.label() + ":U", b.unknown()));
            }
            ws = wb.newWorksheet("学历");
            header(ws, "代码", "文化程度（GB/T 4658）", "人数");
            r = 1;
            for (Count c : profile.education()) {
                row(ws, r++, c.code(), label.apply("group.education." + (c.code().isEmpty() ? "none" : c.code())),
                        cells.value(ProfileCells.EDUCATION, c.code(), c.count()));
            }
            occupations(wb.newWorksheet("职业"), "职业中类（GB/T 6565）", ProfileCells.OCCUPATION, profile.occupations(),
                    profile.occupationUnknown());
            occupations(wb.newWorksheet("行业"), "行业大类（GB/T 4754）", ProfileCells.INDUSTRY, profile.industries(),
                    profile.industryUnknown());
            income(wb.newWorksheet("收入结构"));
        });
    }

    private void summary(Worksheet ws) {
        header(ws, "项目", "值");
        int r = 1;
        row(ws, r++, "群体", group.nameZh());
        row(ws, r++, "群体编号", group.id());
        row(ws, r++, "期间", profile.period());
        row(ws, r++, "人数", profile.members());
        row(ws, r++, "其中人工入列", profile.manual());
        row(ws, r++, "上月人数", lastMonth);
        row(ws, r++, "较上月变化", lastMonth == null ? null : profile.members() - lastMonth);
        row(ws, r++, "上年同期人数", lastYear);
        row(ws, r++, "较上年同期变化", lastYear == null ? null : profile.members() - lastYear);
        row(ws, r++, "本月入列", profile.entered());
        row(ws, r++, "本月出列", profile.left());
        for (var e : profile.tiers().entrySet()) {
            row(ws, r++, label.apply("group.tier." + e.getKey()), cells.value(ProfileCells.TIER, e.getKey(), e.getValue()));
        }
        GroupBoard.Point now = trend.stream().filter(p -> p.period().equals(profile.period())).findFirst().orElse(null);
        row(ws, r++, "收入已监测人数", now == null ? null : now.monitored());
        row(ws, r++, "重点群体收入监测覆盖率（试点指标6）", now == null ? null : now.share());
        row(ws, r, "小格规则", cells.minPersons() <= 1 ? "全部精确数" : "少于 " + cells.minPersons() + " 人的格显示为 "
                + cells.label() + "；同一表中仅一格被隐藏时，次小的一格也隐藏（县域配置 publication.min_cell_persons）");
    }

    private void counts(Worksheet ws, String what, String table, List<Count> rows) {
        header(ws, "代码", what, "人数");
        int r = 1;
        for (Count c : rows) {
            row(ws, r++, c.code(), c.name() == null ? "未知" : c.name(), cells.value(table, c.code(), c.count()));
        }
    }

    private void occupations(Worksheet ws, String what, String table, List<Count> rows, long unknown) {
        header(ws, "代码", what, "人数");
        int r = 1;
        for (Count c : rows) {
            row(ws, r++, c.code(), c.name(), cells.value(table, c.code(), c.count()));
        }
        row(ws, r, "", "未知", cells.value(table, ProfileCells.UNKNOWN, unknown));
    }

    private void income(Worksheet ws) {
        GroupProfileQuery.Income in = profile.income();
        header(ws, "项目", "值");
        int r = 1;
        row(ws, r++, "有收入记录的成员", in.withIncome());
        row(ws, r++, "家庭有收入的成员", in.withFamily());
        Object q = new org.olive.app.web.AggregateSheets.Hidden(cells.label());
        row(ws, r++, "家庭人均可支配收入 下四分位（元）", cells.quartilesHidden() ? q : in.p25());
        row(ws, r++, "家庭人均可支配收入 中位数（元）", cells.quartilesHidden() ? q : in.median());
        row(ws, r++, "家庭人均可支配收入 上四分位（元）", cells.quartilesHidden() ? q : in.p75());
        for (var e : in.totals().entrySet()) {
            row(ws, r++, label.apply("group.component." + e.getKey()) + "（合计，元）", cells.totalsHidden() ? q : e.getValue());
        }
        for (var e : in.shares().entrySet()) {
            row(ws, r++, label.apply("group.component." + e.getKey()) + "（占总收入）", cells.totalsHidden() ? q : e.getValue());
        }
        for (var e : in.brackets().entrySet()) {
            row(ws, r++, "家庭在收入群体 " + e.getKey() + " 的成员", cells.value(ProfileCells.BRACKET, e.getKey(), e.getValue()));
        }
    }
}
