-- The act log keyed by each act's place in its stream (aggregate_identifier, sequence_number), unique as in the event
-- store, in every slot. Until now it had a key on the event identifier and a separate index on those two columns:
-- two B-trees where one serves both, and the key on random identifiers cost a rebuild more than any other index of
-- the act log. Nothing reads the act log by event identifier.
-- A rebuild cut off may have left the idle slot without its key or index: hence IF EXISTS.
ALTER TABLE ledger_act DROP CONSTRAINT IF EXISTS ledger_act_pk;
DROP INDEX IF EXISTS ledger_act_aggregate_ix;
ALTER TABLE ledger_act ADD CONSTRAINT ledger_act_pk PRIMARY KEY (aggregate_identifier, sequence_number);
ALTER TABLE ledger_act_b DROP CONSTRAINT IF EXISTS ledger_act_b_pk;
DROP INDEX IF EXISTS ledger_act_b_aggregate_ix;
ALTER TABLE ledger_act_b ADD CONSTRAINT ledger_act_b_pk PRIMARY KEY (aggregate_identifier, sequence_number);
ALTER TABLE ledger_act_scratch DROP CONSTRAINT IF EXISTS ledger_act_scratch_pk;
DROP INDEX IF EXISTS ledger_act_scratch_aggregate_ix;
ALTER TABLE ledger_act_scratch ADD CONSTRAINT ledger_act_scratch_pk PRIMARY KEY (aggregate_identifier, sequence_number);
