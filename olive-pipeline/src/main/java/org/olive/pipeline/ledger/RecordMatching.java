package org.olive.pipeline.ledger;

import org.olive.identity.IdNumber;
import org.olive.ingest.mapping.BuiltInMappings;
import org.olive.ingest.mapping.DatasetMapping;
import org.olive.ingest.mapping.FieldType;
import org.olive.period.Period;
import org.olive.person.Candidate;
import org.olive.person.MatchQuery;
import org.olive.person.MatchResult;
import org.olive.person.MatchRules;
import org.olive.person.MatchStatus;
import org.olive.person.RecordMatcher;
import org.olive.pipeline.ingest.MasterTables;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Matches the source rows of a period that were rejected at ingestion only for their ID number (invalid or
 * missing) to persons of the registry, on name, sex, birth date and village, with an explainable score; writes the
 * outcome to person_match and gives back the rows it could attribute (MATCHED or CONFIRMED).
 *
 * <p>Which rows: the ingest_reject rows of the period's SUCCEEDED ingest run of the person-grain datasets (those
 * whose canonical schema has a required {@code person_id} ID number), where the row has exactly one reject and its
 * parsed values ({@code parsed_row}) lack {@code person_id}: since {@code person_id} is required, a row without it
 * among its parsed values had its ID refused (invalid or empty), and a single reject means nothing else was wrong.
 * Crossings (进出岛记录) are left out: most of their rows are tourists, who are not in the registry, so matching them
 * would fill the review queue with noise; a resident's crossing lost this way is one of the missing crossings that
 * presence reconstruction already tolerates (domain.md §6).
 *
 * <p>Candidates: every person of the registry table {@code person} (filled by the ledger before this runs), with
 * the villages they are known at in the visible basic_hukou and basic_floating rows of the trailing twelve months
 * up to the period (not only the period itself: a person whose only hukou row of the month was refused has no row
 * of the month to give a village).
 *
 * <p>Writes: one person_match row per such source row (unique per period, dataset, file and row). A re-run updates
 * MATCHED, REVIEW and NO_CANDIDATE rows, deletes those of rows no longer rejected (the period was re-ingested), and
 * never touches CONFIRMED or REJECTED decisions; a CONFIRMED row is attributed to its confirmed candidate. The
 * evidence column holds a compact JSON of the field comparisons. Works on the caller's connection and transaction
 * (it neither commits nor changes auto-commit). The progress messages never contain ID numbers.
 */
public final class RecordMatching {

    /** Person-grain datasets not matched, and why: see the class comment. */
    public static final Set<String> SKIPPED_DATASETS = Set.of("crossings");
    /** The canonical field holding the person's ID number in person-grain datasets. */
    public static final String PERSON_ID = "person_id";
    /** Months of master rows (the period and the ones before) whose villages are known for a candidate. */
    public static final int VILLAGE_MONTHS = 12;

    static final int EVIDENCE_MAX = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() {
    };

    /** A rejected row attributed to a person: its dataset, source, the person's ID number and its parsed values. */
    public record RecoveredRow(String dataset, String fileName, long sourceRow, String personId,
                               Map<String, String> values) {
    }

    /** The rows attributed in a period, and counts per status. */
    public record Result(List<RecoveredRow> recovered, Map<String, Integer> countsByStatus) {
    }

    /** A reviewer's decision on a person_match row. */
    public enum Decision {
        /** The row is the candidate's (the row's candidate, or another person named by the reviewer). */
        CONFIRM,
        /** The row is not the candidate's; it stays unattributed. */
        REJECT
    }

    private final MatchRules rules;
    private final List<DatasetMapping> datasets;
    private Consumer<String> progress = s -> { };

    /** Matching with {@link MatchRules#defaults()} over the built-in datasets. */
    public RecordMatching() {
        this(MatchRules.defaults());
    }

    private VillageHistory history;

    public RecordMatching(MatchRules rules) {
        this.rules = rules;
        this.datasets = BuiltInMappings.all().stream().filter(RecordMatching::personGrain).toList();
    }

    /**
     * Keeps the villages of the trailing months between the calls of one process (a run's consecutive periods read
     * only the new period's hukou and floating rows); without it each call reads the whole window.
     */
    RecordMatching villages(VillageHistory history) {
        this.history = history;
        return this;
    }

    /** Receives one summary line per call of {@link #match} (counts only, never ID numbers). */
    public RecordMatching progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public MatchRules rules() {
        return rules;
    }

    /** The datasets whose rows refused for their ID are matched. */
    public List<String> datasets() {
        return datasets.stream().map(DatasetMapping::dataset).toList();
    }

    static boolean personGrain(DatasetMapping m) {
        if (SKIPPED_DATASETS.contains(m.dataset())) {
            return false;
        }
        return m.field(PERSON_ID).map(f -> f.type() == FieldType.ID_NUMBER && f.required()).orElse(false);
    }

    /** See the class comment. */
    public Result match(Connection connection, String period) throws SQLException {
        Period p = Period.parse(period);
        long t0 = System.nanoTime();
        List<RefusedRow> rows = refusedRows(connection, period);
        Map<Long, Candidate> candidates = candidates(connection, p);
        RecordMatcher matcher = new RecordMatcher(rules, candidates.values());
        Map<String, Existing> existing = existing(connection, period);

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("MATCHED", "REVIEW", "NO_CANDIDATE", "CONFIRMED", "REJECTED")) {
            counts.put(s, 0);
        }
        List<RecoveredRow> recovered = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person_match (data_period, dataset, file_name, "
                + "source_row, raw_id, name, sex, birth_date, village_code, candidate_key, score, evidence, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE person_match SET raw_id = ?, name = ?, sex = ?, "
                     + "birth_date = ?, village_code = ?, candidate_key = ?, score = ?, evidence = ?, status = ? WHERE id = ? "
                     + "AND status IN ('MATCHED', 'REVIEW', 'NO_CANDIDATE')")) {
            for (RefusedRow row : rows) {
                Existing before = existing.get(row.key());
                if (before != null) {
                    seen.add(before.id);
                    if (before.status.equals("CONFIRMED") || before.status.equals("REJECTED")) {
                        counts.merge(before.status, 1, Integer::sum);
                        Candidate c = before.candidateKey == null ? null : candidates.get(before.candidateKey);
                        if (before.status.equals("CONFIRMED") && c != null) {
                            recovered.add(new RecoveredRow(row.dataset, row.fileName, row.sourceRow, c.idNumber(), row.values));
                        }
                        continue;
                    }
                }
                MatchQuery q = row.query();
                MatchResult r = matcher.match(q);
                String status = r.status().name();
                counts.merge(status, 1, Integer::sum);
                Long candidateKey = r.status() == MatchStatus.NO_CANDIDATE ? null : r.best().candidate().key();
                BigDecimal score = r.best() == null ? null : BigDecimal.valueOf(r.best().total());
                String evidence = evidence(r);
                PreparedStatement ps = before == null ? insert : update;
                int i = 1;
                if (before == null) {
                    ps.setString(i++, period);
                    ps.setString(i++, row.dataset);
                    ps.setString(i++, row.fileName);
                    ps.setLong(i++, row.sourceRow);
                }
                ps.setString(i++, clip(q.rawId(), 100));
                ps.setString(i++, clip(q.name(), 50));
                ps.setString(i++, clip(q.sex(), 1));
                ps.setObject(i++, q.birthDate() == null ? null : Date.valueOf(q.birthDate()), Types.DATE);
                ps.setString(i++, clip(q.villageCode(), 12));
                ps.setObject(i++, candidateKey, Types.BIGINT);
                ps.setBigDecimal(i++, score);
                ps.setString(i++, evidence);
                ps.setString(i++, status);
                if (before != null) {
                    ps.setLong(i, before.id);
                }
                ps.addBatch();
                if (r.status() == MatchStatus.MATCHED) {
                    recovered.add(new RecoveredRow(row.dataset, row.fileName, row.sourceRow, r.matched().idNumber(), row.values));
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        int dropped = deleteStale(connection, existing, seen);
        progress.accept(period + " record matching: " + rows.size() + " rows refused only for their ID number, "
                + candidates.size() + " persons in the registry; " + counts + (dropped > 0 ? "; " + dropped
                + " earlier suggestions of rows no longer rejected removed" : "") + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
        return new Result(List.copyOf(recovered), Collections.unmodifiableMap(counts));
    }

    /**
     * Records a reviewer's decision on a person_match row. CONFIRM attributes the row to {@code candidateKey}, or to
     * the row's suggested candidate when it is {@code null}; REJECT marks the row as not the candidate's. Later runs
     * keep the decision. Throws {@link IllegalArgumentException} for an unknown row or person, or a confirmation
     * without any candidate. Works on the caller's transaction; the caller audits.
     */
    public void decide(Connection connection, long matchId, Decision decision, Long candidateKey, String user,
                       OffsetDateTime at) throws SQLException {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a decision needs the deciding user");
        }
        Long suggested;
        boolean found;
        try (PreparedStatement ps = connection.prepareStatement("SELECT candidate_key FROM person_match WHERE id = ?")) {
            ps.setLong(1, matchId);
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next();
                suggested = found ? (Long) rs.getObject(1, Long.class) : null;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no person_match row " + matchId);
        }
        Long key = candidateKey != null ? candidateKey : suggested;
        if (decision == Decision.CONFIRM) {
            if (key == null) {
                throw new IllegalArgumentException("person_match row " + matchId + " has no suggested candidate: name the person to confirm");
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM person WHERE person_key = ?")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no person " + key + " in the registry");
                    }
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE person_match SET status = ?, candidate_key = ?, "
                + "decided_by = ?, decided_at = ? WHERE id = ?")) {
            ps.setString(1, decision == Decision.CONFIRM ? "CONFIRMED" : "REJECTED");
            ps.setObject(2, key, Types.BIGINT);
            ps.setString(3, clip(user, 100));
            ps.setObject(4, at);
            ps.setLong(5, matchId);
            ps.executeUpdate();
        }
    }

    /** The compact JSON of a result: status, reason, score, field comparisons, runner-up; never an ID number. */
    static String evidence(MatchResult r) {
        String full = JSON.writeValueAsString(evidenceMap(r, true));
        return full.length() <= EVIDENCE_MAX ? full : clip(JSON.writeValueAsString(evidenceMap(r, false)), EVIDENCE_MAX);
    }

    private static Map<String, Object> evidenceMap(MatchResult r, boolean details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name());
        m.put("reason", r.reason());
        m.put("compared", r.compared());
        if (r.best() != null) {
            m.put("candidate", r.best().candidate().key());
            m.put("score", r.best().total());
            List<Map<String, Object>> fields = new ArrayList<>();
            r.best().comparisons().forEach(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("field", f.field().name());
                x.put("outcome", f.outcome().name());
                x.put("weight", f.weight());
                x.put("points", f.contribution());
                if (details) {
                    x.put("detail", f.detail());
                }
                fields.add(x);
            });
            m.put("fields", fields);
        }
        if (r.runnerUp() != null) {
            m.put("runnerUp", Map.of("candidate", r.runnerUp().candidate().key(), "score", r.runnerUp().total()));
        }
        return m;
    }

    private List<RefusedRow> refusedRows(Connection c, String period) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < datasets.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        String sql = "SELECT r.dataset, r.file_name, r.source_row, r.raw_value, r.parsed_row FROM ingest_reject r "
                + "JOIN ingest_run u ON u.id = r.run_id WHERE r.data_period = ? AND u.status = 'SUCCEEDED' AND r.dataset IN ("
                + in + ") ORDER BY r.dataset, r.file_name, r.source_row";
        List<RefusedRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, period);
            for (int i = 0; i < datasets.size(); i++) {
                ps.setString(2 + i, datasets.get(i).dataset());
            }
            try (ResultSet rs = ps.executeQuery()) {
                RefusedRow current = null;
                int rejectsOfCurrent = 0;
                while (rs.next()) {
                    String dataset = rs.getString(1);
                    String file = rs.getString(2);
                    long row = rs.getLong(3);
                    if (current != null && current.dataset.equals(dataset) && current.fileName.equals(file) && current.sourceRow == row) {
                        rejectsOfCurrent++;
                        continue;
                    }
                    keep(out, current, rejectsOfCurrent);
                    current = new RefusedRow(dataset, file, row, rs.getString(4), values(rs.getString(5), dataset, file, row));
                    rejectsOfCurrent = 1;
                }
                keep(out, current, rejectsOfCurrent);
            }
        }
        return out;
    }

    /** Keeps a row refused for its ID alone: one reject, parsed values present, person_id not among them. */
    private static void keep(List<RefusedRow> out, RefusedRow row, int rejects) {
        if (row != null && rejects == 1 && row.values != null && !row.values.containsKey(PERSON_ID)) {
            out.add(row);
        }
    }

    private static Map<String, String> values(String json, String dataset, String file, long row) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Collections.unmodifiableMap(JSON.readValue(json, VALUES));
        } catch (RuntimeException e) {
            throw new IllegalStateException("ingest_reject.parsed_row of " + dataset + " " + file + " row " + row
                    + " is not a JSON object of texts: " + e.getMessage(), e);
        }
    }

    private Map<Long, Candidate> candidates(Connection c, Period period) throws SQLException {
        Map<String, Set<String>> villages = (history == null ? new VillageHistory() : history).window(c, period, VILLAGE_MONTHS);
        Map<Long, Candidate> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, id_number, name, sex, birth_date FROM person");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long key = rs.getLong(1);
                String id = rs.getString(2);
                Date birth = rs.getDate(5);
                if (id == null || id.length() != 18) {
                    throw new IllegalStateException("person " + key + " has an ID number of " + (id == null ? 0 : id.length())
                            + " characters (" + IdNumber.mask(id) + "); the registry holds 18-character numbers only");
                }
                out.put(key, new Candidate(key, id, rs.getString(3), rs.getString(4), birth == null ? null : birth.toLocalDate(),
                        villages.getOrDefault(id, Set.of())));
            }
        }
        return out;
    }

    private static Map<String, Existing> existing(Connection c, String period) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, dataset, file_name, source_row, status, candidate_key "
                + "FROM person_match WHERE data_period = ?")) {
            ps.setString(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(key(rs.getString(2), rs.getString(3), rs.getLong(4)),
                            new Existing(rs.getLong(1), rs.getString(5), rs.getObject(6, Long.class)));
                }
            }
        }
        return out;
    }

    private static int deleteStale(Connection c, Map<String, Existing> existing, Set<Long> seen) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM person_match WHERE id = ? "
                + "AND status IN ('MATCHED', 'REVIEW', 'NO_CANDIDATE')")) {
            for (Existing e : existing.values()) {
                if (!seen.contains(e.id) && !e.status.equals("CONFIRMED") && !e.status.equals("REJECTED")) {
                    ps.setLong(1, e.id);
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
        return n;
    }

    private static String key(String dataset, String file, long row) {
        return dataset + '\u0000' + file + '\u0000' + row;
    }

    private static String clip(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }

    private record Existing(long id, String status, Long candidateKey) {
    }

    /** A source row refused only for its ID number, with its raw ID and parsed values. */
    private record RefusedRow(String dataset, String fileName, long sourceRow, String rawId, Map<String, String> values) {
        String key() {
            return RecordMatching.key(dataset, fileName, sourceRow);
        }

        MatchQuery query() {
            return new MatchQuery(rawId == null || rawId.isBlank() ? null : rawId.strip(), values.get("name"),
                    values.get("sex"), date(values.get("birth_date")), values.get("village_code"));
        }

        private static LocalDate date(String s) {
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
