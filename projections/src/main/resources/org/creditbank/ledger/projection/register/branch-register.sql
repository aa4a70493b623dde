-- The branch register: the network's branches, its one provincial centre, the officers appointed to each branch and
-- the sign-in subject bound to each officer. The rules consult it in the command's transaction, and its keys decide
-- races: one provincial centre, one appointment of an officer to a branch, one officer per subject. One table set per
-- slot (${slot}: '' for slot A, '_b' for slot B, '_scratch' for the scratch slot); derived from events, made by the
-- engine from this template. ${bytewise}: compared byte by byte on PostgreSQL.
CREATE TABLE branch${slot} (
    code          VARCHAR(32)${bytewise}   NOT NULL,
    name          VARCHAR(255)             NOT NULL,
    tier          VARCHAR(32)              NOT NULL,
    parent_code   VARCHAR(32)${bytewise},
    division_code CHAR(6)                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    lineage       VARCHAR(2048)${bytewise} NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by VARCHAR(64)              NOT NULL,
    CONSTRAINT branch${slot}_pk PRIMARY KEY (code),
    CONSTRAINT branch${slot}_parent_fk FOREIGN KEY (parent_code) REFERENCES branch${slot} (code)
);
CREATE INDEX branch${slot}_parent_ix ON branch${slot} (parent_code);

-- The network has one root: the key of this one-row table makes a second provincial centre impossible.
CREATE TABLE provincial_centre${slot} (
    singleton CHAR(1)     NOT NULL,
    code      VARCHAR(32) NOT NULL,
    CONSTRAINT provincial_centre${slot}_pk PRIMARY KEY (singleton),
    CONSTRAINT provincial_centre${slot}_singleton_ck CHECK (singleton = 'X'),
    CONSTRAINT provincial_centre${slot}_branch_fk FOREIGN KEY (code) REFERENCES branch${slot} (code)
);

-- Appointments (docs/security.md): an officer id is one person's and may be appointed to several branches, each
-- appointment granting roles. Appointments recorded before roles existed grant every role.
CREATE TABLE branch_officer${slot} (
    officer_id    VARCHAR(64)${bytewise}                         NOT NULL,
    branch_code   VARCHAR(32)${bytewise}                         NOT NULL,
    name          VARCHAR(255)                                   NOT NULL,
    appointed_at  TIMESTAMP WITH TIME ZONE                       NOT NULL,
    appointed_by  VARCHAR(64)                                    NOT NULL,
    roles         VARCHAR(64) DEFAULT 'ADMINISTRATOR,CERTIFIER,OFFICER' NOT NULL,
    system_client BOOLEAN     DEFAULT FALSE                      NOT NULL,
    CONSTRAINT branch_officer${slot}_pk PRIMARY KEY (officer_id, branch_code),
    CONSTRAINT branch_officer${slot}_branch_fk FOREIGN KEY (branch_code) REFERENCES branch${slot} (code)
);
CREATE INDEX branch_officer${slot}_branch_ix ON branch_officer${slot} (branch_code);

-- A person signs in through an identity-provider subject bound to their officer id: one person, one officer id, and
-- each key refuses the second binding.
CREATE TABLE officer_subject${slot} (
    officer_id VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    CONSTRAINT officer_subject${slot}_pk PRIMARY KEY (officer_id),
    CONSTRAINT officer_subject${slot}_subject_uk UNIQUE (subject)
);
