package org.olive.accuracy.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the pipeline rejected, repaired, edited or flagged with the generator's {@code truth/faults.csv}, per
 * fault type ({@code olive faults}; docs/editing.md). The production pipeline never reads the truth.
 */
public final class FaultComparison {

    /** The fault types of docs/data-catalog.md §4, in its order. */
    public static final List<String> TYPES = List.of("INVALID_ID_CHECKSUM", "LEGACY_ID_15", "DUPLICATE_ROW",
            "MISSING_CROSSING", "STALE_ADDRESS", "DEAD_STILL_IN_HUKOU", "SPOUSE_CONFLICT", "NAME_TYPO", "ABSURD_AMOUNT",
            "WRONG_ENCODING", "UNKNOWN_CODE");

    private final Map<String, FaultMatcher> matchers = new LinkedHashMap<>();

    /** The built-in matcher of every type. */
    public FaultComparison() {
        for (FaultMatcher m : List.of(new InvalidIdChecksumMatcher(), new LegacyId15Matcher(), new DuplicateRowMatcher(),
                new MissingCrossingMatcher(), new StaleAddressMatcher(), new DeadStillInHukouMatcher(),
                new SpouseConflictMatcher(), new NameTypoMatcher(), new AbsurdAmountMatcher(), new WrongEncodingMatcher(),
                new UnknownCodeMatcher())) {
            matchers.put(m.type(), m);
        }
    }

    /** Replaces (or adds) the matcher of its type. */
    public FaultComparison with(FaultMatcher m) {
        matchers.put(m.type(), m);
        return this;
    }

    /** Reads truth/faults.csv of the county folder and compares the periods from..to (yyyy-MM). */
    public FaultReport compare(Connection c, Path countyDir, String from, String to, int listFirst)
            throws IOException, SQLException {
        return compare(c, TruthFault.read(countyDir.resolve("truth").resolve("faults.csv"), from, to), from, to, listFirst);
    }

    /** Compares the given faults. */
    public FaultReport compare(Connection c, List<TruthFault> faults, String from, String to, int listFirst)
            throws SQLException {
        Evidence e = new Evidence(c, from, to);
        Map<String, List<TruthFault>> byType = new LinkedHashMap<>();
        TYPES.forEach(t -> byType.put(t, new ArrayList<>()));
        faults.forEach(f -> byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f));
        List<FaultReport.TypeLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<TruthFault>> t : byType.entrySet()) {
            FaultMatcher m = matchers.get(t.getKey());
            List<TruthFault> list = t.getValue();
            if (m == null) {
                lines.add(new FaultReport.TypeLine(t.getKey(), list.size(), 0, list.size(), Map.of(),
                        "not yet matched: no matcher for this type", List.of()));
                continue;
            }
            FaultMatcher.Outcome o = list.isEmpty() ? new FaultMatcher.Outcome(List.of(), List.of(), List.of(), "")
                    : m.match(e, list);
            Map<String, Long> how = new LinkedHashMap<>();
            o.detected().forEach(d -> how.merge(category(d.how()), 1L, Long::sum));
            lines.add(new FaultReport.TypeLine(t.getKey(), list.size(), o.detected().size(), o.notMatched().size(), how,
                    o.note(), o.undetected().stream().limit(listFirst).map(TruthFault::describe).toList()));
        }
        return new FaultReport(from, to, lines);
    }

    /** "rejected: ID number check …" → "rejected". */
    private static String category(String how) {
        int colon = how.indexOf(':');
        int paren = how.indexOf(" (");
        int end = colon < 0 ? paren : paren < 0 ? colon : Math.min(colon, paren);
        return end < 0 ? how : how.substring(0, end);
    }
}
