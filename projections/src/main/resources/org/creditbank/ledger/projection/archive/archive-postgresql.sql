-- The certification queue on PostgreSQL: the achievements still awaiting certification (status RECORDED), by
-- recording branch in the order the queue is read (oldest first). An achievement leaves it when it is certified,
-- rejected or revoked, and a rebuild builds it over the queue alone.
CREATE INDEX achievement${slot}_queue_ix ON achievement${slot} (recording_branch, recorded_at, achievement_id)
    WHERE status = 'RECORDED';
