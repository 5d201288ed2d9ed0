-- Figures the web pages read instead of scanning a whole county (issue 12). Each is written in the ledger run's
-- transaction by the step that owns its source rows, deleted and rewritten per period, so a re-run is idempotent.

-- The population lists' counts (step lists, from person_period): members of each list per township, hukou village,
-- village lived in, sex and age band. age_band is age / 5 as the database divides integers (null when the age is
-- unknown); below_zero marks ages under 0 (a birth date after the period), which an age filter never includes.
CREATE TABLE population_count (
    data_period     VARCHAR(7)  NOT NULL,
    population_list VARCHAR(16) NOT NULL,
    township_code   VARCHAR(9),
    hukou_village   VARCHAR(12),
    live_village    VARCHAR(12),
    sex             VARCHAR(1),
    age_band        INTEGER,
    below_zero      BOOLEAN     NOT NULL,
    persons         BIGINT      NOT NULL
);
CREATE INDEX ix_population_count ON population_count (data_period, population_list);

-- The members of each list in the page order (village of the list, name, person key): list_order 1..n per period and
-- list, with the columns the page filters on (village = the list's village column).
CREATE TABLE population_member (
    data_period     VARCHAR(7)  NOT NULL,
    population_list VARCHAR(16) NOT NULL,
    list_order        INTEGER     NOT NULL,
    person_key      BIGINT      NOT NULL,
    township_code   VARCHAR(9),
    village_code    VARCHAR(12),
    sex             VARCHAR(1),
    age             INTEGER,
    CONSTRAINT pk_population_member PRIMARY KEY (data_period, population_list, list_order)
);
CREATE INDEX ix_population_member_township ON population_member (data_period, population_list, township_code, list_order);
CREATE INDEX ix_population_member_village ON population_member (data_period, population_list, village_code, list_order);

-- The exits of each list: members of the previous period's list who are not members in the period, with the
-- previous period's row (village of the list, sex, age, since) as of the run of the period.
CREATE TABLE population_exit (
    data_period     VARCHAR(7)  NOT NULL,
    population_list VARCHAR(16) NOT NULL,
    person_key      BIGINT      NOT NULL,
    township_code   VARCHAR(9),
    village_code    VARCHAR(12),
    sex             VARCHAR(1),
    age             INTEGER,
    member_since    VARCHAR(7),
    CONSTRAINT pk_population_exit PRIMARY KEY (data_period, population_list, person_key)
);

-- The cockpit's distribution of families' DI (step indicators, from family_income with residents > 0), for the
-- county (area_code '') and each township (9 digits): families, persons and the Gini of per-capita DI ...
CREATE TABLE income_distribution (
    data_period VARCHAR(7)       NOT NULL,
    area_code   VARCHAR(9)       NOT NULL,
    families    INTEGER          NOT NULL,
    persons     BIGINT           NOT NULL,
    gini        DOUBLE PRECISION,
    CONSTRAINT pk_income_distribution PRIMARY KEY (data_period, area_code)
);

-- ... the histogram of three-person DI (bin_to null for the open last bin) ...
CREATE TABLE income_histogram (
    data_period VARCHAR(7)       NOT NULL,
    area_code   VARCHAR(9)       NOT NULL,
    bin_index   INTEGER          NOT NULL,
    bin_from    DOUBLE PRECISION NOT NULL,
    bin_to      DOUBLE PRECISION,
    families    BIGINT           NOT NULL,
    persons     BIGINT           NOT NULL,
    CONSTRAINT pk_income_histogram PRIMARY KEY (data_period, area_code, bin_index)
);

-- ... and the Lorenz curve of per-capita DI, persons weighted by residents.
CREATE TABLE income_lorenz (
    data_period      VARCHAR(7)       NOT NULL,
    area_code        VARCHAR(9)       NOT NULL,
    point_index      INTEGER          NOT NULL,
    population_share DOUBLE PRECISION NOT NULL,
    income_share     DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_income_lorenz PRIMARY KEY (data_period, area_code, point_index)
);
