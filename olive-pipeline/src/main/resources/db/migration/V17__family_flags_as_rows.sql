-- Family flags as rows, not columns (issue 12; design.md "Memberships and flags are rows"). One row per family, period
-- and flag: the brackets of the county profile (income.yaml brackets:, any number) the family is in, and the lines it
-- is below. A new bracket, line, group, tag or warning is a new flag_id, never a new column: no migration.
-- Written only by the income step (org.olive.pipeline.income.FamilyIncomeTables) with family_income; re-running a
-- period replaces that period's rows. Portable SQL (H2 2.x, PostgreSQL).
--   kind:     BRACKET (flag_id = the bracket's id, e.g. middle_10_50, middle_20_60), LINE (flag_id dibao, dibian,
--             tekun: per-capita DI below the 低保 / 低边 / 特困 line of the family's area at the period; assist,
--             safety_net: monthly income per capita after rigid expenditure below 80% / 40% of the minimum wage of
--             the area's tier, the double line; a safety_net family is also assist); later GROUP, TAG, WARNING
--   evidence: the figure tested, the bound, and the profile keys that gave it
CREATE TABLE family_flag (
    data_period VARCHAR(7)   NOT NULL,
    family_key  VARCHAR(12)  NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    flag_id     VARCHAR(40)  NOT NULL,
    evidence    VARCHAR(400),
    CONSTRAINT pk_family_flag PRIMARY KEY (data_period, family_key, kind, flag_id),
    CONSTRAINT ck_family_flag_kind CHECK (kind IN ('BRACKET', 'LINE', 'GROUP', 'TAG', 'WARNING'))
);
-- The families of one flag in a period (the income list's bracket and line filters, counts per flag); the primary key
-- serves the other direction (a family's flags, EXISTS from family_income).
CREATE INDEX ix_family_flag_flag ON family_flag (data_period, kind, flag_id, family_key);

-- The flags of the periods already run, from the columns they replace (the ids of the built-in brackets).
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'BRACKET', 'middle_10_50', 'V17: family_income.bracket_10_50'
FROM family_income WHERE bracket_10_50 = TRUE;
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'BRACKET', 'middle_20_60', 'V17: family_income.bracket_20_60'
FROM family_income WHERE bracket_20_60 = TRUE;
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'LINE', 'dibao', 'V17: family_income.below_dibao'
FROM family_income WHERE below_dibao = TRUE;
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'LINE', 'dibian', 'V17: family_income.below_marginal'
FROM family_income WHERE below_marginal = TRUE;
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'LINE', 'assist', 'V17: family_income.double_line ' || double_line
FROM family_income WHERE double_line IN ('ASSIST', 'SAFETY_NET');
INSERT INTO family_flag (data_period, family_key, kind, flag_id, evidence)
SELECT data_period, family_key, 'LINE', 'safety_net', 'V17: family_income.double_line SAFETY_NET'
FROM family_income WHERE double_line = 'SAFETY_NET';

ALTER TABLE family_income DROP COLUMN bracket_10_50;
ALTER TABLE family_income DROP COLUMN bracket_20_60;
ALTER TABLE family_income DROP COLUMN below_dibao;
ALTER TABLE family_income DROP COLUMN below_marginal;
ALTER TABLE family_income DROP COLUMN double_line;
