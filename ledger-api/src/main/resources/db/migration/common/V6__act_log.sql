-- Who did what: every act (event) with the officer, the branch they acted for, the time and the correlation id,
-- from the events' metadata. A read model: derived from events, rebuildable.
CREATE TABLE ledger_act (
    event_identifier     VARCHAR(255)             NOT NULL,
    aggregate_identifier VARCHAR(255)             NOT NULL,
    sequence_number      BIGINT                   NOT NULL,
    event_type           VARCHAR(64)              NOT NULL,
    officer_id           VARCHAR(64)              NOT NULL,
    branch_code          VARCHAR(32)              NOT NULL,
    correlation_id       VARCHAR(128)             NOT NULL,
    acted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_act_pk PRIMARY KEY (event_identifier)
);
CREATE INDEX ledger_act_aggregate_ix ON ledger_act (aggregate_identifier, sequence_number);
CREATE INDEX ledger_act_branch_ix ON ledger_act (branch_code, acted_at);
CREATE INDEX ledger_act_officer_ix ON ledger_act (officer_id, acted_at);
