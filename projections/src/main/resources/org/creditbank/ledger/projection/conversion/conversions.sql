-- Conversion applications on learners' accounts and how each source fared. One table set per slot (${slot}: '' for
-- slot A, '_b' for slot B, '_scratch' for the scratch slot); derived from events, made by the engine from this
-- template. ${bytewise}: compared byte by byte on PostgreSQL.

-- An application: APPLIED until decided, then GRANTED or REFUSED; a grant whose source was revoked or corrected
-- later is INVALIDATED, with the cause (the source, the act and its reason).
CREATE TABLE conversion_application${slot} (
    learner_number CHAR(18)${bytewise}      NOT NULL,
    application_id VARCHAR(64)${bytewise}   NOT NULL,
    institution    VARCHAR(32)${bytewise}   NOT NULL,
    programme      VARCHAR(32)${bytewise}   NOT NULL,
    applied_on     DATE                     NOT NULL,
    applied_by     VARCHAR(64)              NOT NULL,
    applied_branch VARCHAR(32),
    applied_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    credits        NUMERIC(19, 4),
    credit_unit    VARCHAR(48),
    granted_on     DATE,
    refusal        VARCHAR(1024),
    decided_by     VARCHAR(64),
    decided_at     TIMESTAMP WITH TIME ZONE,
    cause_source   VARCHAR(64),
    cause_act      VARCHAR(16),
    cause_reason   VARCHAR(1024),
    invalidated_by VARCHAR(64),
    invalidated_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT conversion_application${slot}_pk PRIMARY KEY (learner_number, application_id)
);
CREATE INDEX conversion_application${slot}_institution_ix ON conversion_application${slot} (institution, status);

-- A source of an application, in the order named: how the rules weighed it when applied for (rule, version, what it
-- grants, or why nothing does), and its outcome once decided (GRANTED, or REFUSED with why).
CREATE TABLE conversion_source${slot} (
    learner_number   CHAR(18)${bytewise}    NOT NULL,
    application_id   VARCHAR(64)${bytewise} NOT NULL,
    position         INTEGER                NOT NULL,
    achievement_id   VARCHAR(64)${bytewise} NOT NULL,
    rule_id          VARCHAR(64),
    rule_version     INTEGER,
    agreement_id     VARCHAR(64),
    credits          NUMERIC(19, 4),
    credit_unit      VARCHAR(48),
    course           VARCHAR(32),
    exempted_courses VARCHAR,
    assessment       VARCHAR,
    outcome          VARCHAR(16),
    reason           VARCHAR,
    CONSTRAINT conversion_source${slot}_pk PRIMARY KEY (learner_number, application_id, position)
);

-- Hours of an achievement converted into standard credits at its certification, by the network hours rule.
CREATE TABLE conversion_hours${slot} (
    learner_number   CHAR(18)${bytewise}      NOT NULL,
    achievement_id   VARCHAR(64)${bytewise}   NOT NULL,
    rule_id          VARCHAR(64)              NOT NULL,
    rule_version     INTEGER                  NOT NULL,
    hours            NUMERIC(19, 4)           NOT NULL,
    hours_per_credit NUMERIC(19, 4)           NOT NULL,
    credits          NUMERIC(19, 4)           NOT NULL,
    deposited        NUMERIC(19, 4)           NOT NULL,
    converted_on     DATE                     NOT NULL,
    converted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversion_hours${slot}_pk PRIMARY KEY (learner_number, achievement_id)
);

-- A qualification awarded on an account (the achievement the award is), and, once an act on one of its credits breaks
-- a threshold, FLAGGED for review with the cause and the thresholds no longer met; REVOKED or REJECTED once the
-- award's achievement is.
CREATE TABLE conversion_award${slot} (
    learner_number CHAR(18)${bytewise}      NOT NULL,
    achievement_id VARCHAR(64)${bytewise}   NOT NULL,
    institution    VARCHAR(32)${bytewise}   NOT NULL,
    qualification  VARCHAR(32)${bytewise}   NOT NULL,
    programme      VARCHAR(32)              NOT NULL,
    credits        NUMERIC(19, 4)           NOT NULL,
    credit_unit    VARCHAR(48)              NOT NULL,
    awarded_by     VARCHAR(64)              NOT NULL,
    awarded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    cause_source   VARCHAR(64),
    cause_act      VARCHAR(16),
    cause_reason   VARCHAR(1024),
    unmet          VARCHAR,
    flagged_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT conversion_award${slot}_pk PRIMARY KEY (learner_number, achievement_id)
);
