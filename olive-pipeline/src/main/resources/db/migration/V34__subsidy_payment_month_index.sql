-- Step policies reads the receipts of the months a policy pays for (Receipts.read: month_period in the receipt window,
-- delivered by the period). With only the delivery index it read every payment delivered since the first period, a
-- third more each year of the ledger; the month index bounds it to the window (docs/benchmarks.md, "Issue 15").
CREATE INDEX ix_income_subsidy_payment_month ON income_subsidy_payment (month_period, data_period);
