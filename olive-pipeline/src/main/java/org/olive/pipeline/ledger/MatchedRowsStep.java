package org.olive.pipeline.ledger;

import org.olive.person.MatchRules;

import org.olive.family.HukouMember;
import org.olive.pipeline.ledger.LedgerWork.FloatingRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import static org.olive.pipeline.ledger.LedgerWork.parseDate;
import static org.olive.pipeline.ledger.LedgerWork.validId;

/**
 * Step "matching": the rows rejected only for their ID number, matched to the registry by {@link RecordMatching};
 * matched hukou and floating rows join the inputs of the lists and the families as if they had carried the matched
 * number, with "(matched)" in their source.
 */
final class MatchedRowsStep extends PopulationStep {

    private final MatchRules rules;

    private final VillageHistory villages;

    MatchedRowsStep(MatchRules rules, VillageHistory villages) {
        super("matching", java.util.List.of("registry"));
        this.rules = rules;
        this.villages = villages;
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        RecordMatching.Result r = new RecordMatching(rules).villages(villages).match(c, w.period.toString());
        long hukou = 0;
        long floating = 0;
        for (RecordMatching.RecoveredRow row : r.recovered()) {
            Map<String, String> v = row.values();
            String id = validId(row.personId());
            if (id == null) {
                continue;
            }
            String source = row.fileName() + " 第" + row.sourceRow() + "行 (matched)";
            if ("hukou".equals(row.dataset())) {
                w.addHukou(new HukouMember(id, v.get("name"), v.get("hukou_no"), v.get("relation_to_head"), v.get("sex"),
                        parseDate(v.get("birth_date")), v.get("marital_status"), v.get("village_code"),
                        v.getOrDefault("status", "NORMAL"), parseDate(v.get("status_date")), source));
                hukou++;
            } else if ("floating".equals(row.dataset())) {
                w.addFloating(new FloatingRow(id, v.get("village_code"), v.get("origin_code"),
                        parseDate(v.get("registered_date")), parseDate(v.get("ended_date"))));
                floating++;
            }
        }
        r.countsByStatus().forEach((k, n) -> w.counts.put("matching_" + k.toLowerCase(Locale.ROOT), (long) n));
        w.counts.put("matching_recovered_hukou", hukou);
        w.counts.put("matching_recovered_floating", floating);
    }
}
