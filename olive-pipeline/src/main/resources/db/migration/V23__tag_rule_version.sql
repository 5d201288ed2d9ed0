-- Tag versions saved from the web's tag editor (标签体系, issue 13; docs/tags.md, "Editing tags on the web"). Written
-- only by org.olive.pipeline.tag.TagRuleVersions, which checks every version (the rule and value compile over the
-- documented facts, the number is the tag's next, valid_from is not before the latest version's) before it stores it.
-- Every later run lays these versions over the profile's tags.yaml (TagDefinitions.withVersions): a run of a period on
-- or after valid_from uses the version and records `tag_id@version` in tag_value.versions. Rows are never changed:
-- a correction is a new version.
--   version:     the version's number within the tag (the profile's `version: "1"` is 1), increasing
--   valid_from:  YYYY-MM, the first period the version is in force
--   when_rule:   the CEL rule (tags.yaml `when`); value_rule: the CEL value expression (`value`), NULL for a plain tag
--   subject_kind, category, subcategory, name_zh, name_en: the definition of a NEW tag (the first version of a tag the
--   profile does not have); NULL for a version of an existing tag
CREATE TABLE tag_rule_version (
    tag_id       VARCHAR(40)              NOT NULL,
    version      INTEGER                  NOT NULL,
    valid_from   VARCHAR(7)               NOT NULL,
    when_rule    VARCHAR(4000)            NOT NULL,
    value_rule   VARCHAR(4000),
    subject_kind VARCHAR(6),
    category     VARCHAR(100),
    subcategory  VARCHAR(100),
    name_zh      VARCHAR(100),
    name_en      VARCHAR(200),
    saved_by     VARCHAR(100)             NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(1000)            NOT NULL,
    CONSTRAINT pk_tag_rule_version PRIMARY KEY (tag_id, version),
    CONSTRAINT ck_tag_rule_version_subject CHECK (subject_kind IS NULL OR subject_kind IN ('PERSON', 'FAMILY'))
);
