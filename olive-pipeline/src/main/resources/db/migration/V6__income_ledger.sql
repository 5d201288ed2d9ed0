-- Income ledger (收入一本账; mission M5, M9; domain.md §4, §5, §7). Built per period by the ledger run
-- (org.olive.pipeline.income) after the families: every resident's trailing-12-month income by the national
-- statistics components, with provenance; the family figures, brackets and lines; the estimation model's accuracy;
-- the county indicators by breakdown, on the full population and on the design-weighted survey sample.
-- Re-running a period replaces that period's rows of every table here except income_declaration (kept; applied by
-- each run). Money in yuan, 2 decimals. Portable SQL (H2 2.x, PostgreSQL).

-- One row per person, period, component and source: the provenance of every income figure.
--   component:  WAGE, BUSINESS, PROPERTY, TRANSFER_IN, TRANSFER_OUT
--   source:     the rule that produced it, e.g. iit_wages, si_base, housing_fund_base, platform_work, fishery_crew,
--               iit_business, individual_business, bnb, vessel_owner, aquaculture, rentals, iit_property,
--               village_dividend, benefits, assistance, iit_tax, si_personal, housing_fund_personal, model, declared
--   dataset:    the master-database table it was read from ('' for model and declared)
--   method:     PRECISE, ESTIMATED, DECLARED
--   months:     months of the window with a record (0..12); record_count: rows read
--   record_ref: how to find the rows: table, month range and the first source files and rows
--   confidence: 0..1 (1 = a record of the amount itself; lower for floored/capped bases, margins, models)
--   low, high:  the interval of an estimate (null for precise figures)
CREATE TABLE income_item (
    data_period  VARCHAR(7)     NOT NULL,
    person_key   BIGINT         NOT NULL,
    component    VARCHAR(16)    NOT NULL,
    source       VARCHAR(40)    NOT NULL,
    dataset      VARCHAR(60)    NOT NULL,
    method       VARCHAR(10)    NOT NULL,
    amount       DECIMAL(18, 2) NOT NULL,
    months       INTEGER        NOT NULL,
    record_count INTEGER        NOT NULL,
    record_ref   VARCHAR(1000),
    confidence   DECIMAL(5, 3)  NOT NULL,
    low          DECIMAL(18, 2),
    high         DECIMAL(18, 2),
    CONSTRAINT pk_income_item PRIMARY KEY (data_period, person_key, component, source),
    CONSTRAINT ck_income_item_method CHECK (method IN ('PRECISE', 'ESTIMATED', 'DECLARED'))
);
CREATE INDEX ix_income_item_person ON income_item (person_key, data_period);

-- One row per resident and period (and per non-resident family member with income records, resident = false):
-- the five components and DI over the trailing 12 months ending with the period, after estimation and declarations.
--   method:     the weakest of its components (PRECISE < ESTIMATED; DECLARED when any component is declared);
--               NONE when the person has no income figure at all
--   precise_di: DI from precise items only; estimated = the estimated part of DI
--   di_low, di_high: DI interval (the precise part plus the estimates' intervals)
--   monitored:  income-monitored (pilot indicator 5, domain.md §7)
--   urban:      by the urban-rural classification code of village_code (live village, else hukou village)
CREATE TABLE person_income (
    data_period   VARCHAR(7)     NOT NULL,
    person_key    BIGINT         NOT NULL,
    family_key    VARCHAR(12),
    resident      BOOLEAN        NOT NULL,
    township_code VARCHAR(9),
    village_code  VARCHAR(12),
    urban         BOOLEAN,
    sex           VARCHAR(1),
    age           INTEGER,
    wage          DECIMAL(18, 2) NOT NULL,
    business      DECIMAL(18, 2) NOT NULL,
    property      DECIMAL(18, 2) NOT NULL,
    transfer_in   DECIMAL(18, 2) NOT NULL,
    transfer_out  DECIMAL(18, 2) NOT NULL,
    disposable    DECIMAL(18, 2) NOT NULL,
    precise_di    DECIMAL(18, 2) NOT NULL,
    estimated     DECIMAL(18, 2) NOT NULL,
    di_low        DECIMAL(18, 2) NOT NULL,
    di_high       DECIMAL(18, 2) NOT NULL,
    method        VARCHAR(10)    NOT NULL,
    confidence    DECIMAL(5, 3)  NOT NULL,
    monitored     BOOLEAN        NOT NULL,
    CONSTRAINT pk_person_income PRIMARY KEY (data_period, person_key)
);
CREATE INDEX ix_person_income_family ON person_income (data_period, family_key);

-- One row per family and period: family DI = the sum over its resident members (domain.md §4); per-capita = DI /
-- resident members; three_person = per-capita × 3 (the typical family of three, the default bracket basis);
-- bracket_10_50, bracket_20_60: the middle-income brackets on the configured basis; below_dibao / below_marginal:
-- per-capita DI below the 低保 standard / the 低边 line of the period's year; medical_oop: out-of-pocket medical cost
-- of the residents over the 12 months (rigid expenditure); after_rigid_monthly: (DI − rigid expenditure) / residents
-- / 12, tested against the minimum wage (assistance double line): double_line = NONE, ASSIST (< 80%), SAFETY_NET (< 40%).
CREATE TABLE family_income (
    data_period         VARCHAR(7)     NOT NULL,
    family_key          VARCHAR(12)    NOT NULL,
    township_code       VARCHAR(9),
    village_code        VARCHAR(12),
    urban               BOOLEAN,
    residents           INTEGER        NOT NULL,
    disposable          DECIMAL(18, 2) NOT NULL,
    di_low              DECIMAL(18, 2) NOT NULL,
    di_high             DECIMAL(18, 2) NOT NULL,
    per_capita          DECIMAL(18, 2) NOT NULL,
    three_person        DECIMAL(18, 2) NOT NULL,
    bracket_10_50       BOOLEAN        NOT NULL,
    bracket_20_60       BOOLEAN        NOT NULL,
    below_dibao         BOOLEAN        NOT NULL,
    below_marginal      BOOLEAN        NOT NULL,
    medical_oop         DECIMAL(18, 2) NOT NULL,
    after_rigid_monthly DECIMAL(18, 2) NOT NULL,
    double_line         VARCHAR(12)    NOT NULL,
    method              VARCHAR(10)    NOT NULL,
    monitored_members   INTEGER        NOT NULL,
    CONSTRAINT pk_family_income PRIMARY KEY (data_period, family_key)
);
CREATE INDEX ix_family_income_area ON family_income (data_period, township_code);

-- Declared corrections (申报更正): a permitted user (ADMIN, ANALYST) states a person's annual amount of one component
-- from a period on; it overrides the computed figure in every run of that period and later until withdrawn, is shown
-- as DECLARED, and is audited (audit_event). The latest non-withdrawn declaration of a person and component whose
-- effective_from <= the period applies.
CREATE TABLE income_declaration (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    person_key     BIGINT         NOT NULL,
    component      VARCHAR(16)    NOT NULL,
    amount         DECIMAL(18, 2) NOT NULL,
    effective_from VARCHAR(7)     NOT NULL,
    reason         VARCHAR(1000)  NOT NULL,
    declared_by    VARCHAR(100)   NOT NULL,
    declared_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_by   VARCHAR(100),
    withdrawn_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_income_declaration_person ON income_declaration (person_key);

-- The estimation model of each period and component: what it was trained on and its accuracy on held-out survey
-- households (MAE, MAPE over targets above the MAPE floor, interval coverage), plus the features and parameters.
CREATE TABLE income_model (
    data_period  VARCHAR(7)     NOT NULL,
    component    VARCHAR(16)    NOT NULL,
    survey_year  INTEGER        NOT NULL,
    trainer      VARCHAR(200)   NOT NULL,
    train_rows   INTEGER        NOT NULL,
    test_rows    INTEGER        NOT NULL,
    mae          DOUBLE PRECISION,
    mape         DOUBLE PRECISION,
    coverage     DOUBLE PRECISION,
    interval_half_width DOUBLE PRECISION,
    applied_to   INTEGER        NOT NULL,
    details      TEXT,
    CONSTRAINT pk_income_model PRIMARY KEY (data_period, component)
);

-- County indicators per period, basis and breakdown (domain.md §7; pilot indicators 1, 2, 3, 4, 5, 8, per-capita DI,
-- Gini and the other distribution measures):
--   basis:     POPULATION (every resident, weight 1) or SURVEY (the design-weighted survey sample of the latest year)
--   breakdown: COUNTY, TOWNSHIP, VILLAGE, URBAN_RURAL, SEX, AGE_GROUP; group_code: '' for COUNTY, else the township or
--              village code, URBAN/RURAL, M/F, or the age group label (0-15, 16-29, 30-44, 45-59, 60+)
--   metric:    e.g. per_capita_di, urban_rural_ratio, share_10_50, share_20_60, relationship_accuracy,
--              monitoring_coverage, data_items_updated, gini, theil, mld, palma, p90p10, s80s20, arop, median_gap,
--              median, fgt0_dibao, ...
--   figure = numerator / denominator where that applies (shares), else the value.
CREATE TABLE income_indicator (
    data_period VARCHAR(7)   NOT NULL,
    basis       VARCHAR(12)  NOT NULL,
    breakdown   VARCHAR(16)  NOT NULL,
    group_code  VARCHAR(12)  NOT NULL,
    metric      VARCHAR(40)  NOT NULL,
    figure      DOUBLE PRECISION,
    numerator   DOUBLE PRECISION,
    denominator DOUBLE PRECISION,
    CONSTRAINT pk_income_indicator PRIMARY KEY (data_period, basis, breakdown, group_code, metric)
);
