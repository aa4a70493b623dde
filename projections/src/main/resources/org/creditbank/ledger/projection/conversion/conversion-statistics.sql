-- The statistics of conversions, one table set per slot (${slot}: '' for slot A, '_b' for slot B, '_scratch' for the
-- scratch slot); derived from events, made by the engine from this template. ${bytewise}: compared byte by byte on
-- PostgreSQL.

-- What was counted, summed by the day it was recorded on (in the ledger's time zone), the institution that received
-- the application (for hours: the branch that certified them), the rule and the unit. An application's own measures
-- (APPLIED, GRANTED, REFUSED, INVALIDATED) have no rule (''); a source's (SOURCE_GRANTED, SOURCE_REFUSED,
-- SOURCE_INVALIDATED) and hours converted (HOURS_CONVERTED) name the rule version's rule that weighed them ('' for a
-- source no rule grants). credits: the credits granted, invalidated or deposited; 0 with unit '' where none are.
CREATE TABLE conversion_tally${slot} (
    day_start   DATE                   NOT NULL,
    institution VARCHAR(32)${bytewise} NOT NULL,
    rule_id     VARCHAR(64)${bytewise} NOT NULL,
    measure     VARCHAR(32)${bytewise} NOT NULL,
    credit_unit VARCHAR(48)${bytewise} NOT NULL,
    n           BIGINT                 NOT NULL,
    credits     NUMERIC(24, 4)         NOT NULL,
    CONSTRAINT conversion_tally${slot}_pk PRIMARY KEY (day_start, institution, rule_id, measure, credit_unit)
);
CREATE INDEX conversion_tally${slot}_institution_ix ON conversion_tally${slot} (institution, day_start);

-- The credits a grant gave under each rule: what its invalidation takes back, rule by rule.
CREATE TABLE conversion_tally_grant${slot} (
    learner_number CHAR(18)${bytewise}    NOT NULL,
    application_id VARCHAR(64)${bytewise} NOT NULL,
    rule_id        VARCHAR(64)${bytewise} NOT NULL,
    credit_unit    VARCHAR(48)${bytewise} NOT NULL,
    sources        INTEGER                NOT NULL,
    credits        NUMERIC(19, 4)         NOT NULL,
    CONSTRAINT conversion_tally_grant${slot}_pk PRIMARY KEY (learner_number, application_id, rule_id, credit_unit)
);

-- The rule that weighed each source of an application not yet decided ('' where none grants it): what a decision
-- counts the sources it refuses under. Gone once the application is decided.
CREATE TABLE conversion_tally_source${slot} (
    learner_number CHAR(18)${bytewise}    NOT NULL,
    application_id VARCHAR(64)${bytewise} NOT NULL,
    achievement_id VARCHAR(64)${bytewise} NOT NULL,
    rule_id        VARCHAR(64)${bytewise} NOT NULL,
    CONSTRAINT conversion_tally_source${slot}_pk PRIMARY KEY (learner_number, application_id, achievement_id)
);
