-- ledger_figure.area_code held a township or village code (≤ 12 characters). The accuracy of the key groups against a
-- synthetic county's truth (olive-accuracy, issue 13) stores one figure per group with the group id as its area
-- (group_precision / group_recall of 'individual_business' …, up to 40 characters like group_member.group_id).
-- Widening only: every stored value stays valid. Portable SQL (H2 2.x, PostgreSQL).
ALTER TABLE ledger_figure ALTER COLUMN area_code SET DATA TYPE VARCHAR(40);
