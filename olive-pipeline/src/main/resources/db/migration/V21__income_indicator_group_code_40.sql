-- income_indicator.group_code held a township or village code (≤ 12 characters). The breakdown by key group
-- (KEY_GROUP, issue 13) stores the group id as its group ('individual_business' …, up to 40 characters like
-- group_member.group_id). Widening only: every stored value stays valid. Portable SQL (H2 2.x, PostgreSQL).
ALTER TABLE income_indicator ALTER COLUMN group_code SET DATA TYPE VARCHAR(40);
