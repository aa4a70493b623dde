-- Active learners counted ahead, for one slot of the statistics read model (${slot}: '' for slot A, '_b' for slot B,
-- '_scratch' for the scratch slot). Derived from events; rebuildable.
--
-- A node is where learners are counted: '*' (the whole network), a branch's code (its jurisdiction: the branch and
-- every branch below it) or '=' and a code (the branch's own acts). A period is '*' (all time), a year ('2026') or a
-- month ('2026-11'), in the ledger's time zone.

-- Each learner once per node and period in which they had an act on an achievement.
CREATE TABLE stat_reach${slot} (
    learner_number CHAR(18)    NOT NULL,
    node           VARCHAR(33) NOT NULL,
    period         VARCHAR(7)  NOT NULL,
    CONSTRAINT stat_reach${slot}_pk PRIMARY KEY (learner_number, node, period)
);

-- How many learners stat_reach holds per node and period: active learners answered with one row.
CREATE TABLE stat_reach_count${slot} (
    node     VARCHAR(33) NOT NULL,
    period   VARCHAR(7)  NOT NULL,
    learners BIGINT      NOT NULL,
    CONSTRAINT stat_reach_count${slot}_pk PRIMARY KEY (node, period)
);
