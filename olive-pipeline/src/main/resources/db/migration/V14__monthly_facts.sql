-- Monthly facts (issue 12 §3; docs/monthly-facts.md): each delivery of the monthly person datasets is reduced once,
-- when a ledger run first needs it, and the trailing windows are rolled from these facts; a month no longer re-reads
-- the raw rows of the eleven deliveries before it.
--
-- amount_history (owner: editing): the amounts that the editing rule "history" compares a row with, one row per
-- master row of a dataset with history fields (editing.yaml), as delivered (before any edit).
--   data_period: the delivery; dataset: the master table; person_id: the ID number as written; series: the values of
--   the dataset's series columns joined with '|'; field: the canonical field; month_period: the row's month
CREATE TABLE amount_history (
    data_period  VARCHAR(7)     NOT NULL,
    dataset      VARCHAR(60)    NOT NULL,
    person_id    VARCHAR(40)    NOT NULL,
    series       VARCHAR(300)   NOT NULL,
    field        VARCHAR(60)    NOT NULL,
    month_period VARCHAR(7)     NOT NULL,
    amount       DECIMAL(18, 2) NOT NULL
);
CREATE INDEX ix_amount_history_period ON amount_history (data_period, dataset);

-- edit_delivery (owner: editing): what each delivery's facts of a kind were built from.
--   kind: HISTORY (amount_history rows) or EDITS (amount_edit rows of the delivery)
--   stamp: for HISTORY the delivery's ingest run; for EDITS a digest of the editing settings and of the ingest runs
--          of the delivery and of the eleven before it (whose history it read): a re-ingested delivery or changed
--          settings make the stamp differ and the delivery is built again
--   built_in: the ledger period whose run built it
CREATE TABLE edit_delivery (
    data_period VARCHAR(7)  NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    stamp       VARCHAR(80) NOT NULL,
    built_in    VARCHAR(7)  NOT NULL,
    CONSTRAINT pk_edit_delivery PRIMARY KEY (data_period, kind)
);

-- income_fact (owner: income): the monthly income sources of one delivery, reduced to a row per person (or vessel),
-- detail and month, after the delivery's amount edits; the income step sums the facts of the deliveries P-11..P.
--   reduction: which source reduction (IIT, SI, HF, PLATFORM, CREW, CREW_SHARE, VESSEL, AQUACULTURE, BNB, BNB_ENTITY,
--              BENEFITS, MEDICAL; docs/monthly-facts.md)
--   person_id: the ID number as written (the owner or holder for VESSEL, AQUACULTURE, BNB; null for CREW_SHARE)
--   detail: the IIT item; for SI, W (a type whose base stands for a wage, paid with an employer) or O (other); the vessel number; the B&B's credit code
--   amount, amount2: the summed amounts (IIT: income, tax; SI and HF: base, personal contribution; VESSEL: the catch)
--   records: the distinct rows; copies: the rows including exact repeats; ref: the first row as file:row
CREATE TABLE income_fact (
    data_period  VARCHAR(7)     NOT NULL,
    reduction    VARCHAR(20)    NOT NULL,
    person_id    VARCHAR(40),
    detail       VARCHAR(100),
    month_period VARCHAR(7)     NOT NULL,
    amount       DECIMAL(18, 2) NOT NULL,
    amount2      DECIMAL(18, 2),
    records      BIGINT         NOT NULL,
    copies       BIGINT         NOT NULL,
    ref          VARCHAR(300)
);
CREATE INDEX ix_income_fact_period ON income_fact (data_period, reduction);

-- income_fact_delivery (owner: income): what each delivery's income facts were built from.
--   stamp: the delivery's ingest run, the stamp of its edits (edit_delivery EDITS) and a digest of the SI wage-base
--          types of income.yaml; a different stamp rebuilds them
CREATE TABLE income_fact_delivery (
    data_period VARCHAR(7)  NOT NULL,
    stamp       VARCHAR(120) NOT NULL,
    built_in    VARCHAR(7)  NOT NULL,
    CONSTRAINT pk_income_fact_delivery PRIMARY KEY (data_period)
);
