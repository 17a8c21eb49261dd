-- The protocols: one row per aggregate, its JSON document and its revision for optimistic locking.
CREATE TABLE plie_protocol (
    id          VARCHAR(100) NOT NULL PRIMARY KEY,
    revision    BIGINT       NOT NULL,
    state       VARCHAR(40)  NOT NULL,
    document    ${text}      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
