package org.olive.accuracy.faults;

import org.olive.ingest.mapping.DatasetMapping;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DUPLICATE_ROW (a row written twice, logged at the second copy): neutralised when the second copy was rejected (a
 * duplicate primary key, or with its twin), or both
 * were loaded into a dataset whose readers read an exact repeat once (the income sources group identical rows,
 * registers key on their subject). Duplicate crossings are rejected at ingest; a copy loaded
 * into a dataset not listed here has no evidence: "not yet matched".
 */
final class DuplicateRowMatcher implements FaultMatcher {

    /** Datasets whose readers read exact repeats once (PreciseSources, the registers keyed by subject). */
    static final Set<String> READ_ONCE = Set.of("iit", "social_insurance", "housing_fund", "platform_work", "fishery_crew",
            "fishery_vessels", "fishery_aquaculture", "bnb", "benefits", "medical", "assistance", "property_rentals",
            "dividends", "market_entity", "business_report", "education", "education_fee", "subsidy_payment");
    private static final Pattern TWIN = Pattern.compile("duplicate of row (\\d+)");

    @Override
    public String type() {
        return "DUPLICATE_ROW";
    }

    @Override
    public Outcome match(Evidence e, List<TruthFault> faults) throws SQLException {
        List<Detected> detected = new ArrayList<>();
        List<TruthFault> undetected = new ArrayList<>();
        List<TruthFault> notMatched = new ArrayList<>();
        Map<DatasetMapping, List<TruthFault>> byMapping = new HashMap<>();
        for (TruthFault f : faults) {
            Optional<DatasetMapping> m = e.mapping(f);
            Long twin = twin(f);
            String prefix = f.period() + "|" + f.file() + "|";
            if (e.rejectedRows.containsKey(prefix + f.row())) {
                // the second copy refused at ingest, e.g. as a duplicate primary key
                detected.add(new Detected(f, "copy rejected (" + e.rejectedRows.get(prefix + f.row()) + ")"));
            } else if (m.isEmpty() || !READ_ONCE.contains(m.get().dataset()) || twin == null) {
                notMatched.add(f);
            } else {
                byMapping.computeIfAbsent(m.get(), k -> new ArrayList<>()).add(f);
            }
        }
        for (Map.Entry<DatasetMapping, List<TruthFault>> g : byMapping.entrySet()) {
            List<TruthFault> both = new ArrayList<>(g.getValue());
            for (TruthFault f : g.getValue()) {
                both.add(new TruthFault(f.type(), f.period(), f.file(), twin(f), f.field(), f.original(), f.faulty()));
            }
            Map<String, String[]> rows = e.masterRows(both, g.getKey(), List.of("source_file"));
            for (TruthFault f : g.getValue()) {
                String prefix = f.period() + "|" + f.file() + "|";
                if (rows.containsKey(prefix + f.row()) && rows.containsKey(prefix + twin(f))) {
                    detected.add(new Detected(f, "exact repeat read once by the " + g.getKey().dataset() + " reader"));
                } else {
                    undetected.add(f);
                }
            }
        }
        return new Outcome(detected, undetected, notMatched, "the copy rejected, or both loaded into a dataset read "
                + "once per exact repeat; not yet matched: a copy loaded into a dataset without such a reader");
    }

    /** The first copy's row in the ingest's numbering. */
    private static Long twin(TruthFault f) {
        Matcher m = TWIN.matcher(f.faulty() == null ? "" : f.faulty());
        return m.find() ? Long.parseLong(m.group(1)) + 1 : null;
    }
}
