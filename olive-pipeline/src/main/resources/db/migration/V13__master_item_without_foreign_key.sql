-- master_item without its foreign key to ingest_run: the check read the run's row (with its report, tens of KB of
-- JSON) for each of the ~400,000 items a month of the default county inserts, which on H2 grew to over a minute a
-- month once the database file outgrew the page cache. The rows are written only by the run they name (PeriodIngest)
-- and deleted with it; the reports and the indicator join on run_id.
CREATE TABLE master_item_new (
    run_id      BIGINT       NOT NULL,
    data_period VARCHAR(7)   NOT NULL,
    dataset     VARCHAR(40)  NOT NULL,
    item_key    VARCHAR(200) NOT NULL
);
INSERT INTO master_item_new (run_id, data_period, dataset, item_key)
SELECT run_id, data_period, dataset, item_key FROM master_item;
DROP TABLE master_item;
ALTER TABLE master_item_new RENAME TO master_item;
CREATE INDEX ix_master_item_period ON master_item (data_period, run_id);
