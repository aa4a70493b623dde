-- Events and the log are facts on the embedded database too: it refuses to change or remove a row of the event store
-- or of the log, exactly the tables PostgreSQL's triggers cover (postgresql/V1 and V5). Snapshots and log_head are
-- not covered there either: snapshots are caches, and log_head moves forward by compare-and-swap.
--
-- UPDATE and DELETE: a row trigger, the Java class db.h2.RefuseRewrite (ledger-api), which is part of this schema: it
-- must be on the classpath of any program that writes to these tables. (Without it H2 still reads them, and refuses
-- every write to them.)
CREATE TRIGGER domain_event_entry_append_only BEFORE UPDATE, DELETE ON domain_event_entry
    FOR EACH ROW CALL 'db.h2.RefuseRewrite';
CREATE TRIGGER log_leaf_append_only BEFORE UPDATE, DELETE ON log_leaf
    FOR EACH ROW CALL 'db.h2.RefuseRewrite';
CREATE TRIGGER log_node_append_only BEFORE UPDATE, DELETE ON log_node
    FOR EACH ROW CALL 'db.h2.RefuseRewrite';
CREATE TRIGGER log_checkpoint_append_only BEFORE UPDATE, DELETE ON log_checkpoint
    FOR EACH ROW CALL 'db.h2.RefuseRewrite';

-- TRUNCATE: H2 has no TRUNCATE trigger and its TRUNCATE TABLE fires no row trigger, but it refuses to truncate a table
-- that a foreign key references ("Cannot truncate", error 90106). This table references each of them and, by its
-- check, never holds a row.
CREATE TABLE append_only_guard (
    global_index BIGINT,
    leaf_index   BIGINT,
    node_level   SMALLINT,
    node_index   BIGINT,
    tree_size    BIGINT,
    CONSTRAINT append_only_guard_event_fk FOREIGN KEY (global_index) REFERENCES domain_event_entry (global_index),
    CONSTRAINT append_only_guard_leaf_fk FOREIGN KEY (leaf_index) REFERENCES log_leaf (leaf_index),
    CONSTRAINT append_only_guard_node_fk FOREIGN KEY (node_level, node_index) REFERENCES log_node (level, node_index),
    CONSTRAINT append_only_guard_checkpoint_fk FOREIGN KEY (tree_size) REFERENCES log_checkpoint (tree_size),
    CONSTRAINT append_only_guard_empty CHECK (FALSE)
);
