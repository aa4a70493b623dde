-- The certification queue's index holds the queue only, in every slot: the achievements still awaiting
-- certification (status RECORDED), by recording branch in the order the queue is read (oldest first). Until now an
-- index on (recording_branch, status) held every achievement ever recorded, though a branch's queue is a small part
-- of them and the rest are never looked up by branch and status. An achievement leaves this index when it is
-- certified, rejected or revoked, and a rebuild builds it over the queue alone.
--
-- On PostgreSQL only (H2 has no partial indexes; there the embedded default keeps the index it has).
DROP INDEX IF EXISTS achievement_branch_status_ix;
CREATE INDEX achievement_queue_ix ON achievement (recording_branch, recorded_at, achievement_id)
    WHERE status = 'RECORDED';
DROP INDEX IF EXISTS achievement_b_branch_status_ix;
CREATE INDEX achievement_b_queue_ix ON achievement_b (recording_branch, recorded_at, achievement_id)
    WHERE status = 'RECORDED';
DROP INDEX IF EXISTS achievement_scratch_branch_status_ix;
CREATE INDEX achievement_scratch_queue_ix ON achievement_scratch (recording_branch, recorded_at, achievement_id)
    WHERE status = 'RECORDED';
