-- Identifiers and codes in the read models compare byte by byte (COLLATE "C"), in every slot.
--
-- They are machine-made (UUIDs, learner numbers, branch codes, event types, periods): no reader wants them in a
-- language's order. Under the database's collation (say C.UTF-8 or zh_CN.UTF-8) PostgreSQL compares each pair of
-- strings with strcoll() and sorts without abbreviated keys; in "C" it compares bytes and sorts by abbreviated keys.
-- A rebuild builds every index of its slot from scratch, so this halves the cost of its costliest step (an index on
-- 400,000 event identifiers: 236 ms instead of 523 ms). Every column that joins with another changes with it, so a
-- join never compares two collations. Names, titles, addresses and reasons keep the database's collation.
--
-- On PostgreSQL only: H2 compares strings by code point already. The event store and the log keep their definition.
DO $$
DECLARE
    target RECORD;
BEGIN
    FOR target IN
        SELECT c.relname AS table_name,
               string_agg(format('ALTER COLUMN %I TYPE %s COLLATE "C"', a.attname,
                                 format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) AS changes
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = current_schema()
          AND c.relkind = 'r'
          AND c.relname ~ '^(learner_account|achievement|achievement_act|ledger_act|stat_[a-z_]+)(_b|_scratch)?$'
          AND a.attname IN ('learner_number', 'merged_into', 'opening_branch', 'opened_by', 'achievement_id', 'kind',
                            'credit_unit', 'status', 'recorded_by', 'recording_branch', 'act', 'officer_id',
                            'branch_code', 'event_identifier', 'aggregate_identifier', 'event_type', 'correlation_id',
                            'measure', 'node', 'period', 'grain')
        GROUP BY c.relname
        UNION ALL
        SELECT 'branch', 'ALTER COLUMN code TYPE VARCHAR(32) COLLATE "C", '
                         'ALTER COLUMN parent_code TYPE VARCHAR(32) COLLATE "C", '
                         'ALTER COLUMN lineage TYPE VARCHAR(2048) COLLATE "C"'
        UNION ALL
        SELECT 'branch_officer', 'ALTER COLUMN officer_id TYPE VARCHAR(64) COLLATE "C", '
                                 'ALTER COLUMN branch_code TYPE VARCHAR(32) COLLATE "C"'
        UNION ALL
        SELECT 'certificate_holder', 'ALTER COLUMN learner_number TYPE CHAR(18) COLLATE "C", '
                                     'ALTER COLUMN achievement_id TYPE VARCHAR(64) COLLATE "C"'
    LOOP
        EXECUTE format('ALTER TABLE %I %s', target.table_name, target.changes);
    END LOOP;
END;
$$;
