-- The OI's global grants (subventions globales FSE+), one row per grant and plan: its JSON
-- document (plie/global-grant, journal included) and its revision for optimistic locking.
CREATE TABLE plie_global_grant (
    plan_id            VARCHAR(64)  NOT NULL,
    id                 VARCHAR(100) NOT NULL,
    revision           BIGINT       NOT NULL,
    intermediate_body  VARCHAR(100) NOT NULL,
    document           ${text}      NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, id)
);
-- The ledger's journal, append-only: one row per command applied, at the grant revision it made.
-- Its idempotency key is unique per grant in the database, so a command retried on another node
-- is applied once.
CREATE TABLE plie_ledger_entry (
    plan_id          VARCHAR(64)    NOT NULL,
    grant_id         VARCHAR(100)   NOT NULL,
    revision         BIGINT         NOT NULL,
    idempotency_key  VARCHAR(200)   NOT NULL,
    kind             VARCHAR(40)    NOT NULL,
    operation_id     VARCHAR(100)   NOT NULL,
    amount           DECIMAL(15, 2) NOT NULL,
    actor            VARCHAR(200)   NOT NULL,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    reason           VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (plan_id, grant_id, revision),
    CONSTRAINT plie_ledger_entry_key UNIQUE (plan_id, grant_id, idempotency_key)
);
-- Where each operation asking for FSE+ stands in the commitment (process C): committed, waiting
-- for money on its envelope, refused, ... with the reason of its last outcome.
CREATE TABLE plie_fse_commitment (
    plan_id       VARCHAR(64)    NOT NULL,
    operation_id  VARCHAR(100)   NOT NULL,
    grant_id      VARCHAR(100)   NOT NULL,
    state         VARCHAR(40)    NOT NULL,
    amount        DECIMAL(15, 2) NOT NULL,
    reason        VARCHAR(2000)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, operation_id)
);
