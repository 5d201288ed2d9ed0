-- The occupation ledger (职业一本账, issue 13): per period, every working-age person of the period's person_period gets
-- an occupation at the second level of GB/T 6565 (职业分类大典 中类, e.g. '4-03'), or none with the reason; and, when
-- employed or in business, an industry (GB/T 4754 小类, 4 digits). Written only by the occupation step
-- (org.olive.pipeline.occupation). Re-running a period replaces that period's rows. Portable SQL (H2 2.x, PostgreSQL).
--   occupation_code: GB/T 6565 level-2 code, NULL when unknown (then reason says why: no evidence, below working age …)
--   occupation_detail: the finest code the evidence gave (level 4 细类 of a certificate, say), or NULL
--   source: CERTIFICATE, EMPLOYER, BUSINESS, PLATFORM, FISHERY, AQUACULTURE, BNB, PENSION, NONE
--   confidence: 0..1, from the occupation profile's confidence per source
--   rule_version: the occupation profile version that decided
--   evidence: the facts used, with their records (dataset:file:row), as shown on the person page
CREATE TABLE person_occupation (
    data_period       VARCHAR(7)    NOT NULL,
    person_key        BIGINT        NOT NULL,
    occupation_code   VARCHAR(10),
    occupation_detail VARCHAR(12),
    industry_code     VARCHAR(4),
    source            VARCHAR(12)   NOT NULL,
    confidence        DECIMAL(4, 3) NOT NULL,
    reason            VARCHAR(200),
    rule_version      VARCHAR(40)   NOT NULL,
    evidence          VARCHAR(2000),
    CONSTRAINT pk_person_occupation PRIMARY KEY (data_period, person_key),
    CONSTRAINT ck_person_occupation_source CHECK (source IN ('CERTIFICATE', 'EMPLOYER', 'BUSINESS', 'PLATFORM', 'FISHERY',
        'AQUACULTURE', 'BNB', 'PENSION', 'NONE'))
);
CREATE INDEX ix_person_occupation_code ON person_occupation (data_period, occupation_code);
