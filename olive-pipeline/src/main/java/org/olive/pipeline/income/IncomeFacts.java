package org.olive.pipeline.income;

import org.olive.period.Period;
import org.olive.pipeline.editing.EditedTables;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.pipeline.run.Deliveries;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly income facts (docs/monthly-facts.md): each delivery of the monthly income datasets reduced once, after
 * its amount edits, to a row per person (or vessel), detail and month in income_fact; the income step rolls its
 * 12-month window from the facts of the deliveries P-11..P instead of reading their raw rows again.
 *
 * <p>A delivery's facts carry a stamp (income_fact_delivery): its ingest run, the stamp of its edits and the social
 * insurance types that stand for a wage (income.yaml), which split its SI facts into wage base (W) and other (O). When
 * any changes the facts are built again; otherwise a run reads them as they are. Which IIT items are wages and the
 * margins are applied when the window is rolled, so other changes of income.yaml need no rebuild.
 *
 * <p>Across deliveries, a fact repeated exactly (the same reduction, person, detail and month with the same amounts,
 * delivered again in a later delivery) is read once and counted as repeated rows, as an exact repeat of a raw row is
 * within a delivery.
 */
public final class IncomeFacts {

    /** One fact; copies grows when a later delivery repeats it. */
    static final class Fact {
        final String reduction;
        final String person;
        final String detail;
        final String month;
        final double amount;
        final double amount2;
        final long records;
        long copies;
        final String ref;

        Fact(String reduction, String person, String detail, String month, double amount, double amount2, long records,
             long copies, String ref) {
            this.reduction = reduction;
            this.person = person;
            this.detail = detail;
            this.month = month;
            this.amount = amount;
            this.amount2 = amount2;
            this.records = records;
            this.copies = copies;
            this.ref = ref;
        }
    }

    static final String REF = PreciseSources.REF;

    private IncomeFacts() {
    }

    /** The reductions, each an INSERT … SELECT over one delivery of a (possibly edited) table. */
    private static List<String[]> reductions(String wageBaseTypes) {
        String ins = "INSERT INTO income_fact (data_period, reduction, person_id, detail, month_period, amount, amount2, "
                + "records, copies, ref) ";
        return List.of(
                new String[]{"income_iit", ins + "SELECT data_period, 'IIT', person_id, item, month_period, "
                        + "COALESCE(SUM(income), 0), COALESCE(SUM(tax), 0), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT "
                        + "data_period, person_id, month_period, item, income, tax, withholder_uscc, COUNT(*) copies, " + REF
                        + " ref FROM %s WHERE %s GROUP BY data_period, person_id, month_period, item, income, tax, "
                        + "withholder_uscc) d GROUP BY data_period, person_id, month_period, item"},
                new String[]{"work_social_insurance", ins + "SELECT data_period, 'SI', person_id, detail, month_period, "
                        + "COALESCE(SUM(contribution_base), 0), COALESCE(SUM(personal_contribution), 0), COUNT(*), "
                        + "SUM(copies), MIN(ref) FROM (SELECT data_period, person_id, month_period, CASE WHEN insurance_type IN "
                        + wageBaseTypes + " AND COALESCE(employer_uscc, '') <> '' THEN 'W' ELSE 'O' END detail, "
                        + "contribution_base, personal_contribution, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s "
                        + "GROUP BY data_period, person_id, month_period, employer_uscc, insurance_type, contribution_base, "
                        + "personal_contribution, employer_contribution) d GROUP BY data_period, person_id, month_period, detail"},
                new String[]{"work_housing_fund", ins + "SELECT data_period, 'HF', person_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(base), 0), COALESCE(SUM(personal_contribution), 0), COUNT(*), SUM(copies), MIN(ref) "
                        + "FROM (SELECT data_period, person_id, month_period, employer_uscc, base, personal_contribution, "
                        + "employer_contribution, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s GROUP BY data_period, "
                        + "person_id, month_period, employer_uscc, base, personal_contribution, employer_contribution) d "
                        + "GROUP BY data_period, person_id, month_period"},
                new String[]{"work_platform_work", ins + "SELECT data_period, 'PLATFORM', person_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(income), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT data_period, person_id, "
                        + "platform, kind, month_period, orders, income, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s "
                        + "GROUP BY data_period, person_id, platform, kind, month_period, orders, income) d "
                        + "GROUP BY data_period, person_id, month_period"},
                new String[]{"work_fishery_crew", ins + "SELECT data_period, 'CREW', person_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(share), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT data_period, vessel_no, "
                        + "person_id, month_period, share, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s GROUP BY "
                        + "data_period, vessel_no, person_id, month_period, share) d GROUP BY data_period, person_id, month_period"},
                new String[]{"work_fishery_crew", ins + "SELECT data_period, 'CREW_SHARE', CAST(NULL AS VARCHAR(40)), vessel_no, month_period, "
                        + "COALESCE(SUM(share), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), COUNT(*), CAST(NULL AS VARCHAR(300)) FROM (SELECT DISTINCT data_period, vessel_no, "
                        + "person_id, month_period, share FROM %s WHERE %s) d GROUP BY data_period, vessel_no, month_period"},
                new String[]{"work_fishery_vessels", ins + "SELECT data_period, 'VESSEL', owner_id, vessel_no, month_period, "
                        + "COALESCE(catch_value, 0), CAST(NULL AS DECIMAL(18, 2)), 1, COUNT(*), " + REF + " FROM %s WHERE %s GROUP BY data_period, "
                        + "vessel_no, owner_id, month_period, catch_value"},
                new String[]{"work_fishery_aquaculture", ins + "SELECT data_period, 'AQUACULTURE', holder_id, CAST(NULL AS VARCHAR(100)), "
                        + "month_period, COALESCE(SUM(output_value), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT "
                        + "data_period, licence_no, holder_id, month_period, output_value, COUNT(*) copies, " + REF + " ref "
                        + "FROM %s WHERE %s GROUP BY data_period, licence_no, holder_id, month_period, output_value) d "
                        + "GROUP BY data_period, holder_id, month_period"},
                new String[]{"work_bnb", ins + "SELECT data_period, 'BNB', owner_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(revenue), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT data_period, bnb_no, "
                        + "owner_id, month_period, revenue, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s GROUP BY "
                        + "data_period, bnb_no, owner_id, month_period, revenue) d GROUP BY data_period, owner_id, month_period"},
                new String[]{"work_bnb", ins + "SELECT DISTINCT data_period, 'BNB_ENTITY', CAST(NULL AS VARCHAR(40)), uscc, month_period, 0, "
                        + "CAST(NULL AS DECIMAL(18, 2)), 1, 1, CAST(NULL AS VARCHAR(300)) FROM %s WHERE %s AND uscc IS NOT NULL"},
                new String[]{"income_benefits", ins + "SELECT data_period, 'BENEFITS', person_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(amount), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) FROM (SELECT data_period, person_id, "
                        + "month_period, benefit_type, amount, COUNT(*) copies, " + REF + " ref FROM %s WHERE %s GROUP BY "
                        + "data_period, person_id, month_period, benefit_type, amount) d GROUP BY data_period, person_id, month_period"},
                new String[]{"income_medical", ins + "SELECT data_period, 'MEDICAL', person_id, CAST(NULL AS VARCHAR(100)), month_period, "
                        + "COALESCE(SUM(out_of_pocket), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), CAST(NULL AS VARCHAR(300)) FROM (SELECT data_period, "
                        + "person_id, month_period, total_cost, fund_paid, out_of_pocket, COUNT(*) copies FROM %s WHERE %s "
                        + "GROUP BY data_period, person_id, month_period, total_cost, fund_paid, out_of_pocket) d "
                        + "GROUP BY data_period, person_id, month_period"},
                // 学生缴费: a row repeated exactly within the delivery is read once (like the medical settlements)
                new String[]{"income_education_fee", ins + "SELECT data_period, 'EDUCATION', person_id, CAST(NULL AS VARCHAR(100)), "
                        + "month_period, COALESCE(SUM(COALESCE(tuition, 0) + COALESCE(accommodation, 0) + COALESCE(other_fees, 0)), 0), "
                        + "CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), CAST(NULL AS VARCHAR(300)) FROM (SELECT data_period, "
                        + "person_id, school, month_period, tuition, accommodation, other_fees, paid_date, COUNT(*) copies FROM %s "
                        + "WHERE %s GROUP BY data_period, person_id, school, month_period, tuition, accommodation, other_fees, "
                        + "paid_date) d GROUP BY data_period, person_id, month_period"},
                // 惠民惠农补贴一卡通: policy payments, transfer income (a row repeated exactly is read once)
                new String[]{"income_subsidy_payment", ins + "SELECT data_period, 'SUBSIDY', person_id, policy_code, "
                        + "month_period, COALESCE(SUM(amount), 0), CAST(NULL AS DECIMAL(18, 2)), COUNT(*), SUM(copies), MIN(ref) "
                        + "FROM (SELECT data_period, person_id, policy_code, month_period, amount, COUNT(*) copies, " + REF
                        + " ref FROM %s WHERE %s GROUP BY data_period, person_id, policy_code, month_period, amount) d "
                        + "GROUP BY data_period, person_id, policy_code, month_period"});
    }

    /**
     * Makes the facts of the deliveries from..to current (building those whose stamp changed) and returns how many
     * deliveries were built.
     */
    static int build(Connection c, Period from, Period to, EditedTables window, IncomeSettings settings, Period builtIn)
            throws SQLException {
        String wageBase = PreciseSources.in(settings.wageBaseTypes());
        String si = "|si:" + Deliveries.digest(wageBase) + "|education|subsidy";
        int built = 0;
        for (Map.Entry<Period, Long> e : Deliveries.succeeded(c, from, to).entrySet()) {
            Period d = e.getKey();
            String stamp = "run:" + e.getValue() + "|edits:" + (window != null && window.applied()
                    ? Deliveries.stamp(c, "edit_delivery", d, "EDITS") : "none") + si;
            if (stamp.equals(Deliveries.stamp(c, "income_fact_delivery", d, null))) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM income_fact WHERE data_period = ?")) {
                ps.setString(1, d.toString());
                ps.executeUpdate();
            }
            EditedTables edits = window == null ? EditedTables.none(c) : window.delivery(d);
            String where = MasterTables.VISIBLE + " AND data_period = '" + d + "' AND month_period >= '" + d.minusMonths(11)
                    + "'";
            for (String[] r : reductions(wageBase)) {
                try (PreparedStatement ps = c.prepareStatement(String.format(r[1], edits.from(r[0], d), where))) {
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM income_fact_delivery WHERE data_period = ?")) {
                del.setString(1, d.toString());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_fact_delivery (data_period, stamp, built_in) "
                    + "VALUES (?, ?, ?)")) {
                ps.setString(1, d.toString());
                ps.setString(2, stamp);
                ps.setString(3, builtIn.toString());
                ps.executeUpdate();
            }
            built++;
        }
        return built;
    }

    /** The order a delivery's facts are rolled in: fixed, so that the items' first rows are the same every run. */
    private static final java.util.Comparator<Fact> ORDER = java.util.Comparator
            .comparing((Fact f) -> f.reduction)
            .thenComparing(f -> f.person, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(f -> f.detail, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparing(f -> f.month)
            .thenComparingDouble(f -> f.amount);

    /**
     * The facts of the deliveries from..to whose month is in from..to, by reduction, in a fixed order (delivery,
     * reduction, person, detail, month); a fact that an earlier delivery already gave with the same amounts is folded
     * into it. Each delivery is read on its own (by the period index) and ordered here: one sort of a year of facts
     * in the database spilled to disk.
     */
    static Map<String, List<Fact>> window(Connection c, Period from, Period to) throws SQLException {
        return window(c, from, to, null);
    }

    /**
     * As {@link #window(Connection, Period, Period)}, with the deliveries' facts kept in {@code held} between the
     * periods of one run: a delivery whose stamp did not change is not read again (a regular month reads only its own
     * delivery's facts instead of twelve).
     */
    static Map<String, List<Fact>> window(Connection c, Period from, Period to, Held held) throws SQLException {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        Map<String, List<Fact>> earlier = new HashMap<>();
        Map<String, String> stamps = held == null ? Map.of() : stamps(c, from, to);
        if (held != null) {
            held.retain(stamps.keySet());
        }
        for (Period d : Period.range(from, to)) {
            List<Fact> delivery;
            String stamp = stamps.get(d.toString());
            Fact[] kept = held == null || stamp == null ? null : held.get(d.toString(), stamp);
            if (kept != null) {
                delivery = new ArrayList<>(kept.length);
                for (Fact f : kept) {
                    delivery.add(new Fact(f.reduction, f.person, f.detail, f.month, f.amount, f.amount2, f.records, f.copies,
                            f.ref));
                }
            } else {
                delivery = read(c, d);
                if (held != null && stamp != null) {
                    Fact[] copy = new Fact[delivery.size()];
                    for (int i = 0; i < copy.length; i++) {
                        Fact f = delivery.get(i);
                        copy[i] = new Fact(f.reduction, f.person, f.detail, f.month, f.amount, f.amount2, f.records, f.copies,
                                f.ref);
                    }
                    held.put(d.toString(), stamp, copy);
                }
            }
            String first = from.toString(), last = to.toString();
            delivery.removeIf(f -> f.month.compareTo(first) < 0 || f.month.compareTo(last) > 0);
            delivery.sort(ORDER);
            Map<String, List<Fact>> mine = new HashMap<>();
            for (Fact f : delivery) {
                String key = f.reduction + "|" + f.person + "|" + f.detail + "|" + f.month;
                Fact same = null;
                for (Fact o : earlier.getOrDefault(key, List.of())) {
                    if (o.amount == f.amount && o.amount2 == f.amount2 && o.records == f.records) {
                        same = o;
                        break;
                    }
                }
                if (same != null) {
                    same.copies += f.copies;
                    continue;
                }
                mine.computeIfAbsent(key, x -> new ArrayList<>(1)).add(f);
                out.computeIfAbsent(f.reduction, x -> new ArrayList<>()).add(f);
            }
            // only deliveries before a delivery can be repeated by it
            mine.forEach((k, v) -> earlier.computeIfAbsent(k, x -> new ArrayList<>(2)).addAll(v));
        }
        return out;
    }

    /** A delivery's facts (every month it holds). */
    private static List<Fact> read(Connection c, Period d) throws SQLException {
        List<Fact> delivery = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT reduction, person_id, detail, month_period, amount, amount2, "
                + "records, copies, ref FROM income_fact WHERE data_period = ?")) {
            ps.setString(1, d.toString());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal a2 = rs.getBigDecimal(6);
                    delivery.add(new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5).doubleValue(), a2 == null ? 0 : a2.doubleValue(), rs.getLong(7),
                            rs.getLong(8), rs.getString(9)));
                }
            }
        }
        return delivery;
    }

    /** Delivery → its facts' stamp and the period that built them, for the deliveries from..to with facts. */
    private static Map<String, String> stamps(Connection c, Period from, Period to) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT data_period, stamp, built_in FROM income_fact_delivery "
                + "WHERE data_period BETWEEN ? AND ?")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        return out;
    }

    /**
     * The deliveries' facts a run keeps in memory between its periods, each with the stamp it was read under (the
     * facts of a delivery change only when it is built again, which gives it a new stamp row). One per ledger run.
     */
    public static final class Held {
        private final Map<String, String> stampOf = new HashMap<>();
        private final Map<String, Fact[]> factsOf = new HashMap<>();

        Fact[] get(String delivery, String stamp) {
            return stamp.equals(stampOf.get(delivery)) ? factsOf.get(delivery) : null;
        }

        void put(String delivery, String stamp, Fact[] facts) {
            stampOf.put(delivery, stamp);
            factsOf.put(delivery, facts);
        }

        void retain(java.util.Set<String> deliveries) {
            stampOf.keySet().retainAll(deliveries);
            factsOf.keySet().retainAll(deliveries);
        }
    }
}
