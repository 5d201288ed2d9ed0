package org.olive.pipeline.ledger;

import org.olive.family.HukouMember;
import org.olive.pipeline.ledger.LedgerWork.FloatingRow;
import org.olive.pipeline.ledger.LedgerWork.Seen;
import org.olive.population.Presence;
import org.olive.population.ResidenceRules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.olive.pipeline.ledger.LedgerWork.clip;
import static org.olive.pipeline.ledger.LedgerWork.delete;

/**
 * Step "lists": the four lists of the period (户籍 registered, 常住 resident, 流动 floating, 人户分离 separated), one
 * person_period row per person seen, with villages, township, age, presence and the period each membership began;
 * then the lists' counts, page order and exits that the population pages read ({@link PopulationListFigures}).
 */
final class PopulationListsStep extends PopulationStep {

    private final ResidenceRules rules;

    PopulationListsStep(ResidenceRules rules) {
        super("lists", java.util.List.of("registry", "presence"));
        this.rules = rules;
    }

    /** The lists, then last_period of everyone seen moved to the period. */
    @Override
    public void run(org.olive.pipeline.run.StepContext ctx) throws SQLException {
        LedgerWork w = ctx.need(LedgerWork.OUTPUT);
        run(ctx.connection(), w);
        ctx.need(PersonRegistry.OUTPUT).recordLastPeriod(ctx.connection(), w);
    }

    @Override
    void run(Connection c, LedgerWork w) throws SQLException {
        String p = w.period.toString();
        String prev = w.period.minusMonths(1).toString();
        Map<Long, String[]> since = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_key, registered_since, resident_since, floating_since, "
                + "separated_since FROM person_period WHERE data_period = ?")) {
            ps.setString(1, prev);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    since.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        delete(c, "person_period", p);
        long reg = 0;
        long res = 0;
        long flo = 0;
        long sep = 0;
        long resNoTownship = 0;
        LocalDate end = w.period.lastDay();
        Map<String, String> householdVillage = w.householdVillage != null ? w.householdVillage : householdVillages(w);
        long staleCorrected = 0;
        List<String> persons = new ArrayList<>(w.seen.keySet());
        persons.sort(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_period (data_period, person_key, registered, resident, "
                + "floating, separated, hukou_no, hukou_village, live_village, township_code, sex, age, days_present, "
                + "presence_basis, presence_note, registered_since, resident_since, floating_since, separated_since) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (String id : persons) {
                Long key = w.keys.get(id);
                if (key == null) {
                    continue;
                }
                Seen s = w.seen.get(id);
                boolean registered = w.registered.contains(id);
                boolean resident = w.resident.contains(id);
                boolean floating = resident && !registered;
                boolean separated = registered && !resident;
                if (floating) {
                    w.floatingList.add(id);
                }
                HukouMember h = registered ? w.hukouOf.get(id) : null;
                FloatingRow f = w.floatingOf.get(id);
                String hukouVillage = h == null ? null : h.villageCode();
                String household = h == null ? null : householdVillage.get(h.hukouNo());
                if (household != null && !household.equals(hukouVillage)) {
                    // a stale address: the member's row still carries the village the household left
                    hukouVillage = household;
                    staleCorrected++;
                }
                String liveVillage = !resident ? null : registered ? hukouVillage : f == null ? null : f.villageCode();
                String relevant = liveVillage != null ? liveVillage : hukouVillage;
                Presence pr = w.presence.get(id);
                String[] was = since.get(key);
                ps.setString(1, p);
                ps.setLong(2, key);
                ps.setBoolean(3, registered);
                ps.setBoolean(4, resident);
                ps.setBoolean(5, floating);
                ps.setBoolean(6, separated);
                ps.setString(7, h == null ? null : h.hukouNo());
                ps.setString(8, hukouVillage);
                ps.setString(9, liveVillage);
                String township = relevant == null || relevant.length() < 9 ? null : relevant.substring(0, 9);
                ps.setString(10, township);
                ps.setString(11, s.sex);
                if (s.birth == null) {
                    ps.setNull(12, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(12, java.time.Period.between(s.birth, end).getYears());
                }
                ps.setInt(13, pr.daysPresent());
                ps.setString(14, pr.basis().name());
                ps.setString(15, clip(note(pr, w.deaths.get(id), w.hukouOf.get(id)), 1000));
                ps.setString(16, since(registered, was, 0, p));
                ps.setString(17, since(resident, was, 1, p));
                ps.setString(18, since(floating, was, 2, p));
                ps.setString(19, since(separated, was, 3, p));
                ps.addBatch();
                reg += registered ? 1 : 0;
                res += resident ? 1 : 0;
                flo += floating ? 1 : 0;
                sep += separated ? 1 : 0;
                resNoTownship += resident && township == null ? 1 : 0;
                if (++batch % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        w.counts.put("stale_village_corrected", staleCorrected);
        w.counts.put("registered", reg);
        w.counts.put("resident", res);
        w.counts.put("floating", flo);
        w.counts.put("separated", sep);
        // residents with no known address: the 地址不详 group of every breakdown by township
        w.counts.put("resident_township_unknown", resNoTownship);
        w.counts.put("person_period_rows", (long) persons.size());
        PopulationListFigures.write(c, p, prev);
    }

    private static String since(boolean member, String[] was, int i, String p) {
        if (!member) {
            return null;
        }
        return was != null && was[i] != null ? was[i] : p;
    }

    /** Explains the presence count of a person_period row. */
    private String note(Presence pr, LocalDate death, HukouMember h) {
        StringBuilder b = new StringBuilder();
        b.append(pr.daysPresent()).append(" of ").append(rules.windowDays()).append(" days present (")
                .append(pr.resident() ? "≥ " : "< ").append(rules.residentDays()).append(")");
        switch (pr.basis()) {
            case CROSSINGS -> b.append("; ").append(pr.crossingsUsed()).append(" crossings in the window");
            case NO_CROSSINGS_ASSUMED_PRESENT -> b.append("; no crossings: registered (hukou or active floating "
                    + "registration), assumed present all year");
            case NO_CROSSINGS_ASSUMED_ABSENT -> b.append(pr.notes().isEmpty() ? "; no crossings and not registered here: assumed absent"
                    : "; no crossings: assumed absent");
        }
        if (pr.duplicatesIgnored() > 0) {
            b.append("; ").append(pr.duplicatesIgnored()).append(" duplicate checks ignored");
        }
        if (!pr.imputed().isEmpty()) {
            b.append("; ").append(pr.imputed().size()).append(" missing crossings inferred, first: ")
                    .append(pr.imputed().get(0).reason());
        }
        for (String n : pr.notes()) {
            b.append("; ").append(n);
        }
        if (death != null) {
            b.append("; death registered on ").append(death).append(": not in the hukou list");
        } else if (h != null && !h.normal()) {
            b.append("; hukou status ").append(h.status()).append(": not in the hukou list");
        }
        return b.toString();
    }

    /**
     * The village of each registration household: the code most of its NORMAL members' rows carry (ties go to the
     * head's row). A member whose row differs (the generator's STALE_ADDRESS fault, and a common clerical lag after
     * a household moves) is placed in the household's village; the row itself is kept as delivered.
     */
    static Map<String, String> householdVillages(LedgerWork w) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        Map<String, String> headVillage = new HashMap<>();
        for (HukouMember m : w.hukou) {
            if (!m.normal() || m.hukouNo() == null || m.villageCode() == null) {
                continue;
            }
            votes.computeIfAbsent(m.hukouNo(), k -> new HashMap<>()).merge(m.villageCode(), 1, Integer::sum);
            if ("02".equals(m.relationCode())) {
                headVillage.put(m.hukouNo(), m.villageCode());
            }
        }
        Map<String, String> out = new HashMap<>();
        votes.forEach((hukouNo, v) -> {
            String best = null;
            int bestVotes = 0;
            boolean tie = false;
            for (Map.Entry<String, Integer> e : v.entrySet()) {
                if (e.getValue() > bestVotes) {
                    best = e.getKey();
                    bestVotes = e.getValue();
                    tie = false;
                } else if (e.getValue() == bestVotes) {
                    tie = true;
                }
            }
            out.put(hukouNo, tie && headVillage.containsKey(hukouNo) ? headVillage.get(hukouNo) : best);
        });
        return out;
    }
}
