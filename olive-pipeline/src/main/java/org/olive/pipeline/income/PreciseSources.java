package org.olive.pipeline.income;

import org.olive.income.Component;
import org.olive.period.Period;
import org.olive.pipeline.editing.EditedTables;
import org.olive.pipeline.ingest.MasterTables;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The precise income sources of domain.md §4, read from the visible rows of the master database over the trailing
 * 12 months of a period (docs/income.md has every rule). Each {@code read*} method adds one or more sources to the
 * accumulators, keyed by the ID number as the dataset wrote it; the income step links them to persons.
 *
 * <p>Monthly datasets: rows of deliveries P-11..P whose month_period is in the window; an exact repeat of a row (the
 * same values in another source row) is read once and counted in {@link #duplicates}. Snapshot registers
 * (assistance, market entities, education) and contracts (rentals) are read as described per method.
 */
final class PreciseSources {

    static final String REF = "MIN(source_file || ':' || CAST(source_row AS VARCHAR(20)))";

    private final Connection c;
    private final Period period;
    private final Period from;
    private final IncomeSettings s;
    /** ID number → source → accumulator. */
    final Map<String, Map<String, ItemAccumulator>> items = new HashMap<>();
    /** dataset → exact repeats of rows ignored. */
    final Map<String, Long> duplicates = new LinkedHashMap<>();
    /** check → (person, month, item) groups whose amount was left out as implausible (counted in the run report). */
    final Map<String, Long> implausible = new LinkedHashMap<>();
    /** ID number → out-of-pocket medical cost over the window. */
    final Map<String, Double> medical = new HashMap<>();
    /** ID number → education fees (学杂费: tuition, accommodation, other fees) paid over the window. */
    final Map<String, Double> education = new HashMap<>();
    /** dataset → rows read. */
    final Map<String, Long> rowsRead = new LinkedHashMap<>();
    /** The amount edits of the window (docs/editing.md), applied to every table read; none until set. */
    EditedTables edits;
    /** The window's monthly facts by reduction (docs/monthly-facts.md). */
    private Map<String, List<IncomeFacts.Fact>> facts = Map.of();
    /** Deliveries whose facts this run built (the others were read as they were). */
    int factDeliveriesBuilt;

    private List<IncomeFacts.Fact> facts(String reduction) {
        return facts.getOrDefault(reduction, List.of());
    }

    /** The deliveries' facts the run keeps between its periods, or null. */
    IncomeFacts.Held heldFacts;

    PreciseSources(Connection c, Period period, IncomeSettings settings) {
        this.c = c;
        this.period = period;
        this.from = period.minusMonths(11);
        this.s = settings;
    }

    /** The table as the sources read it: with the window's amount edits applied. */
    private String t(String table) throws SQLException {
        return edits == null ? table : edits.from(table);
    }

    String window() {
        return from + ".." + period;
    }

    /** Months of the window with a succeeded ingest run (a county's first year has fewer than 12). */
    int deliveredMonths = 12;

    /**
     * The factor that turns the sum of the delivered months of a monthly source into a 12-month figure: 12 / the
     * months of the window that were delivered (1 once a full year is in). Sources counted by dates (rentals,
     * assistance) or by year (dividends, yearly reports) are not scaled.
     */
    double annualize() {
        return deliveredMonths <= 0 ? 1 : 12.0 / deliveredMonths;
    }

    /** Reads every source. */
    void readAll() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT data_period) FROM ingest_run WHERE "
                + "status = 'SUCCEEDED' AND data_period BETWEEN ? AND ?")) {
            ps.setString(1, from.toString());
            ps.setString(2, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                deliveredMonths = Math.min(12, rs.getInt(1));
            }
        }
        timed("facts_build", () -> factDeliveriesBuilt = IncomeFacts.build(c, from, period, edits, s, period));
        timed("facts_window", () -> facts = IncomeFacts.window(c, from, period, heldFacts));
        timed("wages", this::readWages);
        timed("platform_crew", this::readPlatformAndCrew);
        timed("vessels", this::readVessels);
        timed("aquaculture", () -> readMargins("AQUACULTURE", "work_fishery_aquaculture", "aquaculture", "aquaculture_net",
                "aquaculture"));
        timed("bnb", () -> readMargins("BNB", "work_bnb", "bnb", "bnb_net", "bnb"));
        timed("individual_business", this::readIndividualBusinesses);
        timed("rentals", this::readRentals);
        timed("dividends", this::readDividends);
        timed("benefits", this::readBenefits);
        timed("assistance", this::readAssistance);
        timed("subsidy_payment", this::readSubsidies);
        timed("medical", this::readMedical);
        timed("education_fee", this::readEducation);
    }

    /** Milliseconds per source read, for the run report. */
    final Map<String, Long> millis = new LinkedHashMap<>();

    private interface Read {
        void run() throws SQLException;
    }

    private void timed(String name, Read r) throws SQLException {
        long t = System.nanoTime();
        r.run();
        millis.put(name, (System.nanoTime() - t) / 1_000_000);
    }

    ItemAccumulator acc(String id, Component component, String source, String dataset, double confidence) {
        return items.computeIfAbsent(id, k -> new LinkedHashMap<>())
                .computeIfAbsent(source, k -> new ItemAccumulator(id, component, source, dataset, confidence));
    }

    private void read(String dataset, long rows, long copies) {
        rowsRead.merge(dataset, rows, Long::sum);
        if (copies > rows) {
            duplicates.merge(dataset, copies - rows, Long::sum);
        }
    }

    static String in(List<String> codes) {
        if (codes.isEmpty()) {
            return "('')";
        }
        StringBuilder b = new StringBuilder("(");
        for (String code : codes) {
            if (!code.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("not a code: " + code);
            }
            b.append(b.length() > 1 ? ", " : "").append('\'').append(code).append('\'');
        }
        return b.append(')').toString();
    }

    private static double yuan(ResultSet rs, int col) throws SQLException {
        BigDecimal b = rs.getBigDecimal(col);
        return b == null ? 0 : b.doubleValue();
    }

    // ------------------------------------------------------------------------------------------------ wages, tax, contributions

    /**
     * Wages by precedence per person and month: IIT wage items; for months without them, the SI contribution base
     * of the wage-base types paid with an employer; for months without either, the housing-fund base. Also the IIT
     * business and property items, IIT rental income (kept aside for landlords without a registered rental), the tax
     * of every IIT item, and the personal SI and housing-fund contributions (transfer expenditure).
     */
    void readWages() throws SQLException {
        String conf = "recorded";
        Map<String, Map<String, double[]>> iitWage = new HashMap<>();   // id → month → amount
        Map<String, Map<String, String>> iitRef = new HashMap<>();
        List<String> wageItems = s.items("wage_items");
        List<String> business = s.items("business_items");
        List<String> property = s.items("property_items");
        List<String> rental = s.items("rental_items");
        for (IncomeFacts.Fact f : facts("IIT")) {
            String id = f.person;
            String month = f.month;
            String item = f.detail;
            double income = f.amount;
            double tax = f.amount2;
            long n = f.records;
            read("income_iit", n, f.copies);
            String ref = f.ref;
            if (wageItems.contains(item)) {
                iitWage.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(month, k -> new double[2])[0] += income;
                iitWage.get(id).get(month)[1] += n;
                iitRef.computeIfAbsent(id, k -> new TreeMap<>()).putIfAbsent(month, ref);
            } else if (business.contains(item)) {
                acc(id, Component.BUSINESS, "iit_business", "income_iit", s.confidence(conf)).add(income, month, n, ref);
            } else if (property.contains(item)) {
                acc(id, Component.PROPERTY, "iit_property", "income_iit", s.confidence(conf)).add(income, month, n, ref);
            } else if (rental.contains(item)) {
                acc(id, Component.PROPERTY, "iit_rental", "income_iit", s.confidence(conf)).add(income, month, n, ref);
            }
            if (tax > income && tax > 0) {
                // withholding tax cannot exceed the income it is withheld from: a slip (e.g. fen for yuan) that the
                // ingest's ranges let through; the tax is left out and counted, the income is kept
                implausible.merge("income_iit_tax_above_income", 1L, Long::sum);
            } else if (tax != 0) {
                acc(id, Component.TRANSFER_OUT, "iit_tax", "income_iit", s.confidence(conf)).add(tax, month, 0, ref);
            }
        }
        iitWage.forEach((id, months) -> {
            ItemAccumulator a = acc(id, Component.WAGE, "iit_wages", "income_iit", s.confidence(conf));
            months.forEach((m, v) -> a.add(v[0], m, (long) v[1], iitRef.get(id).get(m)));
        });
        // tax rows carry no row count of their own: count the IIT rows once, on the tax item too
        items.forEach((id, bySource) -> {
            ItemAccumulator tax = bySource.get("iit_tax");
            if (tax != null) {
                tax.records = bySource.values().stream().filter(a -> "income_iit".equals(a.dataset) && a != tax)
                        .mapToLong(a -> a.records).sum();
            }
        });

        // social insurance: base of the wage-base types with an employer, per month; personal contributions of all types
        Map<String, Map<String, double[]>> siBase = new HashMap<>();
        Map<String, Map<String, String>> siRef = new HashMap<>();
        baseAndPersonal(siFacts(), "work_social_insurance", "si_personal", conf, siBase, siRef);
        Map<String, Map<String, double[]>> hfBase = new HashMap<>();
        Map<String, Map<String, String>> hfRef = new HashMap<>();
        baseAndPersonal(facts("HF"), "work_housing_fund", "housing_fund_personal", conf, hfBase, hfRef);
        // precedence per month: IIT wages, else SI base, else housing-fund base
        siBase.forEach((id, months) -> {
            Map<String, double[]> iit = iitWage.getOrDefault(id, Map.of());
            months.forEach((m, v) -> {
                if (!iit.containsKey(m)) {
                    acc(id, Component.WAGE, "si_base", "work_social_insurance", s.confidence("si_base"))
                            .add(v[0], m, (long) v[1], siRef.get(id).get(m));
                }
            });
        });
        hfBase.forEach((id, months) -> {
            Map<String, double[]> iit = iitWage.getOrDefault(id, Map.of());
            Map<String, double[]> si = siBase.getOrDefault(id, Map.of());
            months.forEach((m, v) -> {
                if (!iit.containsKey(m) && !si.containsKey(m)) {
                    acc(id, Component.WAGE, "housing_fund_base", "work_housing_fund", s.confidence("housing_fund_base"))
                            .add(v[0], m, (long) v[1], hfRef.get(id).get(m));
                }
            });
        });
    }

    /**
     * The SI facts (per person, month and W/O: wage-base types paid with an employer, or other) summed per person and
     * month: the base of W (amount), every personal contribution (amount2).
     */
    private List<IncomeFacts.Fact> siFacts() {
        Map<String, IncomeFacts.Fact> out = new LinkedHashMap<>();
        for (IncomeFacts.Fact f : facts("SI")) {
            boolean wage = "W".equals(f.detail);
            String key = f.person + "|" + f.month;
            IncomeFacts.Fact o = out.get(key);
            double base = (wage ? f.amount : 0) + (o == null ? 0 : o.amount);
            out.put(key, new IncomeFacts.Fact("SI", f.person, null, f.month, base, f.amount2 + (o == null ? 0 : o.amount2),
                    f.records + (o == null ? 0 : o.records), f.copies + (o == null ? 0 : o.copies),
                    o == null ? f.ref : minRef(o.ref, f.ref)));
        }
        return new ArrayList<>(out.values());
    }

    private static String minRef(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Facts (person, month, base, personal contribution, rows, copies, ref) of a contribution table: the wage base per
     * person and month into {@code base} / {@code ref} (applied later by precedence), the personal contributions as
     * transfer expenditure.
     */
    private void baseAndPersonal(List<IncomeFacts.Fact> rows, String dataset, String personalSource, String conf,
                                 Map<String, Map<String, double[]>> base, Map<String, Map<String, String>> ref) {
        for (IncomeFacts.Fact f : rows) {
            String id = f.person;
            String month = f.month;
            long n = f.records;
            read(dataset, n, f.copies);
            double b = f.amount;
            if (b > 0) {
                base.computeIfAbsent(id, k -> new TreeMap<>()).merge(month, new double[]{b, n},
                        (x, y) -> new double[]{x[0] + y[0], x[1] + y[1]});
                ref.computeIfAbsent(id, k -> new TreeMap<>()).putIfAbsent(month, f.ref);
            }
            double personal = f.amount2;
            if (personal != 0) {
                acc(id, Component.TRANSFER_OUT, personalSource, dataset, s.confidence(conf)).add(personal, month, n, f.ref);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ other wages

    /** Platform pay (新就业形态) and fishing crew shares: recorded wages, summed over the window. */
    void readPlatformAndCrew() {
        monthly(facts("PLATFORM"), "work_platform_work", Component.WAGE, "platform_work", 1.0, "recorded");
        monthly(facts("CREW"), "work_fishery_crew", Component.WAGE, "fishery_crew", 1.0, "recorded");
    }

    /** Facts (person, month, amount, rows, copies, ref) → one source, amount × factor. */
    private void monthly(List<IncomeFacts.Fact> rows, String dataset, Component component, String source, double factor,
                         String conf) {
        for (IncomeFacts.Fact f : rows) {
            read(dataset, f.records, f.copies);
            acc(f.person, component, source, dataset, s.confidence(conf)).add(f.amount * factor, f.month, f.records, f.ref);
        }
    }

    // ------------------------------------------------------------------------------------------------ business

    /** B&amp;B revenue × net margin, aquaculture output × net margin, per owner (holder). */
    void readMargins(String reduction, String table, String source, String margin, String conf) {
        monthly(facts(reduction), table, Component.BUSINESS, source, s.margin(margin), conf);
    }

    /**
     * Vessel owners: per vessel and month, catch × the owner's margin less the crew shares recorded for that vessel
     * and month (catch × the crew-share rule when no crew row is recorded).
     */
    void readVessels() {
        Map<String, Double> shares = new HashMap<>();
        for (IncomeFacts.Fact f : facts("CREW_SHARE")) {
            shares.merge(f.detail + "|" + f.month, f.amount, Double::sum);
        }
        double margin = s.margin("vessel_owner_on_catch");
        double crewShare = s.margin("vessel_crew_share");
        for (IncomeFacts.Fact f : facts("VESSEL")) {
            double catchValue = f.amount;
            Double crew = shares.get(f.detail + "|" + f.month);
            double net = catchValue * margin - (crew != null ? crew : catchValue * crewShare);
            read("work_fishery_vessels", f.records, f.copies);
            acc(f.person, Component.BUSINESS, "vessel_owner", "work_fishery_vessels", s.confidence("vessel_owner"))
                    .add(net, f.month, f.records, f.ref);
        }
    }

    /**
     * Individual businesses (个体工商户) of the latest market-entity delivery at or before P: the operator's net profit
     * from the entity's latest yearly report at or before P, per month open in that year, times the months open in
     * the window. Entities that are B&amp;Bs (their monthly revenue is read by the B&amp;B rule) and operators with
     * IIT business income (the same profit, taxed) are left out.
     */
    void readIndividualBusinesses() throws SQLException {
        String latest = latestDelivery("work_market_entity");
        if (latest == null) {
            return;
        }
        Set<String> bnbs = new HashSet<>();
        for (IncomeFacts.Fact f : facts("BNB_ENTITY")) {
            bnbs.add(f.detail);
        }
        record Entity(String operator, LocalDate founded, LocalDate closed, String ref) {
        }
        Map<String, Entity> entities = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT uscc, operator_id, founded_date, closed_date, " + REF
                + " FROM work_market_entity WHERE " + MasterTables.VISIBLE + " AND data_period = ? AND kind = 'INDIVIDUAL' "
                + "AND operator_id IS NOT NULL GROUP BY uscc, operator_id, founded_date, closed_date")) {
            ps.setString(1, latest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!bnbs.contains(rs.getString(1))) {
                        entities.put(rs.getString(1), new Entity(rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4)),
                                rs.getString(5)));
                    }
                }
            }
        }
        // the latest report per entity: year at or before P's year, delivered at or before P
        try (PreparedStatement ps = c.prepareStatement("SELECT uscc, year_no, net_profit, data_period, " + REF
                + " FROM work_business_report WHERE " + MasterTables.VISIBLE + " AND data_period <= ? AND year_no <= ? "
                + "GROUP BY uscc, year_no, net_profit, data_period ORDER BY uscc, year_no, data_period")) {
            ps.setString(1, period.toString());
            ps.setInt(2, period.year());
            Map<String, Object[]> report = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read("work_business_report", 1, 1);
                    // ordered: the last row per entity is its latest year's latest delivery
                    report.put(rs.getString(1), new Object[]{rs.getInt(2), yuan(rs, 3), rs.getString(5)});
                }
            }
            report.forEach((uscc, r) -> {
                Entity e = entities.get(uscc);
                if (e == null || items.getOrDefault(e.operator(), Map.of()).containsKey("iit_business")) {
                    return;
                }
                int year = (int) r[0];
                int openInYear = monthsOpen(e.founded(), e.closed(), Period.of(year, 1), Period.of(year, 12));
                int openInWindow = monthsOpen(e.founded(), e.closed(), from, period);
                if (openInYear == 0 || openInWindow == 0) {
                    return;
                }
                ItemAccumulator a = acc(e.operator(), Component.BUSINESS, "individual_business", "work_business_report",
                        s.confidence("yearly_report"));
                a.add((double) r[1] / openInYear * openInWindow, null, 1, r[2] + " (" + year + ")");
                a.refs.add(e.ref());
                a.monthsCounted = openInWindow;
            });
        }
    }

    /** Months m of [first, last] with founded ≤ m's last day and (closed null or closed ≥ m's first day). */
    static int monthsOpen(LocalDate start, LocalDate end, Period first, Period last) {
        int n = 0;
        for (Period m = first; m.compareTo(last) <= 0; m = m.next()) {
            if ((start == null || !start.isAfter(m.lastDay())) && (end == null || !end.isBefore(m.firstDay()))) {
                n++;
            }
        }
        return n;
    }

    private String latestDelivery(String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(data_period) FROM " + table + " WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ?")) {
            ps.setString(1, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    // ------------------------------------------------------------------------------------------------ property

    /**
     * Registered rentals: every contract delivered at or before P (a contract is delivered once, when registered;
     * a later delivery of the same contract number replaces it), monthly rent × the months of the window it was
     * active. IIT rental income counts only for landlords without a registered rental in the window.
     */
    void readRentals() throws SQLException {
        record Contract(String landlord, double rent, LocalDate start, LocalDate end, String ref) {
        }
        Map<String, Contract> contracts = new HashMap<>();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT contract_no, landlord_id, monthly_rent, start_date, end_date, "
                + "source_file || ':' || CAST(source_row AS VARCHAR(20)) FROM income_property_rentals WHERE "
                + MasterTables.VISIBLE + " AND data_period <= ? AND (start_date IS NULL OR start_date <= ?) "
                + "AND (end_date IS NULL OR end_date >= ?) ORDER BY data_period, source_row")) {
            ps.setString(1, period.toString());
            ps.setObject(2, period.lastDay());
            ps.setObject(3, from.firstDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String no = rs.getString(1) == null ? "row " + rs.getString(6) : rs.getString(1);
                    contracts.put(no, new Contract(rs.getString(2), yuan(rs, 3), date(rs.getDate(4)), date(rs.getDate(5)),
                            rs.getString(6)));
                }
            }
        }
        read("income_property_rentals", contracts.size(), rows);
        for (Contract k : contracts.values()) {
            int months = monthsOpen(k.start(), k.end(), from, period);
            if (months == 0 || k.landlord() == null) {
                continue;
            }
            ItemAccumulator a = acc(k.landlord(), Component.PROPERTY, "rentals", "income_property_rentals", s.confidence("recorded"));
            a.add(k.rent() * months, null, 1, k.ref());
            a.monthsCounted = Math.max(a.monthsCounted, months);
        }
        // IIT rental income: only where no registered rental stands for it
        for (Map<String, ItemAccumulator> bySource : items.values()) {
            ItemAccumulator iit = bySource.get("iit_rental");
            if (iit != null && bySource.containsKey("rentals")) {
                bySource.remove("iit_rental");
                duplicates.merge("income_iit (rental income of registered rentals)", iit.records, Long::sum);
            }
        }
    }

    /**
     * Village collective dividends (村集体经济分红): paid each December, so the window holds exactly one year's, the year
     * of the December in the window. A hukou's dividend is split equally over its registered members in the period
     * of its delivery (of P when that period has no ledger), at most one share each of the shareholders recorded;
     * to the head when no member is known.
     */
    void readDividends() throws SQLException {
        int year = period.monthValue() == 12 ? period.year() : period.year() - 1;
        record Dividend(String head, int shareholders, double amount, String delivered, String ref) {
        }
        Map<String, Dividend> byHukou = new LinkedHashMap<>();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT hukou_no, head_id, shareholders, amount, data_period, "
                + "source_file || ':' || CAST(source_row AS VARCHAR(20)) FROM income_dividends WHERE " + MasterTables.VISIBLE
                + " AND data_period <= ? AND year_no = ? ORDER BY data_period, source_row")) {
            ps.setString(1, period.toString());
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String hukou = rs.getString(1) == null ? "row " + rs.getString(6) : rs.getString(1);
                    byHukou.put(hukou, new Dividend(rs.getString(2), rs.getInt(3), yuan(rs, 4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        read("income_dividends", byHukou.size(), rows);
        if (byHukou.isEmpty()) {
            return;
        }
        Map<String, Map<String, List<String>>> members = new HashMap<>();   // period → hukou → member IDs
        for (String p : new HashSet<>(List.of(byHukou.values().iterator().next().delivered(), period.toString()))) {
            Map<String, List<String>> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pp.hukou_no, p.id_number FROM person_period pp "
                    + "JOIN person p ON p.person_key = pp.person_key WHERE pp.data_period = ? AND pp.registered = TRUE "
                    + "AND pp.hukou_no IS NOT NULL ORDER BY p.id_number")) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            members.put(p, m);
        }
        byHukou.forEach((hukou, d) -> {
            Map<String, List<String>> atDelivery = members.getOrDefault(d.delivered(), Map.of());
            List<String> ids = atDelivery.isEmpty() ? members.get(period.toString()).getOrDefault(hukou, List.of())
                    : atDelivery.getOrDefault(hukou, List.of());
            if (ids.isEmpty()) {
                if (d.head() != null) {
                    ItemAccumulator a = acc(d.head(), Component.PROPERTY, "village_dividend", "income_dividends",
                            s.confidence("village_dividend"));
                    a.add(d.amount(), null, 1, d.ref() + " (whole hukou " + hukou + ")");
                    a.monthsCounted = 1;
                }
                return;
            }
            double each = d.amount() / Math.max(Math.max(1, d.shareholders()), ids.size());
            for (String id : ids) {
                ItemAccumulator a = acc(id, Component.PROPERTY, "village_dividend", "income_dividends",
                        s.confidence("village_dividend"));
                a.add(each, null, 1, d.ref());
                a.monthsCounted = 1;
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ transfers

    /** Pensions and unemployment benefit paid (社会保险待遇发放), summed over the window. */
    void readBenefits() {
        monthly(facts("BENEFITS"), "income_benefits", Component.TRANSFER_IN, "benefits", 1.0, "recorded");
    }

    /**
     * Policy payments of the 惠民惠农财政补贴"一卡通" (subsidy_payment): transfer income of the payee (domain.md §4),
     * summed over the window, each item citing its first row. 低保 is not among them (it is paid through the assistance
     * register, read above), so no payment is counted twice. In a window not yet fully delivered, a policy paid to
     * the person in every delivered month (at least two) is a monthly allowance and is annualised like the monthly
     * sources; a yearly or one-off payment (育儿补贴, a skill bonus) is counted as paid, not multiplied.
     */
    void readSubsidies() {
        Map<String, List<IncomeFacts.Fact>> byPolicy = new LinkedHashMap<>();
        for (IncomeFacts.Fact f : facts("SUBSIDY")) {
            read("income_subsidy_payment", f.records, f.copies);
            byPolicy.computeIfAbsent(f.person + "|" + f.detail, k -> new ArrayList<>()).add(f);
        }
        double conf = s.confidence("recorded");
        byPolicy.values().forEach(list -> {
            Set<String> months = new HashSet<>();
            list.forEach(f -> months.add(f.month));
            boolean monthly = months.size() >= 2 && months.size() >= deliveredMonths;
            double factor = monthly ? annualize() : 1;
            ItemAccumulator a = acc(list.get(0).person, Component.TRANSFER_IN, "subsidy_payment", "income_subsidy_payment",
                    conf);
            for (IncomeFacts.Fact f : list) {
                a.add(f.amount * factor, null, f.records, f.ref);
            }
            a.monthsCounted = Math.max(a.monthsCounted, monthly ? 12 : months.size());
        });
    }

    /**
     * Social assistance (社会救助对象), a register delivered monthly with the cases active in the month: each case
     * (person, type, start) of the window's deliveries, with its latest delivery's amount and end date; it counts for
     * the window's months between its start and its end (or the last delivery that listed it, when that is before
     * P), monthly amount × those months.
     */
    void readAssistance() throws SQLException {
        record Case(String person, double monthly, LocalDate start, LocalDate end, String lastSeen, String ref) {
        }
        Map<String, Case> cases = new LinkedHashMap<>();
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id, type, monthly_amount, start_date, end_date, "
                + "data_period, source_file || ':' || CAST(source_row AS VARCHAR(20)) FROM " + t("income_assistance") + " WHERE "
                + MasterTables.VISIBLE + " AND data_period BETWEEN ? AND ? ORDER BY data_period, source_row")) {
            ps.setString(1, from.toString());
            ps.setString(2, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDate(4);
                    Case prev = cases.get(key);
                    cases.put(key, new Case(rs.getString(1), yuan(rs, 3), date(rs.getDate(4)), date(rs.getDate(5)),
                            rs.getString(6), prev == null ? rs.getString(7) : prev.ref()));
                }
            }
        }
        read("income_assistance", cases.size(), cases.size());
        rowsRead.merge("income_assistance (monthly listings)", rows, Long::sum);
        for (Case k : cases.values()) {
            LocalDate end = k.end();
            if (!k.lastSeen().equals(period.toString())) {
                LocalDate lastSeen = Period.parse(k.lastSeen()).lastDay();
                end = end == null || end.isAfter(lastSeen) ? lastSeen : end;
            }
            int months = monthsOpen(k.start(), end, from, period);
            if (months == 0 || k.person() == null) {
                continue;
            }
            ItemAccumulator a = acc(k.person(), Component.TRANSFER_IN, "assistance", "income_assistance", s.confidence("recorded"));
            a.add(k.monthly() * months, null, 1, k.ref());
            a.monthsCounted = Math.max(a.monthsCounted, months);
        }
    }

    /** Out-of-pocket medical cost (医保结算, rigid expenditure of the family), summed over the window. */
    void readMedical() {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (IncomeFacts.Fact f : facts("MEDICAL")) {
            read("income_medical", f.records, f.copies);
            sum.merge(f.person, f.amount, Double::sum);
        }
        sum.forEach((id, v) -> medical.merge(id, Math.max(0, v), Double::sum));
    }

    /**
     * Education fees (学生缴费, rigid expenditure of the family), summed over the window: what the payments of the
     * delivered months say, not scaled to 12 months (fees come at term starts, not evenly).
     */
    void readEducation() {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (IncomeFacts.Fact f : facts("EDUCATION")) {
            read("income_education_fee", f.records, f.copies);
            sum.merge(f.person, f.amount, Double::sum);
        }
        sum.forEach((id, v) -> education.merge(id, Math.max(0, v), Double::sum));
    }

    /** The sources read, for the report. */
    Map<String, Long> rows() {
        return Collections.unmodifiableMap(rowsRead);
    }
}
