package org.olive.pipeline.income.estimate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.olive.period.Period;
import org.olive.pipeline.ingest.MasterTables;

/**
 * A deliberately simple stand-in for the income step (test code only): PRECISE income_item rows of a period from
 * the records of the amount itself over the 12 months ending with it — income-tax items (wages, bonus, labour
 * remuneration; business; interest, dividends and rent) and the tax withheld, platform pay, crew shares, pension and
 * unemployment benefits, assistance payments, personal social-insurance and housing-fund contributions. It leaves out
 * what needs a rule (vessel owners', farmers' and B&amp;B owners' margins, declared bases, village dividends), so
 * the residuals the estimation sees are larger than under the real income step.
 */
final class SimplePrecise {

    private SimplePrecise() {
    }

    static void write(Connection c, Period p) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM income_item WHERE data_period = ?")) {
            del.setString(1, p.toString());
            del.executeUpdate();
        }
        String window = " AND month_period BETWEEN ? AND ? AND data_period BETWEEN ? AND ?";
        insert(c, p, "WAGE", "iit_wages", "income_iit", "income", "person_id",
                "item IN ('WAGES', 'ANNUAL_BONUS', 'LABOUR_REMUNERATION')" + window);
        insert(c, p, "WAGE", "platform_work", "work_platform_work", "income", "person_id", "1 = 1" + window);
        insert(c, p, "WAGE", "fishery_crew", "work_fishery_crew", "share", "person_id", "1 = 1" + window);
        insert(c, p, "BUSINESS", "iit_business", "income_iit", "income", "person_id", "item = 'BUSINESS'" + window);
        insert(c, p, "PROPERTY", "iit_property", "income_iit", "income", "person_id",
                "item IN ('INTEREST_DIVIDENDS', 'RENTAL')" + window);
        insert(c, p, "TRANSFER_IN", "benefits", "income_benefits", "amount", "person_id", "1 = 1" + window);
        insert(c, p, "TRANSFER_OUT", "iit_tax", "income_iit", "tax", "person_id", "1 = 1" + window);
        insert(c, p, "TRANSFER_OUT", "si_personal", "work_social_insurance", "personal_contribution", "person_id",
                "1 = 1" + window);
        insert(c, p, "TRANSFER_OUT", "housing_fund_personal", "work_housing_fund", "personal_contribution",
                "person_id", "1 = 1" + window);
        // assistance: one row per person-spell and delivery month, the month being the delivery period
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_item (data_period, person_key, component, "
                + "source, dataset, method, amount, months, record_count, record_ref, confidence) SELECT ?, p.person_key, "
                + "'TRANSFER_IN', 'assistance', 'income_assistance', 'PRECISE', SUM(t.monthly_amount), "
                + "COUNT(DISTINCT t.data_period), COUNT(*), 'income_assistance', 1 FROM (SELECT person_id, data_period, "
                + "monthly_amount FROM income_assistance WHERE " + MasterTables.VISIBLE + " AND data_period BETWEEN ? AND ?) t "
                + "JOIN person p ON p.id_number = t.person_id GROUP BY p.person_key")) {
            ps.setString(1, p.toString());
            ps.setString(2, p.minusMonths(11).toString());
            ps.setString(3, p.toString());
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, Period p, String component, String source, String table, String amount,
                               String idColumn, String where) throws SQLException {
        String dataset = table.substring(table.indexOf('_') + 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO income_item (data_period, person_key, component, "
                + "source, dataset, method, amount, months, record_count, record_ref, confidence) SELECT ?, p.person_key, '"
                + component + "', '" + source + "', '" + dataset + "', 'PRECISE', SUM(t.a), COUNT(DISTINCT t.month_period), "
                + "COUNT(*), '" + table + "', 1 FROM (SELECT " + idColumn + " AS id, month_period, " + amount + " AS a FROM "
                + table + " WHERE " + MasterTables.VISIBLE + " AND " + where + ") t JOIN person p ON p.id_number = t.id "
                + "GROUP BY p.person_key HAVING SUM(t.a) <> 0")) {
            ps.setString(1, p.toString());
            ps.setString(2, p.minusMonths(11).toString());
            ps.setString(3, p.toString());
            ps.setString(4, p.minusMonths(11).toString());
            ps.setString(5, p.toString());
            ps.executeUpdate();
        }
    }
}
