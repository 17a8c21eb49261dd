-- Plans (PLIE) on one engine: every row of the library belongs to a plan, and a protocol id is
-- unique within its plan only. Rows written before plans existed go to the default plan.
CREATE TABLE plie_plan (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO plie_plan (id, name, created_at) VALUES ('default', 'PLIE', CURRENT_TIMESTAMP);
CREATE TABLE plie_protocol_v3 (
    plan_id     VARCHAR(64)  NOT NULL,
    id          VARCHAR(100) NOT NULL,
    revision    BIGINT       NOT NULL,
    state       VARCHAR(40)  NOT NULL,
    document    ${text}      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, id)
);
INSERT INTO plie_protocol_v3 (plan_id, id, revision, state, document, updated_at)
    SELECT 'default', id, revision, state, document, updated_at FROM plie_protocol;
DROP TABLE plie_protocol;
ALTER TABLE plie_protocol_v3 RENAME TO plie_protocol;
ALTER TABLE plie_audit ADD COLUMN plan_id VARCHAR(64) DEFAULT 'default' NOT NULL;
DROP INDEX plie_audit_protocol;
CREATE INDEX plie_audit_plan_protocol ON plie_audit (plan_id, protocol_id, id);
