-- Who did what, for one slot (${slot}: '' for slot A, '_b' for slot B, '_scratch' for the scratch slot). Slot A was created by V6 with this same
-- definition. Derived from events; rebuildable.
-- Later migrations change every slot, so a slot made from this template alone is not current: V14 (keyed by stream
-- and sequence number, instead of the key on event_identifier and ledger_act_aggregate_ix), V15 (identifiers in the
-- "C" collation, PostgreSQL).
CREATE TABLE ledger_act${slot} (
    event_identifier     VARCHAR(255)             NOT NULL,
    aggregate_identifier VARCHAR(255)             NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    event_type           VARCHAR(64)              NOT NULL,
    officer_id           VARCHAR(64)              NOT NULL,
    branch_code          VARCHAR(32)              NOT NULL,
    correlation_id       VARCHAR(128)             NOT NULL,
    acted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_act${slot}_pk PRIMARY KEY (event_identifier)
);
CREATE INDEX ledger_act${slot}_aggregate_ix ON ledger_act${slot} (aggregate_identifier, sequence_number);
CREATE INDEX ledger_act${slot}_branch_ix ON ledger_act${slot} (branch_code, acted_at);
CREATE INDEX ledger_act${slot}_officer_ix ON ledger_act${slot} (officer_id, acted_at);
