-- The cockpit's monthly trends read one metric of one breakdown over every period (the primary key leads with the
-- period, so each trend line scanned the whole table).
CREATE INDEX ix_income_indicator_series ON income_indicator (basis, breakdown, metric, data_period);
