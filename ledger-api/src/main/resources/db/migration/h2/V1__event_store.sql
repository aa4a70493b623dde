-- The append-only event store of Axon's JDBC engine on the embedded database; same shape as on PostgreSQL.
CREATE SEQUENCE domain_event_entry_global_index_seq AS BIGINT;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       DEFAULT NEXT VALUE FOR domain_event_entry_global_index_seq NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_event_uk UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_aggregate_uk UNIQUE (aggregate_identifier, sequence_number)
);

