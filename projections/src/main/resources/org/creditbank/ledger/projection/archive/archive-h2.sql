-- The certification queue on the embedded database, which has no partial indexes: every achievement by recording
-- branch and status.
CREATE INDEX achievement${slot}_branch_status_ix ON achievement${slot} (recording_branch, status);
