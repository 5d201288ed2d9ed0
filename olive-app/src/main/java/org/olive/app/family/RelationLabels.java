package org.olive.app.family;

import org.olive.ingest.field.CodeTable;
import org.springframework.stereotype.Component;

/** The names of GB/T 4761-2008 family-relation codes (家庭关系代码) as the hukou records them, e.g. 02 → 户主. */
@Component
public class RelationLabels {

    private final CodeTable table = CodeTable.familyRelations();

    /** "02 配偶"-style label: the code and its name, the code alone when unknown, "–" when null. */
    public String of(String code) {
        if (code == null || code.isBlank()) {
            return "–";
        }
        return table.name(code).map(n -> code + " " + n).orElse(code);
    }
}
