-- Policy versions saved from the web's policy editor (政策工具, issue 15; docs/policies.md, "Editing a policy"):
-- each a new version of a policy of the profile's policies.yaml, from valid_from (to valid_to, open when null), with
-- its eligibility rule and amount formula, who saved it, when and why. Every later run lays them over the profile's
-- versions (PolicyRuleVersions.overlay). Rows are never changed: a correction is a new version. Written by
-- org.olive.pipeline.policy.PolicyRuleVersions only; every save is audited (audit_event).
CREATE TABLE policy_rule_version (
    policy_code  VARCHAR(40)              NOT NULL,
    version      INTEGER                  NOT NULL,
    valid_from   VARCHAR(7)               NOT NULL,
    valid_to     VARCHAR(7),
    eligible     VARCHAR(4000)            NOT NULL,
    amount       VARCHAR(4000)            NOT NULL,
    saved_by     VARCHAR(100)             NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(1000)            NOT NULL,
    CONSTRAINT pk_policy_rule_version PRIMARY KEY (policy_code, version)
);
