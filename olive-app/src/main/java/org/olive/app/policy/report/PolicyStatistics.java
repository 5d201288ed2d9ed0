package org.olive.app.policy.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.olive.app.web.AggregateSheets;
import org.olive.geography.Division;
import org.olive.period.Period;
import org.olive.pipeline.county.CountyProfile;
import org.olive.pipeline.policy.PolicyReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The automatic statistical report of the policy ledger for a period (政策落实情况统计报告, issue 15), in Chinese, as XLSX
 * and as PDF: the overall figures, each policy (eligible, covered, missed, leakage, coverage, money), each township,
 * and pilot indicator 7 with its groups. Aggregates only: no person appears in it.
 *
 * <p>The PDF is written with Apache PDFBox and embeds (as a subset) a Chinese font found on the machine (WenQuanYi Zen
 * Hei from Debian's fonts-wqy-zenhei, Noto Sans CJK, or {@code OLIVE_CJK_FONT}), so that it reads the same everywhere;
 * without one the report says which files it looked for and how to install one.
 */
public final class PolicyStatistics {

    /** The fonts looked for, in order, after {@code OLIVE_CJK_FONT}. */
    static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private final String county;
    private final String period;
    private final PolicyReport overall;
    private final Map<String, PolicyReport> townships;

    private PolicyStatistics(String county, String period, PolicyReport overall, Map<String, PolicyReport> townships) {
        this.county = county;
        this.period = period;
        this.overall = overall;
        this.townships = townships;
    }

    /** Reads the period's stored policy ledger, for the county and each township of the profile. */
    public static PolicyStatistics read(Connection c, CountyProfile profile, Period p) throws SQLException {
        PolicyReport overall = PolicyReport.read(c, profile.policies(), p, null, null);
        Map<String, PolicyReport> towns = new LinkedHashMap<>();
        for (Division d : profile.divisions().townships()) {
            towns.put(d.name(), PolicyReport.read(c, profile.policies(), p, d.code().substring(0, 9), null));
        }
        return new PolicyStatistics(profile.area().name(), p.toString(), overall, towns);
    }

    public boolean stored() {
        return overall.stored();
    }

    String title() {
        return county + "惠民政策落实情况统计报告（" + period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5))
                + "月）";
    }

    /** The overall figures as label and text. */
    List<String[]> summary() {
        long eligible = 0, covered = 0, missed = 0, leakage = 0;
        double due = 0, received = 0;
        for (PolicyReport.Row r : overall.policies()) {
            eligible += r.eligible();
            covered += r.covered();
            missed += r.missed();
            leakage += r.leakage();
            due += r.eligibleAmount();
            received += r.receivedAmount();
        }
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"统计期", period});
        out.add(new String[] {"在册政策数", String.valueOf(overall.policies().size())});
        out.add(new String[] {"应享对象（人/户次）", String.valueOf(eligible)});
        out.add(new String[] {"应享已享（覆盖）", String.valueOf(covered)});
        out.add(new String[] {"应享未享（推送清单）", String.valueOf(missed)});
        out.add(new String[] {"疑似不应享而享（待核查）", String.valueOf(leakage)});
        out.add(new String[] {"政策覆盖率", eligible == 0 ? "-" : pct((double) covered / eligible)});
        out.add(new String[] {"应享金额（元，单次发放）", money(due)});
        out.add(new String[] {"窗口期内实发金额（元）", money(received)});
        PolicyReport.Coverage cov = overall.coverage();
        out.add(new String[] {"重点群体精准激励政策覆盖率（指标7）", cov == null || cov.share() == null ? "-"
                : pct(cov.share()) + "（" + cov.covered() + "/" + cov.members() + "，截至" + cov.quarterEnd() + "）"});
        return out;
    }

    static final String[] POLICY_HEADER = {"政策代码", "政策名称", "责任部门", "类型", "对象", "规则版本", "应享", "已享",
            "未享", "疑似多发", "覆盖率", "应享金额(元)", "实发金额(元)"};

    List<Object[]> policyRows() {
        List<Object[]> out = new ArrayList<>();
        for (PolicyReport.Row r : overall.policies()) {
            out.add(new Object[] {r.code(), r.name(), r.department(), r.kind().equals("SAFETY_NET") ? "兜底型" : "发展型",
                    r.unit().equals("FAMILY") ? "家庭" : "个人", r.version(), r.eligible(), r.covered(), r.missed(),
                    r.leakage(), r.coverage() == null ? "-" : pct(r.coverage()), round(r.eligibleAmount()),
                    round(r.receivedAmount())});
        }
        return out;
    }

    static final String[] TOWN_HEADER = {"乡镇", "应享", "已享", "未享", "疑似多发", "覆盖率", "指标7"};

    List<Object[]> townRows() {
        List<Object[]> out = new ArrayList<>();
        townships.forEach((name, r) -> {
            long e = 0, c = 0, m = 0, l = 0;
            for (PolicyReport.Row x : r.policies()) {
                e += x.eligible();
                c += x.covered();
                m += x.missed();
                l += x.leakage();
            }
            PolicyReport.Coverage cov = r.coverage();
            out.add(new Object[] {name, e, c, m, l, e == 0 ? "-" : pct((double) c / e),
                    cov == null || cov.share() == null ? "-" : pct(cov.share())});
        });
        return out;
    }

    static final String[] GROUP_HEADER = {"重点群体", "覆盖人数", "群体规模", "覆盖率"};

    List<Object[]> groupRows() {
        List<Object[]> out = new ArrayList<>();
        if (overall.coverage() != null) {
            overall.coverage().groups().forEach((g, n) -> out.add(new Object[] {g, n[0], n[1],
                    n[1] == 0 ? "-" : pct((double) n[0] / n[1])}));
        }
        return out;
    }

    static final String NOTE = "说明：应享对象依县域配置 policies.yaml 中各政策的资格规则与当期数据自动识别；实发以"
            + "惠民惠农财政补贴“一卡通”发放明细（低保以社会救助发放）为准，在政策的发放窗口内计；疑似多发为有发放但"
            + "当期未识别为应享的对象，需部门核查。本报告仅含汇总数，不含个人信息。";

    /** The report as an XLSX workbook. */
    public byte[] xlsx() {
        return AggregateSheets.xlsx(wb -> {
            var s = wb.newWorksheet("总体情况");
            s.value(0, 0, title());
            s.style(0, 0).bold().set();
            int r = 2;
            for (String[] x : summary()) {
                AggregateSheets.row(s, r++, x[0], x[1]);
            }
            s.value(r + 1, 0, NOTE);
            sheet(wb.newWorksheet("分政策"), POLICY_HEADER, policyRows());
            sheet(wb.newWorksheet("分乡镇"), TOWN_HEADER, townRows());
            sheet(wb.newWorksheet("重点群体覆盖"), GROUP_HEADER, groupRows());
        });
    }

    private static void sheet(org.dhatim.fastexcel.Worksheet ws, String[] header, List<Object[]> rows) {
        AggregateSheets.header(ws, header);
        int r = 1;
        for (Object[] row : rows) {
            AggregateSheets.row(ws, r++, row);
        }
    }

    /** The font file to embed: {@code OLIVE_CJK_FONT}, else the first of {@link #FONTS} present. */
    static Path font() {
        String env = System.getenv("OLIVE_CJK_FONT");
        List<String> tried = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            tried.add(env);
            if (Files.isRegularFile(Path.of(env))) {
                return Path.of(env);
            }
        }
        for (String f : FONTS) {
            tried.add(f);
            if (Files.isRegularFile(Path.of(f))) {
                return Path.of(f);
            }
        }
        throw new IllegalStateException("no Chinese font to embed in the PDF report: looked for " + tried
                + "; install one (Debian: apt-get install fonts-wqy-zenhei) or set OLIVE_CJK_FONT to a .ttf/.ttc file");
    }

    /** The report as a PDF (A4), with the Chinese font embedded as a subset. */
    public byte[] pdf() {
        Path fontFile = font();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = load(doc, fontFile);
            Pdf pdf = new Pdf(doc, font);
            pdf.text(title(), 15, 0);
            pdf.gap(6);
            pdf.text("一、总体情况", 12, 0);
            for (String[] x : summary()) {
                pdf.row(new String[] {x[0], x[1]}, new float[] {220, 300}, 9.5f);
            }
            pdf.gap(6);
            pdf.text("二、分政策情况", 12, 0);
            pdf.row(new String[] {"政策", "名称", "部门", "应享", "已享", "未享", "多发", "覆盖率"},
                    new float[] {88, 140, 72, 44, 44, 44, 44, 44}, 8.5f);
            for (Object[] r : policyRows()) {
                pdf.row(new String[] {(String) r[0], (String) r[1], (String) r[2], String.valueOf(r[6]), String.valueOf(r[7]),
                        String.valueOf(r[8]), String.valueOf(r[9]), String.valueOf(r[10])},
                        new float[] {88, 140, 72, 44, 44, 44, 44, 44}, 8f);
            }
            pdf.gap(6);
            pdf.text("三、分乡镇情况", 12, 0);
            float[] tw = {120, 60, 60, 60, 60, 70, 70};
            pdf.row(TOWN_HEADER, tw, 8.5f);
            for (Object[] r : townRows()) {
                String[] cells = new String[r.length];
                for (int i = 0; i < r.length; i++) {
                    cells[i] = String.valueOf(r[i]);
                }
                pdf.row(cells, tw, 8.5f);
            }
            pdf.gap(6);
            pdf.text("四、重点群体精准激励政策覆盖率（试点指标7）", 12, 0);
            float[] gw = {160, 80, 80, 80};
            pdf.row(GROUP_HEADER, gw, 8.5f);
            for (Object[] r : groupRows()) {
                pdf.row(new String[] {String.valueOf(r[0]), String.valueOf(r[1]), String.valueOf(r[2]), String.valueOf(r[3])},
                        gw, 8.5f);
            }
            pdf.gap(8);
            pdf.paragraph(NOTE, 8.5f, 520);
            pdf.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report: " + e.getMessage(), e);
        }
    }

    private static PDType0Font load(PDDocument doc, Path file) throws IOException {
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            // the collection's first font (WenQuanYi Zen Hei: the proportional one), without parsing the others
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            for (String name : List.of("WenQuanYiZenHei", "NotoSansCJKsc-Regular", "WenQuanYiMicroHei")) {
                first[0] = first[0] == null ? ttc.getFontByName(name) : first[0];
            }
            if (first[0] == null) {
                ttc.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
            }
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, file.toFile());
    }

    /** A page writer: lines from the top, a new page when the page is full. */
    private static final class Pdf {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream out;
        private float y;
        private static final float LEFT = 40;
        private static final float TOP = 800;
        private static final float BOTTOM = 50;

        Pdf(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            page();
        }

        private void page() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            out = new PDPageContentStream(doc, p);
            y = TOP;
        }

        void gap(float h) {
            y -= h;
        }

        void text(String s, float size, float x) throws IOException {
            if (y - size * 1.5f < BOTTOM) {
                page();
            }
            y -= size * 1.5f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(LEFT + x, y);
            out.showText(s);
            out.endText();
        }

        void row(String[] cells, float[] widths, float size) throws IOException {
            if (y - size * 1.6f < BOTTOM) {
                page();
            }
            y -= size * 1.6f;
            float x = LEFT;
            for (int i = 0; i < cells.length; i++) {
                String s = cells[i] == null ? "" : cells[i];
                // clip to the column: a long policy name must not run over the next column
                while (s.length() > 1 && font.getStringWidth(s) / 1000 * size > widths[i] - 4) {
                    s = s.substring(0, s.length() - 1);
                }
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x, y);
                out.showText(s);
                out.endText();
                x += widths[i];
            }
            out.moveTo(LEFT, y - 3);
            out.lineTo(x, y - 3);
            out.setLineWidth(0.2f);
            out.stroke();
        }

        void paragraph(String s, float size, float width) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                line.append(s.charAt(i));
                if (font.getStringWidth(line.toString()) / 1000 * size > width) {
                    line.setLength(line.length() - 1);
                    text(line.toString(), size, 0);
                    line.setLength(0);
                    line.append(s.charAt(i));
                }
            }
            if (!line.isEmpty()) {
                text(line.toString(), size, 0);
            }
        }

        void close() throws IOException {
            out.close();
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static java.math.BigDecimal round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
