-- The statistics read model, one table set per slot (${slot} is '' for slot A and '_b' for slot B, '_scratch' for the scratch slot): a rebuild fills
-- the idle slot beside the one being served, then switches. Everything here is derived from events.

-- What the statistics need to remember of an achievement to count the acts that follow its recording.
CREATE TABLE stat_achievement${slot} (
    achievement_id      VARCHAR(64)    NOT NULL,
    learner_number      CHAR(18)       NOT NULL,
    kind                VARCHAR(40)    NOT NULL,
    qualification_level INTEGER,
    achieved_on         DATE           NOT NULL,
    credits             NUMERIC(19, 4) NOT NULL,
    credit_unit         VARCHAR(48)    NOT NULL,
    certified           BOOLEAN        NOT NULL,
    CONSTRAINT stat_achievement${slot}_pk PRIMARY KEY (achievement_id)
);
CREATE INDEX stat_achievement${slot}_learner_ix ON stat_achievement${slot} (learner_number);

-- One row per counted fact, with its dimensions as they stood when it happened: what as-of questions are answered
-- from. credits is the change to the credits deposited (0 with unit '' when the fact deposits nothing).
CREATE TABLE stat_fact${slot} (
    event_identifier    VARCHAR(255)             NOT NULL,
    ordinal             INTEGER                  NOT NULL,
    measure             VARCHAR(32)              NOT NULL,
    branch_code         VARCHAR(32)              NOT NULL,
    learner_number      CHAR(18)                 NOT NULL,
    kind                VARCHAR(40)              NOT NULL,
    qualification_level INTEGER                  NOT NULL,
    credit_unit         VARCHAR(48)              NOT NULL,
    n                   INTEGER                  NOT NULL,
    credits             NUMERIC(19, 4)           NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    month_start         DATE                     NOT NULL,
    achieved_on         DATE,
    CONSTRAINT stat_fact${slot}_pk PRIMARY KEY (event_identifier, ordinal)
);
CREATE INDEX stat_fact${slot}_recorded_ix ON stat_fact${slot} (recorded_at);
CREATE INDEX stat_fact${slot}_branch_ix ON stat_fact${slot} (branch_code, recorded_at);

-- The facts summed by month (in the ledger's time zone) and every dimension: what live questions are answered from.
-- A dimension that does not apply is '' or 0.
CREATE TABLE stat_month${slot} (
    month_start         DATE           NOT NULL,
    branch_code         VARCHAR(32)    NOT NULL,
    measure             VARCHAR(32)    NOT NULL,
    kind                VARCHAR(40)    NOT NULL,
    qualification_level INTEGER        NOT NULL,
    credit_unit         VARCHAR(48)    NOT NULL,
    n                   BIGINT         NOT NULL,
    credits             NUMERIC(24, 4) NOT NULL,
    CONSTRAINT stat_month${slot}_pk PRIMARY KEY (month_start, branch_code, measure, kind, qualification_level, credit_unit)
);
CREATE INDEX stat_month${slot}_branch_ix ON stat_month${slot} (branch_code, month_start);

-- Learners with at least one act on an achievement in a month at a branch: active learners are counted from here.
CREATE TABLE stat_active${slot} (
    month_start    DATE        NOT NULL,
    branch_code    VARCHAR(32) NOT NULL,
    learner_number CHAR(18)    NOT NULL,
    CONSTRAINT stat_active${slot}_pk PRIMARY KEY (month_start, branch_code, learner_number)
);
CREATE INDEX stat_active${slot}_branch_ix ON stat_active${slot} (branch_code, month_start);
