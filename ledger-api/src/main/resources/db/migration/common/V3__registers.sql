-- Read models and registers. Everything here is derived from events (except the review list of refused certificate
-- claims, the learner serial sequence and idempotency records) and can be dropped and rebuilt.

CREATE SEQUENCE learner_serial_seq AS BIGINT START WITH 1;

CREATE TABLE branch (
    code          VARCHAR(32)              NOT NULL,
    name          VARCHAR(255)             NOT NULL,
    tier          VARCHAR(32)              NOT NULL,
    parent_code   VARCHAR(32),
    division_code CHAR(6)                  NOT NULL,
    status        VARCHAR(16)              NOT NULL,
    lineage       VARCHAR(2048)            NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by VARCHAR(64)              NOT NULL,
    CONSTRAINT branch_pk PRIMARY KEY (code),
    CONSTRAINT branch_parent_fk FOREIGN KEY (parent_code) REFERENCES branch (code)
);
CREATE INDEX branch_parent_ix ON branch (parent_code);

-- The network has one root: the key of this one-row table makes a second provincial centre impossible.
CREATE TABLE provincial_centre (
    singleton CHAR(1)     NOT NULL,
    code      VARCHAR(32) NOT NULL,
    CONSTRAINT provincial_centre_pk PRIMARY KEY (singleton),
    CONSTRAINT provincial_centre_singleton_ck CHECK (singleton = 'X'),
    CONSTRAINT provincial_centre_branch_fk FOREIGN KEY (code) REFERENCES branch (code)
);

-- One row per officer: an officer acts for one branch at a time, and the key makes that hold under concurrency.
CREATE TABLE branch_officer (
    officer_id   VARCHAR(64)              NOT NULL,
    branch_code  VARCHAR(32)              NOT NULL,
    name         VARCHAR(255)             NOT NULL,
    appointed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    appointed_by VARCHAR(64)              NOT NULL,
    CONSTRAINT branch_officer_pk PRIMARY KEY (officer_id),
    CONSTRAINT branch_officer_branch_fk FOREIGN KEY (branch_code) REFERENCES branch (code)
);
CREATE INDEX branch_officer_branch_ix ON branch_officer (branch_code);

CREATE TABLE learner_account (
    learner_number CHAR(18)                 NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    merged_into    CHAR(18),
    full_name      VARCHAR(255)             NOT NULL,
    phone          VARCHAR(64),
    email          VARCHAR(255),
    address        VARCHAR(1024),
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by      VARCHAR(64)              NOT NULL,
    opening_branch VARCHAR(32)              NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT learner_account_pk PRIMARY KEY (learner_number)
);

-- Each learner's own key for their personal data, stored only wrapped by the master key. Erasing the key (wrapped_key
-- set to NULL) makes the learner's personal data unreadable in every event, which are never changed. Not derived from
-- events: back it up with the database, and never restore an erased key.
CREATE TABLE learner_key (
    learner_number CHAR(18)                 NOT NULL,
    wrapped_key    BYTEA,
    master_key_id  CHAR(16)                 NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT learner_key_pk PRIMARY KEY (learner_number)
);

-- One natural person, one account: the key on the keyed identity hash makes that hold under concurrency.
CREATE TABLE learner_identity (
    identity_hash  CHAR(64) NOT NULL,
    learner_number CHAR(18) NOT NULL,
    CONSTRAINT learner_identity_pk PRIMARY KEY (identity_hash)
);

CREATE TABLE achievement (
    achievement_id      VARCHAR(64)              NOT NULL,
    learner_number      CHAR(18)                 NOT NULL,
    kind                VARCHAR(40)              NOT NULL,
    title               VARCHAR(512)             NOT NULL,
    awarding_body       VARCHAR(255)             NOT NULL,
    assessing_body      VARCHAR(255)             NOT NULL,
    achieved_on         DATE                     NOT NULL,
    evidence_sha256     CHAR(64)                 NOT NULL,
    evidence_media_type VARCHAR(255)             NOT NULL,
    evidence_location   VARCHAR(2048),
    credits             NUMERIC(19, 4)           NOT NULL,
    credit_unit         VARCHAR(48)              NOT NULL,
    qualification_level INTEGER,
    vocational_level    INTEGER,
    result_scheme       VARCHAR(64),
    result_value        VARCHAR(64),
    external_issuer     VARCHAR(255)             NOT NULL,
    external_id         VARCHAR(255)             NOT NULL,
    certificate_serial  VARCHAR(128),
    status              VARCHAR(16)              NOT NULL,
    recorded_by         VARCHAR(64)              NOT NULL,
    recording_branch    VARCHAR(32)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT achievement_pk PRIMARY KEY (achievement_id)
);
CREATE INDEX achievement_learner_ix ON achievement (learner_number, recorded_at);
CREATE INDEX achievement_branch_status_ix ON achievement (recording_branch, status);

CREATE TABLE achievement_act (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY,
    achievement_id VARCHAR(64)              NOT NULL,
    act            VARCHAR(16)              NOT NULL,
    reason         VARCHAR(1024),
    officer_id     VARCHAR(64)              NOT NULL,
    branch_code    VARCHAR(32)              NOT NULL,
    acted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT achievement_act_pk PRIMARY KEY (id)
);
CREATE INDEX achievement_act_achievement_ix ON achievement_act (achievement_id);

-- One certificate, one learner: the key (issuer and canonical serial) makes that hold under concurrency.
CREATE TABLE certificate_holder (
    certificate_key    VARCHAR(400) NOT NULL,
    certificate_serial VARCHAR(128) NOT NULL,
    learner_number     CHAR(18)     NOT NULL,
    achievement_id     VARCHAR(64)  NOT NULL,
    CONSTRAINT certificate_holder_pk PRIMARY KEY (certificate_key)
);
CREATE INDEX certificate_holder_learner_ix ON certificate_holder (learner_number);
CREATE INDEX certificate_holder_achievement_ix ON certificate_holder (achievement_id);

-- Refused claims on a certificate held by another learner, kept for review. Not derived from events: the refused
-- act wrote none.
CREATE TABLE flagged_certificate_claim (
    id                 BIGINT GENERATED BY DEFAULT AS IDENTITY,
    certificate_serial VARCHAR(128)             NOT NULL,
    claimed_for        CHAR(18)                 NOT NULL,
    held_by            CHAR(18)                 NOT NULL,
    officer_id         VARCHAR(64)              NOT NULL,
    branch_code        VARCHAR(32)              NOT NULL,
    external_issuer    VARCHAR(255)             NOT NULL,
    external_id        VARCHAR(255)             NOT NULL,
    flagged_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT flagged_certificate_claim_pk PRIMARY KEY (id)
);

-- Responses to POSTs carrying an Idempotency-Key, replayed to a repeat of the same request. scope is the SHA-256
-- of method and path.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(255)             NOT NULL,
    scope           CHAR(64)                 NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(1024),
    body            BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (idempotency_key, scope)
);
CREATE INDEX idempotency_record_created_ix ON idempotency_record (created_at);
