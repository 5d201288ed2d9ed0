package org.olive.whatif;

import org.olive.income.Component;
import org.olive.income.FamilyIncome;
import org.olive.period.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A family as the what-if sees it at a period: where it lives and its resident members with their stored DI and
 * income items (the stored ledger: family_income, person_income, income_item, group_member).
 */
public record Household(String key, String township, String village, Boolean urban, List<Resident> residents) {

    public Household {
        residents = List.copyOf(residents);
    }

    /** One stored income item of a resident: its component, source and 12-month amount (positive; TRANSFER_OUT subtracts). */
    public record Item(Component component, String source, double amount) {
    }

    /** A resident member: the stored DI and its interval, the items that make it, and the groups the person is in. */
    public record Resident(long personKey, double di, double low, double high, List<Item> items, Set<String> groups) {
        public Resident {
            items = List.copyOf(items);
            groups = Set.copyOf(groups);
        }
    }

    /** The members after the scenario's income shocks, and by how much each shock changed the family's DI. */
    public record Shocked(List<FamilyIncome.Member> members, Map<Shock, Double> deltas) {

        /** The change of the family's DI (yuan over the window). */
        public double total() {
            return deltas.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The members as stored (the zero shock). */
    public List<FamilyIncome.Member> members() {
        List<FamilyIncome.Member> out = new ArrayList<>(residents.size());
        for (Resident r : residents) {
            out.add(new FamilyIncome.Member(r.di(), Math.min(r.di(), r.low()), Math.max(r.di(), r.high())));
        }
        return out;
    }

    /**
     * Applies the income shocks: each shock acts on the matching items' stored amounts (never on another shock's
     * result), the changes add up, and a member's DI and interval move by the member's change.
     */
    public Shocked apply(Scenario scenario, Period p) {
        Map<Shock, Double> deltas = new LinkedHashMap<>();
        List<FamilyIncome.Member> out = new ArrayList<>(residents.size());
        for (Resident r : residents) {
            double d = 0;
            for (Shock s : scenario.shocks()) {
                if (s.isLine() || !s.inArea(township, village)
                        || !s.groups().isEmpty() && r.groups().stream().noneMatch(s.groups()::contains)) {
                    continue;
                }
                for (Item i : r.items()) {
                    if (s.matches(i.component(), i.source())) {
                        double x = i.component().sign() * s.delta(i.amount(), p);
                        if (x != 0) {
                            d += x;
                            deltas.merge(s, x, Double::sum);
                        }
                    }
                }
            }
            double di = r.di() + d;
            out.add(new FamilyIncome.Member(di, Math.min(di, r.low() + d), Math.max(di, r.high() + d)));
        }
        return new Shocked(out, deltas);
    }
}
