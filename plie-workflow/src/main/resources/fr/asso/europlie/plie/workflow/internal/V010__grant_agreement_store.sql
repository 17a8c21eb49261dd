-- The OI's grant agreements (conventions attributives FSE+), one row per agreement and plan: its
-- JSON document (plie/grant-agreement, every version: the initial agreement and its amendments)
-- and its revision (the number of versions) for optimistic locking. One agreement per operation
-- of a plan.
CREATE TABLE plie_grant_agreement (
    plan_id            VARCHAR(64)  NOT NULL,
    id                 VARCHAR(100) NOT NULL,
    operation_id       VARCHAR(100) NOT NULL,
    operator           VARCHAR(100) NOT NULL,
    intermediate_body  VARCHAR(100) NOT NULL,
    revision           BIGINT       NOT NULL,
    document           ${text}      NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, id),
    CONSTRAINT plie_grant_agreement_operation UNIQUE (plan_id, operation_id)
);
