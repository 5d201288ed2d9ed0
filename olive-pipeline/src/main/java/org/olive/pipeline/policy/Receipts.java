package org.olive.pipeline.policy;

import org.olive.fact.PersonFact;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;
import org.olive.policy.PolicyDefinitions.Policy;
import org.olive.policy.PolicyDefinitions.Unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who receives each policy at a period, with the records: the 一卡通 disbursements ({@code income_subsidy_payment}) with
 * the policy's code paid for a month of its receipt window (delivered by the period: a later delivery is not known
 * yet), or, for a policy paid through the assistance register ({@code receipts: assistance:TYPE}), an open spell of
 * that type at the period's last day. A payment to a family policy counts for the payee's family at the period; a
 * payment to an ID the person registry does not know, or to a person without a family at the period, stays a subject
 * of its own ({@code unmatched:<record>}), so that no payment is silently dropped.
 */
public final class Receipts {

    /** What a subject received of one policy: the amount in the window, its records, where, and a note. */
    public record Received(double amount, List<String> records, String family, String township, String note,
                           java.util.Set<String> months) {
        public Received(double amount, List<String> records, String family, String township, String note) {
            this(amount, records, family, township, note, java.util.Set.of());
        }

        Received add(double more, String record, java.util.Set<String> moreMonths) {
            List<String> r = new ArrayList<>(records);
            r.add(record);
            java.util.Set<String> m = new java.util.TreeSet<>(months);
            m.addAll(moreMonths);
            return new Received(amount + more, r, family, township, note, m);
        }
    }

    private final Map<String, Map<String, Received>> byPolicy;
    private final long unmatched;

    private Receipts(Map<String, Map<String, Received>> byPolicy, long unmatched) {
        this.byPolicy = byPolicy;
        this.unmatched = unmatched;
    }

    /** Receipts given by policy code and subject (tests, the simulator). */
    static Receipts of(Map<String, Map<String, Received>> byPolicy) {
        return new Receipts(byPolicy, 0);
    }

    /** The subjects receiving a policy, by subject key. */
    public Map<String, Received> of(String code) {
        return byPolicy.getOrDefault(code, Map.of());
    }

    /** Payments whose payee the registry does not know or who has no family at the period (kept, as leakage). */
    public long unmatched() {
        return unmatched;
    }

    /** Reads the receipts of the policies in force at {@code p}. */
    public static Receipts read(Connection c, Period p, List<Policy> policies, PolicySubjects subjects) throws SQLException {
        Map<String, Map<String, Received>> by = new HashMap<>();
        Map<String, Policy> subsidy = new HashMap<>();
        int window = 0;
        for (Policy x : policies) {
            if (x.receipts().fromAssistance()) {
                by.put(x.code(), assistance(x, p, subjects.persons()));
            } else {
                subsidy.put(x.code(), x);
                window = Math.max(window, x.receiptMonths());
            }
        }
        long unmatched = 0;
        if (!subsidy.isEmpty()) {
            Map<Long, PersonFact> persons = subjects.persons();
            String from = p.minusMonths(window - 1).toString();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.policy_code, s.month_period, s.amount, s.source_file, "
                    + "s.source_row, r.person_key FROM income_subsidy_payment s LEFT JOIN person r ON r.id_number = s.person_id "
                    + "WHERE s." + MasterTables.VISIBLE + " AND s.data_period <= ? AND s.month_period >= ? AND "
                    + "s.month_period <= ? AND s.amount IS NOT NULL")) {
                ps.setString(1, p.toString());
                ps.setString(2, from);
                ps.setString(3, p.toString());
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Policy x = subsidy.get(rs.getString(1));
                        if (x == null || rs.getString(2).compareTo(p.minusMonths(x.receiptMonths() - 1).toString()) < 0) {
                            continue; // a policy not in force, or paid before this policy's window
                        }
                        String record = "subsidy_payment:" + rs.getString(4) + ":" + rs.getLong(5);
                        long key = rs.getLong(6);
                        PersonFact f = rs.wasNull() ? null : persons.get(key);
                        String subject;
                        String note;
                        if (rs.wasNull()) {
                            subject = "unmatched:" + record;
                            note = "paid to an ID the person registry does not know";
                        } else if (x.unit() == Unit.PERSON) {
                            subject = String.valueOf(key);
                            note = f == null ? "payee not in the period's population (died, left or not registered)" : "";
                        } else if (f != null && f.familyKey() != null) {
                            subject = f.familyKey();
                            note = "";
                        } else {
                            subject = "unmatched:" + record;
                            note = "payee (person " + key + ") has no family at the period";
                        }
                        if (subject.startsWith("unmatched:")) {
                            unmatched++;
                        }
                        String family = f == null ? null : f.familyKey();
                        String township = f == null ? null : f.township();
                        double amount = rs.getDouble(3);
                        by.computeIfAbsent(x.code(), k -> new HashMap<>()).merge(subject,
                                new Received(amount, List.of(record), family, township, note,
                                        java.util.Set.of(rs.getString(2))),
                                (a, b) -> a.add(b.amount(), b.records().get(0), b.months()));
                    }
                }
            }
        }
        return new Receipts(by, unmatched);
    }

    /** The subjects with an open spell of the policy's assistance type at the period's last day. */
    static Map<String, Received> assistance(Policy x, Period p, Map<Long, PersonFact> persons) {
        Map<String, Received> out = new HashMap<>();
        String type = x.receipts().assistanceType();
        for (PersonFact f : persons.values()) {
            for (PersonFact.Assistance a : f.assistance()) {
                if (!type.equals(a.type()) || (a.start() != null && a.start().isAfter(p.lastDay()))
                        || (a.end() != null && a.end().isBefore(p.lastDay()))) {
                    continue;
                }
                String subject = x.unit() == Unit.PERSON ? String.valueOf(f.personKey()) : f.familyKey();
                if (subject == null) {
                    continue; // a person without a family cannot receive a family policy: the spell is the register's
                }
                double amount = a.monthlyAmount() == null ? 0 : a.monthlyAmount().doubleValue();
                out.merge(subject, new Received(amount, List.of(a.source().ref()), f.familyKey(), f.township(), "",
                        java.util.Set.of(p.toString())), (m, n) -> m.add(n.amount(), n.records().get(0), n.months()));
            }
        }
        return out;
    }
}
