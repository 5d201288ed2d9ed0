-- The policy ledger's receipts (issue 15): income_subsidy_payment, the master table of 惠民惠农财政补贴"一卡通"发放明细
-- (财政局 / 各发放部门), from the built-in mapping subsidy_payment.yaml (MasterTables.ddl). One row per payment of a
-- policy of policies.yaml (policy_code) to a person for a month; the income step counts the amounts as transfer income
-- (source subsidy_payment, docs/income.md).
CREATE TABLE income_subsidy_payment (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    family_no               VARCHAR(40),
    policy_code             VARCHAR(40),
    policy_name             VARCHAR(100),
    month_period            VARCHAR(7),
    amount                  NUMERIC(18,2),
    department              VARCHAR(100),
    paid_date               DATE,
    account_last4           VARCHAR(4),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_subsidy_payment_period ON income_subsidy_payment (data_period);
CREATE INDEX ix_income_subsidy_payment_person ON income_subsidy_payment (person_id);
