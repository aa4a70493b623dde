-- The rebuildable read models, as the read-model engine keeps them (docs/architecture.md, "Read models").
--
-- read_model: which slot of each is live; a rebuild fills the other beside it and then switches this row. The node
-- rebuilding one claims its row (its pid@host) and renews the claim while the rebuild runs; a claim not renewed for
-- 30 seconds is a dead node's, and another rebuild may start. The engine inserts a read model's row when it first
-- meets its declaration.
CREATE TABLE read_model (
    name               VARCHAR(64)              NOT NULL,
    live_slot          CHAR(1)                  NOT NULL,
    switched_at        TIMESTAMP WITH TIME ZONE,
    rebuild_node       VARCHAR(255),
    rebuild_renewed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT read_model_pk PRIMARY KEY (name),
    CONSTRAINT read_model_slot_ck CHECK (live_slot IN ('A', 'B'))
);

-- Each slot's tables, as the engine made them: the template they were made from (its SHA-256, over the text for this
-- database) and their base names. A slot made from another template than the read model's declaration is made anew
-- before it is filled again; a live one is rebuilt before the node serves (template_sha256 NULL: made, never filled).
CREATE TABLE read_model_slot (
    read_model      VARCHAR(64)              NOT NULL,
    slot            VARCHAR(8)               NOT NULL,
    template_sha256 CHAR(64),
    table_names     VARCHAR(2048)            NOT NULL,
    made_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT read_model_slot_pk PRIMARY KEY (read_model, slot),
    CONSTRAINT read_model_slot_model_fk FOREIGN KEY (read_model) REFERENCES read_model (name)
);
