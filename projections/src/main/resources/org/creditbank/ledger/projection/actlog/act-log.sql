-- Who did what: every act (event) with the officer, the branch they acted for, the time and the correlation id, from
-- the events' metadata. One table per slot (${slot}: '' for slot A, '_b' for slot B, '_scratch' for the scratch
-- slot); derived from events, made by the engine from this template. ${bytewise}: compared byte by byte on PostgreSQL.
-- Keyed by each act's place in its stream, unique as in the event store; nothing reads an act by its event identifier.
CREATE TABLE ledger_act${slot} (
    event_identifier     VARCHAR(255)${bytewise}  NOT NULL,
    aggregate_identifier VARCHAR(255)${bytewise}  NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    event_type           VARCHAR(64)${bytewise}   NOT NULL,
    officer_id           VARCHAR(64)${bytewise}   NOT NULL,
    branch_code          VARCHAR(32)${bytewise}   NOT NULL,
    correlation_id       VARCHAR(128)${bytewise}  NOT NULL,
    acted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_act${slot}_pk PRIMARY KEY (aggregate_identifier, sequence_number)
);
CREATE INDEX ledger_act${slot}_branch_ix ON ledger_act${slot} (branch_code, acted_at);
CREATE INDEX ledger_act${slot}_officer_ix ON ledger_act${slot} (officer_id, acted_at);
