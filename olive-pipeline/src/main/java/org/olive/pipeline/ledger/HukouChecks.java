package org.olive.pipeline.ledger;

import org.olive.family.HouseholdVillages;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.ledger.LedgerWork.RowFlag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Step "checks": the village of every registration household of the period (core {@link HouseholdVillages}: its
 * members' rows and its village of the previous period vote) and the hukou rows whose village contradicts it, flagged
 * STALE_ADDRESS with their evidence. The lists and the families use the household's village.
 */
final class HukouChecks extends PopulationStep {

    private final RegistryChecks checks;

    HukouChecks(RegistryChecks checks) {
        super("checks", java.util.List.of("registry", "matching"));
        this.checks = checks;
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        HouseholdVillages.Result r = HouseholdVillages.of(w.hukou, previousVillages(c, w), checks.previousPeriodVotes(),
                records(c, w), checks.villageRecordVotes());
        w.householdVillage = r.villageOf();
        long flagged = 0;
        for (HouseholdVillages.Stale s : r.stale()) {
            RowFlag f = RowFlag.onHukou(s.row(), "STALE_ADDRESS", "village_code", s.row().villageCode(),
                    s.householdVillage(), null, s.evidence());
            if (f != null) {
                w.rowFlags.add(f);
                flagged++;
            }
        }
        w.counts.put("stale_address_flagged", flagged);
    }

    /**
     * hukou number → the village another department places the household in this period: the first visible row of a
     * {@code village_records} table (ledger.yaml) whose ID is a NORMAL member of the household.
     */
    private Map<String, HouseholdVillages.Record> records(Connection c, LedgerWork w) throws SQLException {
        Map<String, HouseholdVillages.Record> out = new HashMap<>();
        if (checks.villageRecordVotes() == 0) {
            return out;
        }
        for (String source : checks.villageRecords()) {
            String table = source.substring(0, source.indexOf('.'));
            String column = source.substring(source.indexOf('.') + 1);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", village_code, source_file, source_row FROM "
                    + table + " WHERE " + MasterTables.VISIBLE + " AND data_period = ? AND village_code IS NOT NULL "
                    + "ORDER BY source_file, source_row")) {
                ps.setString(1, w.period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = LedgerWork.validId(rs.getString(1));
                        org.olive.family.HukouMember m = id == null ? null : w.hukouOf.get(id);
                        if (m != null && m.normal() && m.hukouNo() != null) {
                            out.putIfAbsent(m.hukouNo(), new HouseholdVillages.Record(rs.getString(2), table + " "
                                    + rs.getString(3) + " 第" + rs.getLong(4) + "行"));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new LedgerRunException("checks.village_records: " + source + " (ledger.yaml) cannot be read: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /** hukou number → the village most of its registered members had in the previous period's lists. */
    private static Map<String, String> previousVillages(Connection c, LedgerWork w) throws SQLException {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hukou_no, hukou_village FROM person_period WHERE data_period = ? "
                + "AND registered AND hukou_no IS NOT NULL AND hukou_village IS NOT NULL")) {
            ps.setString(1, w.period.minusMonths(1).toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    votes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((h, v) -> v.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(e -> out.put(h, e.getKey())));
        return out;
    }
}
