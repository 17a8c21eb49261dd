-- The participants' personal data, apart from their pathways (issue 12): the identity of each
-- participant (an internal JSON document) with the key that tells the same person referred twice,
-- erased on request without touching the pathway; and the record of each erasure, with the last day
-- the FSE+ audit keeps the pathway, indexed for the retention purge.
CREATE TABLE plie_participant_identity (
    plan_id         VARCHAR(64)  NOT NULL,
    participant_id  VARCHAR(100) NOT NULL,
    person_key      VARCHAR(64)  NOT NULL,
    document        ${text}      NOT NULL,
    PRIMARY KEY (plan_id, participant_id)
);
CREATE INDEX plie_participant_identity_person ON plie_participant_identity (plan_id, person_key);
CREATE TABLE plie_participant_erasure (
    plan_id         VARCHAR(64)  NOT NULL,
    participant_id  VARCHAR(100) NOT NULL,
    erased_on       DATE         NOT NULL,
    retained_until  DATE         NOT NULL,
    PRIMARY KEY (plan_id, participant_id)
);
CREATE INDEX plie_participant_erasure_retention ON plie_participant_erasure (plan_id, retained_until);
