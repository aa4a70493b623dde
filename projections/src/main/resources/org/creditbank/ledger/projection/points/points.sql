-- Learning points and the groups they move in. One table set per slot (${slot}: '' for slot A, '_b' for slot B,
-- '_scratch' for the scratch slot); derived from events, made by the engine from this template. ${bytewise}: compared
-- byte by byte on PostgreSQL. The rules consult it in the command's transaction: its family key allows a learner one
-- family, and a debit never takes a balance below zero.

-- Each learner's points balance (a row from the account's opening), and the branch that opened the account.
CREATE TABLE points_balance${slot} (
    learner_number CHAR(18)${bytewise} NOT NULL,
    opening_branch VARCHAR(32)         NOT NULL,
    balance        NUMERIC(19, 0)      NOT NULL,
    CONSTRAINT points_balance${slot}_pk PRIMARY KEY (learner_number),
    CONSTRAINT points_balance${slot}_never_negative CHECK (balance >= 0)
);

-- The entries behind the balances (double entry: a transfer is one line given and one line received, summing to 0).
CREATE TABLE points_entry${slot} (
    learner_number CHAR(18)${bytewise}      NOT NULL,
    reference      VARCHAR(140)${bytewise}  NOT NULL,
    entry          VARCHAR(16)${bytewise}   NOT NULL,
    points         NUMERIC(19, 0)           NOT NULL,
    group_id       VARCHAR(64),
    counterpart    CHAR(18),
    entered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT points_entry${slot}_pk PRIMARY KEY (learner_number, reference, entry)
);

-- A group, and its members (INVITED, MEMBER, LEFT, or MERGED: the account merged into another) with their generation
-- in a family.
CREATE TABLE points_group${slot} (
    group_id  VARCHAR(64)${bytewise}   NOT NULL,
    kind      VARCHAR(16)              NOT NULL,
    name      VARCHAR(255)             NOT NULL,
    formed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT points_group${slot}_pk PRIMARY KEY (group_id)
);
CREATE TABLE points_member${slot} (
    group_id       VARCHAR(64)${bytewise} NOT NULL,
    learner_number CHAR(18)${bytewise}    NOT NULL,
    generation     INTEGER,
    status         VARCHAR(16)            NOT NULL,
    CONSTRAINT points_member${slot}_pk PRIMARY KEY (group_id, learner_number)
);
-- A merge asks which groups the merged account is in.
CREATE INDEX points_member${slot}_learner_ix ON points_member${slot} (learner_number);

-- The one family each learner is in: the key makes two families racing for one learner impossible.
CREATE TABLE points_family${slot} (
    learner_number CHAR(18)${bytewise}    NOT NULL,
    group_id       VARCHAR(64)${bytewise} NOT NULL,
    CONSTRAINT points_family${slot}_pk PRIMARY KEY (learner_number)
);

-- Every version of the network's points rules: terms as JSON.
CREATE TABLE points_rule${slot} (
    rule_id      VARCHAR(64)${bytewise}   NOT NULL,
    version      INTEGER                  NOT NULL,
    terms        VARCHAR            NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT points_rule${slot}_pk PRIMARY KEY (rule_id, version)
);
