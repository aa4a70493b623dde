-- The verifiable log: one leaf per event, in the order the sequencer saw them commit, and the hash of every complete
-- subtree of the RFC 6962 Merkle tree (level 0: the leaf hashes). Append-only, like the event store.

CREATE TABLE log_leaf (
    leaf_index           BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    global_index         BIGINT       NOT NULL,
    leaf_data            BYTEA        NOT NULL,
    leaf_hash            BYTEA        NOT NULL,
    CONSTRAINT log_leaf_pk PRIMARY KEY (leaf_index),
    -- No event is ever appended twice, whatever happens to the sequencer.
    CONSTRAINT log_leaf_event_uk UNIQUE (event_identifier),
    CONSTRAINT log_leaf_aggregate_uk UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE log_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    CONSTRAINT log_node_pk PRIMARY KEY (level, node_index)
);

-- Every signed checkpoint, kept for auditors.
CREATE TABLE log_checkpoint (
    tree_size   BIGINT                   NOT NULL,
    root_hash   BYTEA                    NOT NULL,
    signed_note VARCHAR(4096)            NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT log_checkpoint_pk PRIMARY KEY (tree_size)
);

-- The latest checkpoint, moved forward only by compare-and-swap, so two signers can never fork the log.
CREATE TABLE log_head (
    singleton CHAR(1) NOT NULL,
    tree_size BIGINT  NOT NULL,
    root_hash BYTEA   NOT NULL,
    CONSTRAINT log_head_pk PRIMARY KEY (singleton),
    CONSTRAINT log_head_singleton_ck CHECK (singleton = 'X')
);
