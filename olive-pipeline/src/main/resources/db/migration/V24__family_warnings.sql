-- Warning colours (预警, issue 14; domain.md §5, docs/warnings.md): per period, the families the county profile's
-- warning rules (warnings.yaml: dated, versioned CEL rules over the family facts) colour RED or YELLOW, and the
-- history of colour changes. Written only by the warning step (org.olive.pipeline.warning). Re-running a period
-- replaces that period's rows. A family with an income figure and no row is GREEN.
--   rules:    the rule versions that fired, ';id@n;id@n;'
--   evidence: per rule, the facts that made it fire, their values and records ('id@n: fact=value [record] | …')
CREATE TABLE family_warning (
    data_period   VARCHAR(7)    NOT NULL,
    family_key    VARCHAR(12)   NOT NULL,
    colour        VARCHAR(6)    NOT NULL,
    township_code VARCHAR(9),
    rules         VARCHAR(1000) NOT NULL,
    evidence      VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_family_warning PRIMARY KEY (data_period, family_key),
    CONSTRAINT ck_family_warning_colour CHECK (colour IN ('RED', 'YELLOW'))
);
CREATE INDEX ix_family_warning_area ON family_warning (data_period, township_code, colour);

-- A family's colour change against the previous period (GREEN included: a family with no warning, or no longer in
-- the income ledger), with the day it applies from (the period's last day) and the reasons: the rules that fired
-- now, or those that no longer fire.
CREATE TABLE warning_event (
    data_period   VARCHAR(7)    NOT NULL,
    family_key    VARCHAR(12)   NOT NULL,
    changed_on    DATE          NOT NULL,
    from_colour   VARCHAR(6)    NOT NULL,
    to_colour     VARCHAR(6)    NOT NULL,
    township_code VARCHAR(9),
    reason        VARCHAR(2000),
    CONSTRAINT pk_warning_event PRIMARY KEY (data_period, family_key),
    CONSTRAINT ck_warning_event_colours CHECK (from_colour IN ('RED', 'YELLOW', 'GREEN')
        AND to_colour IN ('RED', 'YELLOW', 'GREEN') AND from_colour <> to_colour)
);
CREATE INDEX ix_warning_event_family ON warning_event (family_key, data_period);
