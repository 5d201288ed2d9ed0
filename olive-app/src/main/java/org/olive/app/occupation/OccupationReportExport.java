package org.olive.app.occupation;

import static org.olive.app.web.AggregateSheets.header;
import static org.olive.app.web.AggregateSheets.row;

import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Worksheet;
import org.olive.app.web.AggregateSheets.Hidden;
import org.olive.pipeline.occupation.OccupationReport;

/**
 * The occupation report (职业一本账) of a period as an XLSX workbook (FastExcel, the cells of {@link
 * org.olive.app.web.AggregateSheets}): 概况, 来源, 职业中类, 行业大类, 乡镇分布 (the county's report), 期间趋势, with Chinese
 * headers. Aggregates only; a count hidden by the small-cell rule is its text ({@code <5}), and the summary says the
 * rule. Written for the {@code /occupations} page and {@code olive occupations --format xlsx --out FILE}.
 */
public final class OccupationReportExport {

    /** The occupation 大类 (GB/T 6565 first level) of the trend sheet. */
    static final List<String> MAJOR_GROUPS = List.of("1", "2", "3", "4", "5", "6", "7", "8");

    private final OccupationReport report;
    private final Function<String, String> label;
    private final Function<String, String> area;

    /**
     * @param label the display name of a message key ({@code occupation.source.EMPLOYER})
     * @param area  the name of a township code
     */
    public OccupationReportExport(OccupationReport report, Function<String, String> label, Function<String, String> area) {
        this.report = report;
        this.label = label;
        this.area = area;
    }

    public String fileName() {
        return "occupations-" + report.period() + (report.township() == null ? "" : "-" + report.township()) + ".xlsx";
    }

    public byte[] xlsx() {
        return org.olive.app.web.AggregateSheets.xlsx(wb -> {
            summary(wb.newWorksheet("概况"));
            Worksheet ws = wb.newWorksheet("来源");
            header(ws, "来源", "人数");
            int r = 1;
            for (var e : report.sources().entrySet()) {
                row(ws, r++, label.apply("occupation.source." + e.getKey()), count(e.getValue()));
            }
            counts(wb.newWorksheet("职业中类"), "职业中类（GB/T 6565）", report.occupations());
            counts(wb.newWorksheet("行业大类"), "行业大类（GB/T 4754）", report.industries());
            if (report.township() == null) {
                ws = wb.newWorksheet("乡镇分布");
                header(ws, "乡镇代码", "乡镇", "劳动年龄人数", "有职业人数");
                r = 1;
                for (OccupationReport.Area a : report.townships()) {
                    row(ws, r++, a.township(), a.township().isEmpty() ? "未知" : area.apply(a.township()),
                            count(a.persons()), count(a.coded()));
                }
            }
            ws = wb.newWorksheet("期间趋势");
            String[] heads = new String[3 + MAJOR_GROUPS.size()];
            heads[0] = "期间";
            heads[1] = "劳动年龄人数";
            heads[2] = "有职业人数";
            for (int i = 0; i < MAJOR_GROUPS.size(); i++) {
                heads[3 + i] = "大类 " + MAJOR_GROUPS.get(i);
            }
            header(ws, heads);
            r = 1;
            for (OccupationReport.Point t : report.trend()) {
                Object[] cells = new Object[heads.length];
                cells[0] = t.period();
                cells[1] = count(t.persons());
                cells[2] = count(t.coded());
                for (int i = 0; i < MAJOR_GROUPS.size(); i++) {
                    cells[3 + i] = t.byMajorGroup().containsKey(MAJOR_GROUPS.get(i))
                            ? count(t.byMajorGroup().get(MAJOR_GROUPS.get(i))) : 0L;
                }
                row(ws, r++, cells);
            }
        });
    }

    private void summary(Worksheet ws) {
        header(ws, "项目", "值");
        int r = 1;
        row(ws, r++, "期间", report.period());
        row(ws, r++, "范围", report.township() == null ? "全县" : area.apply(report.township()));
        row(ws, r++, "劳动年龄人数", count(report.persons()));
        row(ws, r++, "有职业人数", count(report.coded()));
        row(ws, r++, "有职业占比", report.codedShare());
        row(ws, r, "小格规则", report.minCellPersons() <= 1 ? "全部精确数"
                : "少于 " + report.minCellPersons() + " 人的格显示为 " + report.hiddenLabel()
                + "；同一表中仅一格被隐藏时，次小的一格也隐藏（县域配置 publication.min_cell_persons）");
    }

    private void counts(Worksheet ws, String what, List<OccupationReport.Count> rows) {
        header(ws, "代码", what, "人数");
        int r = 1;
        for (OccupationReport.Count c : rows) {
            row(ws, r++, c.code(), c.name(), count(c.persons()));
        }
    }

    /** A published count, or the hidden mark. */
    private Object count(Long n) {
        return n == null ? new Hidden(report.hiddenLabel()) : n;
    }
}
