-- Editing of amounts (数据审核; docs/editing.md): the amounts of the monthly person datasets that the editing step
-- (org.olive.pipeline.editing, run by each ledger run before the income step) corrected or excluded, with the rule and
-- its evidence. The income sources read the master tables through these edits. A ledger run of period P replaces the
-- edits of the deliveries P-11..P (the rows its income window reads).
--   data_period:    the delivery period of the edited row (the master row's data_period)
--   dataset:        the master table, e.g. income_iit; source_file, source_row: the master row (as income_item's
--                   record_ref names it: file:row, the header being row 1)
--   field:          the canonical field, e.g. income, tax, monthly_amount
--   person_id:      the row's ID number as written; month_period: the row's month
--   original_value: as delivered; edited_value: the corrected value (null when excluded)
--   action:         CORRECTED (a ×10ⁿ slip divided back) or EXCLUDED (the value is left out; when the field carries the
--                   row's amount, the row is left out of incomes)
--   rule_id, rule_version: the rule of editing.yaml that decided; evidence: the figures compared, in words
--   edited_in:      the ledger period whose run made the edit
CREATE TABLE amount_edit (
    data_period    VARCHAR(7)     NOT NULL,
    dataset        VARCHAR(60)    NOT NULL,
    source_file    VARCHAR(255)   NOT NULL,
    source_row     BIGINT         NOT NULL,
    field          VARCHAR(60)    NOT NULL,
    person_id      VARCHAR(40),
    month_period   VARCHAR(7),
    original_value DECIMAL(18, 2) NOT NULL,
    edited_value   DECIMAL(18, 2),
    action         VARCHAR(10)    NOT NULL,
    rule_id        VARCHAR(20)    NOT NULL,
    rule_version   INTEGER        NOT NULL,
    evidence       VARCHAR(1000)  NOT NULL,
    edited_in      VARCHAR(7)     NOT NULL,
    CONSTRAINT pk_amount_edit PRIMARY KEY (dataset, data_period, source_file, source_row, field),
    CONSTRAINT ck_amount_edit_action CHECK (action IN ('CORRECTED', 'EXCLUDED'))
);
CREATE INDEX ix_amount_edit_period ON amount_edit (data_period, dataset);
CREATE INDEX ix_amount_edit_person ON amount_edit (person_id, dataset);
