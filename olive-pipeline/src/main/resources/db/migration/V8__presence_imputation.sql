-- The crossings that presence reconstruction (org.olive.population.PresenceReconstruction, docs/population.md)
-- inferred because the records lack them, and the duplicate checks it ignored, per person. Written by the presence
-- step of `olive run`; each one is recorded once, by the first period whose run finds it (a re-run of that period
-- replaces its rows). Kept so that a missing or duplicate crossing can be explained and matched later (for example
-- against the generator's MISSING_CROSSING and DUPLICATE_ROW faults). Portable SQL (H2 2.x, PostgreSQL).
CREATE TABLE presence_imputation (
    data_period  VARCHAR(7)   NOT NULL,  -- the period whose run first found it
    person_id    VARCHAR(18)  NOT NULL,  -- ID number: most crossing persons are visitors without a person_key
    pattern      VARCHAR(10)  NOT NULL,  -- IN_IN, OUT_OUT, FIRST_OUT, LAST_IN (inferred) or DUPLICATE (ignored)
    direction    VARCHAR(3)   NOT NULL,  -- IN or OUT: of the inferred crossing, or of the ignored duplicate
    anchor_at    TIMESTAMP    NOT NULL,  -- the recorded crossing it pairs with (the IN a missing OUT ends, the OUT a
                                         -- missing IN precedes, the crossing a duplicate repeats)
    crossing_at  TIMESTAMP    NOT NULL,  -- when the inferred crossing is assumed, or when the duplicate was checked
    explanation  VARCHAR(500) NOT NULL,
    CONSTRAINT pk_presence_imputation PRIMARY KEY (data_period, person_id, direction, anchor_at, crossing_at)
);
CREATE INDEX ix_presence_imputation_person ON presence_imputation (person_id);
CREATE INDEX ix_presence_imputation_anchor ON presence_imputation (anchor_at);
