-- What statistics as of an instant of recorded time, or of a valid date ("achieved before"), are answered from, for one slot of the statistics read model (${slot}: '' for slot
-- A, '_b' for slot B, '_scratch' for the scratch slot). Derived from events; rebuildable. Days are in the ledger's
-- time zone.

-- The facts summed by day and every dimension: the days of a period that do not make a whole month. The day's month
-- is part of the key only to be written with it.
CREATE TABLE stat_day${slot} (
    day_start           DATE           NOT NULL,
    month_start         DATE           NOT NULL,
    branch_code         VARCHAR(32)    NOT NULL,
    measure             VARCHAR(32)    NOT NULL,
    kind                VARCHAR(40)    NOT NULL,
    qualification_level INTEGER        NOT NULL,
    credit_unit         VARCHAR(48)    NOT NULL,
    n                   BIGINT         NOT NULL,
    credits             NUMERIC(24, 4) NOT NULL,
    CONSTRAINT stat_day${slot}_pk PRIMARY KEY (day_start, month_start, branch_code, measure, kind, qualification_level, credit_unit)
);

-- The day each learner was first counted at a node in a period, and the earliest achieved date of what they acted on
-- there in it.
ALTER TABLE stat_reach${slot} ADD COLUMN first_day DATE;
ALTER TABLE stat_reach${slot} ADD COLUMN first_achieved DATE;

-- How many learners were first counted at a node in a period on each day: active learners as of an instant are the
-- days before its own, plus those of its day first counted by then.
CREATE TABLE stat_reach_day${slot} (
    node     VARCHAR(33) NOT NULL,
    period   VARCHAR(7)  NOT NULL,
    day_start DATE       NOT NULL,
    learners BIGINT      NOT NULL,
    CONSTRAINT stat_reach_day${slot}_pk PRIMARY KEY (node, period, day_start)
);

-- The facts of acts on achievements summed by valid time (grain 'M': the month the achievement was achieved in, from
-- its first day; 'D': the day), with the recorded month and every dimension: achieved before a date is the months
-- before its own, plus the days of its month before it.
CREATE TABLE stat_valid${slot} (
    grain               CHAR(1)        NOT NULL,
    achieved            DATE           NOT NULL,
    month_start         DATE           NOT NULL,
    branch_code         VARCHAR(32)    NOT NULL,
    measure             VARCHAR(32)    NOT NULL,
    kind                VARCHAR(40)    NOT NULL,
    qualification_level INTEGER        NOT NULL,
    credit_unit         VARCHAR(48)    NOT NULL,
    n                   BIGINT         NOT NULL,
    credits             NUMERIC(24, 4) NOT NULL,
    CONSTRAINT stat_valid${slot}_pk PRIMARY KEY (grain, achieved, month_start, branch_code, measure, kind,
        qualification_level, credit_unit)
);

-- How many learners counted at a node in a period have as earliest achieved date each date: active learners achieved
-- before a date are the sum over the dates before it.
CREATE TABLE stat_reach_valid${slot} (
    node     VARCHAR(33) NOT NULL,
    period   VARCHAR(7)  NOT NULL,
    achieved DATE        NOT NULL,
    learners BIGINT      NOT NULL,
    CONSTRAINT stat_reach_valid${slot}_pk PRIMARY KEY (node, period, achieved)
);
