-- The tag system (标签体系, issue 13; docs/tags.md). Written only by the tag step (org.olive.pipeline.tag).
-- tag_value: the tags of every person and family of the LATEST period run (a run of an earlier period leaves them),
-- one row per subject: `tags` lists the tags that hold as `id` or `id=value`, separated by ';' and enclosed in ';'
-- (so that `tags LIKE '%;elderly;%'` finds a plain tag), `versions` the definitions' versions (`id@version`, same
-- order) and `evidence` each tag's facts, values and records (`id: …`, separated by ' | '). One row per subject rather
-- than per tag: ten rows a person a month would make the step the slowest of the run on H2.
--   subject_kind: PERSON (subject_key = person_key) or FAMILY (subject_key = family_key)
CREATE TABLE tag_value (
    data_period  VARCHAR(7)    NOT NULL,
    subject_kind VARCHAR(6)    NOT NULL,
    subject_key  VARCHAR(20)   NOT NULL,
    tags         VARCHAR(2000) NOT NULL,
    versions     VARCHAR(1000) NOT NULL,
    evidence     VARCHAR(4000),
    CONSTRAINT pk_tag_value PRIMARY KEY (subject_kind, subject_key),
    CONSTRAINT ck_tag_value_subject CHECK (subject_kind IN ('PERSON', 'FAMILY'))
);

-- tag_count: per period, tag, value and township, the subjects tagged (the history, for trends and the tag pages).
CREATE TABLE tag_count (
    data_period   VARCHAR(7)   NOT NULL,
    subject_kind  VARCHAR(6)   NOT NULL,
    tag_id        VARCHAR(40)  NOT NULL,
    tag_value     VARCHAR(200) NOT NULL,
    township_code VARCHAR(9)   NOT NULL,
    subjects      BIGINT       NOT NULL,
    rule_version  VARCHAR(50)  NOT NULL,
    CONSTRAINT pk_tag_count PRIMARY KEY (data_period, subject_kind, tag_id, tag_value, township_code)
);
