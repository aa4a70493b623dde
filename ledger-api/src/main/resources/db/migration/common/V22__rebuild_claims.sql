-- One rebuild of a read model at a time across every node sharing the database: the node rebuilding it claims its
-- row (its pid@host, as its token claims are named) and renews the claim while the rebuild runs; a claim not renewed
-- for 30 seconds is a dead node's, and another rebuild may start.
ALTER TABLE read_model ADD COLUMN rebuild_node VARCHAR(255);
ALTER TABLE read_model ADD COLUMN rebuild_renewed_at TIMESTAMP WITH TIME ZONE;
