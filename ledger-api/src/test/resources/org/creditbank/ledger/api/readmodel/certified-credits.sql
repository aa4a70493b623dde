-- A read model that exists only in the tests: every certified achievement's credits, until it is revoked.
-- ${slot}: the slot's suffix; ${bytewise}: compared byte by byte on PostgreSQL.
CREATE TABLE certified_credit${slot} (
    achievement_id VARCHAR(64)${bytewise} NOT NULL,
    learner_number CHAR(18)${bytewise}    NOT NULL,
    credit_unit    VARCHAR(48)${bytewise} NOT NULL,
    credits        NUMERIC(19, 4)         NOT NULL,
    revoked        BOOLEAN                NOT NULL,
    CONSTRAINT certified_credit${slot}_pk PRIMARY KEY (achievement_id)
);
CREATE INDEX certified_credit${slot}_learner_ix ON certified_credit${slot} (learner_number);
