-- Which slot of each rebuildable read model is live. A rebuild fills the other slot beside it and then switches
-- this row; the read model's name is the key.
CREATE TABLE read_model (
    name        VARCHAR(64)              NOT NULL,
    live_slot   CHAR(1)                  NOT NULL,
    switched_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT read_model_pk PRIMARY KEY (name),
    CONSTRAINT read_model_slot_ck CHECK (live_slot IN ('A', 'B'))
);
INSERT INTO read_model (name, live_slot) VALUES ('statistics', 'A');
