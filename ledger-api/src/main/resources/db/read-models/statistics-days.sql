-- What statistics as of an instant are answered from, for one slot of the statistics read model (${slot}: '' for slot
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

-- The day each learner was first counted at a node in a period.
ALTER TABLE stat_reach${slot} ADD COLUMN first_day DATE;

-- How many learners were first counted at a node in a period on each day: active learners as of an instant are the
-- days before its own, plus those of its day first counted by then.
CREATE TABLE stat_reach_day${slot} (
    node     VARCHAR(33) NOT NULL,
    period   VARCHAR(7)  NOT NULL,
    day_start DATE       NOT NULL,
    learners BIGINT      NOT NULL,
    CONSTRAINT stat_reach_day${slot}_pk PRIMARY KEY (node, period, day_start)
);
