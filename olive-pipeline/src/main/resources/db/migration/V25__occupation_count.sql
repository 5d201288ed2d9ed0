-- The occupation ledger's counts (职业一本账, issue 13; docs/occupations.md): per period, the persons of
-- person_occupation by township (person_period.township_code of the period), occupation, industry and source, written by
-- the occupation step (org.olive.pipeline.occupation) with the period's rows, so that the 职业 page and
-- `olive occupations` read a few thousand counts instead of grouping every person of every period on each request.
-- '' stands for none (no township, no occupation code, no industry): the primary key needs a value.
-- (V24 is the warnings' migration.)
CREATE TABLE occupation_count (
    data_period     VARCHAR(7)  NOT NULL,
    township_code   VARCHAR(12) NOT NULL,
    occupation_code VARCHAR(10) NOT NULL,
    industry_code   VARCHAR(4)  NOT NULL,
    source          VARCHAR(12) NOT NULL,
    persons         BIGINT      NOT NULL,
    CONSTRAINT pk_occupation_count PRIMARY KEY (data_period, township_code, occupation_code, industry_code, source)
);

-- the periods already built
INSERT INTO occupation_count (data_period, township_code, occupation_code, industry_code, source, persons)
SELECT o.data_period, COALESCE(pp.township_code, ''), COALESCE(o.occupation_code, ''), COALESCE(o.industry_code, ''),
       o.source, COUNT(*)
FROM person_occupation o
LEFT JOIN person_period pp ON pp.data_period = o.data_period AND pp.person_key = o.person_key
GROUP BY o.data_period, COALESCE(pp.township_code, ''), COALESCE(o.occupation_code, ''), COALESCE(o.industry_code, ''),
         o.source;
