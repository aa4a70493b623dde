-- The statistics read model, one table set per slot (${slot} is '' for slot A, '_b' for slot B, '_scratch' for the
-- scratch slot): a rebuild fills the idle slot beside the one being served, then switches. Everything here is derived
-- from events; the engine makes every slot from this template. ${bytewise}: compared byte by byte on PostgreSQL.
--
-- Days and months are in the ledger's time zone. A node is where learners are counted: '*' (the whole network), a
-- branch's code (its jurisdiction: the branch and every branch below it) or '=' and a code (the branch's own acts).
-- A period is '*' (all time), a year ('2026') or a month ('2026-11').

-- What the statistics need to remember of an achievement to count the acts that follow its recording.
CREATE TABLE stat_achievement${slot} (
    achievement_id      VARCHAR(64)${bytewise} NOT NULL,
    learner_number      CHAR(18)${bytewise}    NOT NULL,
    kind                VARCHAR(40)${bytewise} NOT NULL,
    qualification_level INTEGER,
    achieved_on         DATE                   NOT NULL,
    credits             NUMERIC(19, 4)         NOT NULL,
    credit_unit         VARCHAR(48)${bytewise} NOT NULL,
    certified           BOOLEAN                NOT NULL,
    CONSTRAINT stat_achievement${slot}_pk PRIMARY KEY (achievement_id)
);
CREATE INDEX stat_achievement${slot}_learner_ix ON stat_achievement${slot} (learner_number);

-- One row per counted fact, with its dimensions as they stood when it happened and its day: what as-of questions are
-- answered from, and what every sum below is derived from. credits is the change to the credits deposited (0 with
-- unit '' when the fact deposits nothing). No key: facts are read by recorded time and by branch only.
CREATE TABLE stat_fact${slot} (
    event_identifier    VARCHAR(255)${bytewise}  NOT NULL,
    ordinal             INTEGER                  NOT NULL,
    measure             VARCHAR(32)${bytewise}   NOT NULL,
    branch_code         VARCHAR(32)${bytewise}   NOT NULL,
    learner_number      CHAR(18)${bytewise}      NOT NULL,
    kind                VARCHAR(40)${bytewise}   NOT NULL,
    qualification_level INTEGER                  NOT NULL,
    credit_unit         VARCHAR(48)${bytewise}   NOT NULL,
    n                   INTEGER                  NOT NULL,
    credits             NUMERIC(19, 4)           NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    month_start         DATE                     NOT NULL,
    achieved_on         DATE,
    day_start           DATE                     NOT NULL
);
CREATE INDEX stat_fact${slot}_recorded_ix ON stat_fact${slot} (recorded_at);
CREATE INDEX stat_fact${slot}_branch_ix ON stat_fact${slot} (branch_code, recorded_at);

-- The facts summed by month and every dimension: what live questions are answered from. A dimension that does not
-- apply is '' or 0.
CREATE TABLE stat_month${slot} (
    month_start         DATE                   NOT NULL,
    branch_code         VARCHAR(32)${bytewise} NOT NULL,
    measure             VARCHAR(32)${bytewise} NOT NULL,
    kind                VARCHAR(40)${bytewise} NOT NULL,
    qualification_level INTEGER                NOT NULL,
    credit_unit         VARCHAR(48)${bytewise} NOT NULL,
    n                   BIGINT                 NOT NULL,
    credits             NUMERIC(24, 4)         NOT NULL,
    CONSTRAINT stat_month${slot}_pk PRIMARY KEY (month_start, branch_code, measure, kind, qualification_level,
        credit_unit)
);
CREATE INDEX stat_month${slot}_branch_ix ON stat_month${slot} (branch_code, month_start);

-- The facts summed by day and every dimension: the days of a period that do not make a whole month. The day's month
-- is part of the key only to be written with it.
CREATE TABLE stat_day${slot} (
    day_start           DATE                   NOT NULL,
    month_start         DATE                   NOT NULL,
    branch_code         VARCHAR(32)${bytewise} NOT NULL,
    measure             VARCHAR(32)${bytewise} NOT NULL,
    kind                VARCHAR(40)${bytewise} NOT NULL,
    qualification_level INTEGER                NOT NULL,
    credit_unit         VARCHAR(48)${bytewise} NOT NULL,
    n                   BIGINT                 NOT NULL,
    credits             NUMERIC(24, 4)         NOT NULL,
    CONSTRAINT stat_day${slot}_pk PRIMARY KEY (day_start, month_start, branch_code, measure, kind,
        qualification_level, credit_unit)
);

-- The facts of acts on achievements summed by valid time (grain 'M': the month the achievement was achieved in, from
-- its first day; 'D': the day), with the recorded month and every dimension: achieved before a date is the months
-- before its own, plus the days of its month before it.
CREATE TABLE stat_valid${slot} (
    grain               CHAR(1)${bytewise}     NOT NULL,
    achieved            DATE                   NOT NULL,
    month_start         DATE                   NOT NULL,
    branch_code         VARCHAR(32)${bytewise} NOT NULL,
    measure             VARCHAR(32)${bytewise} NOT NULL,
    kind                VARCHAR(40)${bytewise} NOT NULL,
    qualification_level INTEGER                NOT NULL,
    credit_unit         VARCHAR(48)${bytewise} NOT NULL,
    n                   BIGINT                 NOT NULL,
    credits             NUMERIC(24, 4)         NOT NULL,
    CONSTRAINT stat_valid${slot}_pk PRIMARY KEY (grain, achieved, month_start, branch_code, measure, kind,
        qualification_level, credit_unit)
);

-- Learners with at least one act on an achievement in a month at a branch, with their first day there and the
-- earliest achieved date of what they acted on there: active learners are counted from here, and where a learner is
-- counted ahead (every node and period above the branch and month) follows from a learner's rows.
CREATE TABLE stat_active${slot} (
    month_start    DATE                   NOT NULL,
    branch_code    VARCHAR(32)${bytewise} NOT NULL,
    learner_number CHAR(18)${bytewise}    NOT NULL,
    first_day      DATE                   NOT NULL,
    first_achieved DATE                   NOT NULL,
    CONSTRAINT stat_active${slot}_pk PRIMARY KEY (month_start, branch_code, learner_number)
);
CREATE INDEX stat_active${slot}_branch_ix ON stat_active${slot} (branch_code, month_start);
-- The statistics processor reads a learner's rows to learn where the learner is already counted.
CREATE INDEX stat_active${slot}_learner_ix ON stat_active${slot} (learner_number);

-- How many learners are counted at a node in a period: active learners answered with one row.
CREATE TABLE stat_reach_count${slot} (
    node     VARCHAR(33)${bytewise} NOT NULL,
    period   VARCHAR(7)${bytewise}  NOT NULL,
    learners BIGINT                 NOT NULL,
    CONSTRAINT stat_reach_count${slot}_pk PRIMARY KEY (node, period)
);

-- How many learners were first counted at a node in a period on each day: active learners as of an instant are the
-- days before its own, plus those of its day first counted by then.
CREATE TABLE stat_reach_day${slot} (
    node      VARCHAR(33)${bytewise} NOT NULL,
    period    VARCHAR(7)${bytewise}  NOT NULL,
    day_start DATE                   NOT NULL,
    learners  BIGINT                 NOT NULL,
    CONSTRAINT stat_reach_day${slot}_pk PRIMARY KEY (node, period, day_start)
);

-- How many learners counted at a node in a period have as earliest achieved date each date: active learners achieved
-- before a date are the sum over the dates before it.
CREATE TABLE stat_reach_valid${slot} (
    node     VARCHAR(33)${bytewise} NOT NULL,
    period   VARCHAR(7)${bytewise}  NOT NULL,
    achieved DATE                   NOT NULL,
    learners BIGINT                 NOT NULL,
    CONSTRAINT stat_reach_valid${slot}_pk PRIMARY KEY (node, period, achieved)
);
