-- The master database (总库) and its three sub-databases (mission M1): basic information (basic_*, 基础信息库),
-- work information (work_*, 工作信息库), income and expenditure (income_*, 收支信息库). One table per departmental
-- dataset, holding the validated rows of each delivery period, generated from the built-in mappings of olive-ingest
-- (their canonical schemas) by MasterSchemaDdl; MasterSchemaTest fails if the two disagree. Portable SQL (H2, PostgreSQL).
--
-- Provenance on every row: data_period (the delivery period whose ingest loaded it; re-ingesting a period replaces
-- exactly these rows), run_id (ingest_run), source_file and source_row (1-based, the header is row 1), and defects
-- (repairs made to the row, e.g. a 15-digit ID number upgraded). Rejected rows are in ingest_reject, not here.

CREATE TABLE basic_hukou (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    sex                     VARCHAR(40),
    birth_date              DATE,
    ethnicity               VARCHAR(40),
    hukou_no                VARCHAR(30),
    relation_to_head        VARCHAR(4),
    village_code            VARCHAR(12),
    address                 VARCHAR(200),
    marital_status          VARCHAR(40),
    education               VARCHAR(40),
    status                  VARCHAR(40),
    status_date             DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_hukou_period ON basic_hukou (data_period);

CREATE TABLE basic_crossings (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    direction               VARCHAR(40),
    event_time              TIMESTAMP,
    port                    VARCHAR(50),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_crossings_period ON basic_crossings (data_period);

CREATE TABLE basic_floating (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    sex                     VARCHAR(40),
    birth_date              DATE,
    origin_code             VARCHAR(12),
    village_code            VARCHAR(12),
    reason                  VARCHAR(40),
    registered_date         DATE,
    ended_date              DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_floating_period ON basic_floating (data_period);

CREATE TABLE basic_marriage (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    husband_id              VARCHAR(18),
    husband_name            VARCHAR(50),
    wife_id                 VARCHAR(18),
    wife_name               VARCHAR(50),
    kind                    VARCHAR(40),
    event_date              DATE,
    office                  VARCHAR(100),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_marriage_period ON basic_marriage (data_period);

CREATE TABLE basic_vital (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    kind                    VARCHAR(40),
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    sex                     VARCHAR(40),
    event_date              DATE,
    mother_id               VARCHAR(18),
    father_id               VARCHAR(18),
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_vital_period ON basic_vital (data_period);

CREATE TABLE work_social_insurance (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    employer_uscc           VARCHAR(18),
    employer_name           VARCHAR(100),
    month_period            VARCHAR(7),
    insurance_type          VARCHAR(40),
    contribution_base       NUMERIC(18,2),
    personal_contribution   NUMERIC(18,2),
    employer_contribution   NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_social_insurance_period ON work_social_insurance (data_period);

CREATE TABLE income_benefits (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    month_period            VARCHAR(7),
    benefit_type            VARCHAR(40),
    amount                  NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_benefits_period ON income_benefits (data_period);

CREATE TABLE work_skill_cert (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    certificate_no          VARCHAR(40),
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    occupation_code         VARCHAR(20),
    occupation_name         VARCHAR(100),
    level                   BIGINT,
    issued_date             DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_skill_cert_period ON work_skill_cert (data_period);

CREATE TABLE income_iit (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    month_period            VARCHAR(7),
    item                    VARCHAR(40),
    income                  NUMERIC(18,2),
    tax                     NUMERIC(18,2),
    withholder_uscc         VARCHAR(18),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_iit_period ON income_iit (data_period);

CREATE TABLE work_market_entity (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    uscc                    VARCHAR(18),
    name                    VARCHAR(200),
    kind                    VARCHAR(40),
    operator_id             VARCHAR(18),
    operator_name           VARCHAR(50),
    industry_code           VARCHAR(8),
    employees               BIGINT,
    founded_date            DATE,
    closed_date             DATE,
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_market_entity_period ON work_market_entity (data_period);

CREATE TABLE work_business_report (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    uscc                    VARCHAR(18),
    year_no                 BIGINT,
    revenue                 NUMERIC(18,2),
    net_profit              NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_business_report_period ON work_business_report (data_period);

CREATE TABLE income_assistance (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    assistance_family_no    VARCHAR(40),
    type                    VARCHAR(40),
    monthly_amount          NUMERIC(18,2),
    start_date              DATE,
    end_date                DATE,
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_assistance_period ON income_assistance (data_period);

CREATE TABLE basic_disability (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    category                VARCHAR(40),
    grade                   BIGINT,
    issued_date             DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_disability_period ON basic_disability (data_period);

CREATE TABLE work_fishery_vessels (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    vessel_no               VARCHAR(30),
    owner_id                VARCHAR(18),
    owner_name              VARCHAR(50),
    power_kw                BIGINT,
    gear                    VARCHAR(20),
    month_period            VARCHAR(7),
    catch_value             NUMERIC(18,2),
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_fishery_vessels_period ON work_fishery_vessels (data_period);

CREATE TABLE work_fishery_crew (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    vessel_no               VARCHAR(30),
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    role                    VARCHAR(20),
    month_period            VARCHAR(7),
    share                   NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_fishery_crew_period ON work_fishery_crew (data_period);

CREATE TABLE work_fishery_aquaculture (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    licence_no              VARCHAR(50),
    holder_id               VARCHAR(18),
    holder_name             VARCHAR(100),
    area_mu                 NUMERIC(18,4),
    species                 VARCHAR(50),
    month_period            VARCHAR(7),
    output_value            NUMERIC(18,2),
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_fishery_aquaculture_period ON work_fishery_aquaculture (data_period);

CREATE TABLE work_bnb (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    bnb_no                  VARCHAR(30),
    bnb_name                VARCHAR(100),
    uscc                    VARCHAR(18),
    owner_id                VARCHAR(18),
    owner_name              VARCHAR(50),
    village_code            VARCHAR(12),
    rooms                   BIGINT,
    beds                    BIGINT,
    grade                   VARCHAR(40),
    month_period            VARCHAR(7),
    room_nights             BIGINT,
    revenue                 NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_bnb_period ON work_bnb (data_period);

CREATE TABLE income_property_ownership (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    property_id             VARCHAR(40),
    owner_id                VARCHAR(18),
    owner_name              VARCHAR(100),
    area_m2                 NUMERIC(18,4),
    use_kind                VARCHAR(40),
    registered_date         DATE,
    village_code            VARCHAR(12),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_property_ownership_period ON income_property_ownership (data_period);

CREATE TABLE income_property_rentals (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    contract_no             VARCHAR(40),
    landlord_id             VARCHAR(18),
    landlord_name           VARCHAR(100),
    property_id             VARCHAR(40),
    monthly_rent            NUMERIC(18,2),
    start_date              DATE,
    end_date                DATE,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_property_rentals_period ON income_property_rentals (data_period);

CREATE TABLE work_housing_fund (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    employer_uscc           VARCHAR(18),
    month_period            VARCHAR(7),
    base                    NUMERIC(18,2),
    personal_contribution   NUMERIC(18,2),
    employer_contribution   NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_housing_fund_period ON work_housing_fund (data_period);

CREATE TABLE income_utilities (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    account_no              VARCHAR(30),
    holder_id               VARCHAR(18),
    village_code            VARCHAR(12),
    month_period            VARCHAR(7),
    kwh                     BIGINT,
    water_m3                NUMERIC(18,4),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_utilities_period ON income_utilities (data_period);

CREATE TABLE basic_education (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    school                  VARCHAR(100),
    level                   VARCHAR(40),
    enrolled_date           DATE,
    graduation_date         DATE,
    employment_status       VARCHAR(40),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_basic_education_period ON basic_education (data_period);

CREATE TABLE income_medical (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    month_period            VARCHAR(7),
    total_cost              NUMERIC(18,2),
    fund_paid               NUMERIC(18,2),
    out_of_pocket           NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_medical_period ON income_medical (data_period);

CREATE TABLE work_platform_work (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    person_id               VARCHAR(18),
    name                    VARCHAR(50),
    platform                VARCHAR(100),
    kind                    VARCHAR(40),
    month_period            VARCHAR(7),
    orders                  BIGINT,
    income                  NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_work_platform_work_period ON work_platform_work (data_period);

CREATE TABLE income_dividends (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    hukou_no                VARCHAR(30),
    head_id                 VARCHAR(18),
    head_name               VARCHAR(50),
    village_code            VARCHAR(12),
    year_no                 BIGINT,
    shareholders            BIGINT,
    amount                  NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_dividends_period ON income_dividends (data_period);

CREATE TABLE income_survey (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    sample_household        VARCHAR(30),
    person_id               VARCHAR(18),
    relation                VARCHAR(4),
    stratum                 VARCHAR(40),
    village_code            VARCHAR(12),
    design_weight           NUMERIC(18,4),
    wage                    NUMERIC(18,2),
    business                NUMERIC(18,2),
    property                NUMERIC(18,2),
    transfer_net            NUMERIC(18,2),
    disposable_income       NUMERIC(18,2),
    consumption             NUMERIC(18,2),
    food                    NUMERIC(18,2),
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_survey_period ON income_survey (data_period);

CREATE TABLE income_tourism (
    data_period             VARCHAR(7) NOT NULL,
    run_id                  BIGINT NOT NULL,
    source_file             VARCHAR(255) NOT NULL,
    source_row              BIGINT NOT NULL,
    month_period            VARCHAR(7),
    township_code           VARCHAR(12),
    township_name           VARCHAR(50),
    arrivals                BIGINT,
    overnight_visitors      BIGINT,
    overnight_nights        BIGINT,
    defects                 VARCHAR(1000)
);
CREATE INDEX ix_income_tourism_period ON income_tourism (data_period);

