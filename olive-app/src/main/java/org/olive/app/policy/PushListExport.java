package org.olive.app.policy;

import static org.olive.app.web.AggregateSheets.header;
import static org.olive.app.web.AggregateSheets.row;

import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Worksheet;
import org.olive.app.web.AggregateSheets;
import org.olive.policy.PolicyDefinitions.Policy;

/**
 * The push list of a policy (推送清单, docs/policies-web.md) as the responsible department reads it: one XLSX sheet of
 * the missed entries of the user's area at a period, in the department's terms (Chinese headers; the ID number masked;
 * a family's head for a family policy), with the entry's handling status and note. Text cells are escaped against
 * formulas, amounts written as numbers ({@link AggregateSheets}).
 */
final class PushListExport {

    static final String[] HEADERS = {"序号", "乡镇", "村社", "姓名", "公民身份号码", "户号/家庭编号", "政策名称",
            "应享金额(元)", "发现期间", "处理状态", "备注"};

    private PushListExport() {
    }

    static String fileName(Policy policy, String period, String township) {
        return "push-" + policy.code() + "-" + period + (township == null ? "" : "-" + township) + ".xlsx";
    }

    /**
     * @param area  the name of a township or village code
     * @param label the display name of a message key ({@code policy.handling.DONE} …)
     */
    static byte[] xlsx(Policy policy, String period, List<PolicyBoard.Entry> entries, Function<String, String> area,
                       Function<String, String> label) {
        return AggregateSheets.xlsx(wb -> {
            Worksheet ws = wb.newWorksheet("推送清单");
            header(ws, HEADERS);
            int r = 1;
            for (PolicyBoard.Entry e : entries) {
                row(ws, r, r, area.apply(e.township()), e.village() == null ? null : area.apply(e.village()),
                        e.name(), e.maskedId(), e.hukouNo() != null ? e.hukouNo() : e.familyKey(), policy.nameZh(),
                        e.eligibleAmount(), period, label.apply("policy.handling." + e.handlingStatus()),
                        e.handling() == null ? null : e.handling().note());
                r++;
            }
            ws.width(1, 12);
            ws.width(2, 16);
            ws.width(4, 22);
            ws.width(5, 18);
            ws.width(6, 24);
            ws.width(10, 30);
        });
    }
}
