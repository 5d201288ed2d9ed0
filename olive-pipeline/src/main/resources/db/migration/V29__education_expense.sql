-- Education expenditure as rigid expenditure (刚性支出: 教育, docs/income.md).
-- income_education_fee: the master table of 学生缴费 (教育局 / 学校收费), from the built-in mapping education_fee.yaml
-- (MasterTables.ddl). family_income.education_expense: the education fees (学杂费) the family's members paid in the
-- 12 months (all members, students studying away included); after_rigid_monthly subtracts it with medical_oop.
-- Existing rows get 0 (they were computed without it).
CREATE TABLE income_education_fee (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    school                  VARCHAR(100),
    level                   VARCHAR(40),
    term                    VARCHAR(40),
    month_period            VARCHAR(7),
    tuition                 NUMERIC(18,2),
    accommodation           NUMERIC(18,2),
    other_fees              NUMERIC(18,2),
    paid_date               DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_education_fee_period ON income_education_fee (data_period);
CREATE INDEX ix_income_education_fee_person ON income_education_fee (person_id);

ALTER TABLE family_income ADD COLUMN education_expense DECIMAL(18, 2) DEFAULT 0 NOT NULL;
