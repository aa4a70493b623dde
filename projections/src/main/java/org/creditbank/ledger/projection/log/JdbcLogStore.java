package org.creditbank.ledger.projection.log;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.HashReader;
import org.creditbank.ledger.log.NodeId;
import org.creditbank.ledger.log.StoredNode;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The log's tables: leaves, stored subtree hashes, checkpoints and the head. */
public class JdbcLogStore implements HashReader {

    /** How many nodes one query reads at most. */
    private static final int NODES_PER_QUERY = 2000;
    /** How many (stream, sequence) pairs one query looks up at most. */
    private static final int READ_CHUNK = 200;

    private final JdbcTemplate jdbc;

    public JdbcLogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored leaf. */
    public record Leaf(long index, String eventId, String aggregateId, long sequenceNumber, long globalIndex,
                       byte[] data, Hash hash) {
    }

    /** A signed checkpoint as stored. */
    public record StoredCheckpoint(long treeSize, Hash root, String signedNote, Instant signedAt) {
    }

    /** How many leaves the log has. */
    public long size() {
        Long max = jdbc.queryForObject("SELECT MAX(leaf_index) FROM log_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    /** Reads the nodes in one query per {@value #NODES_PER_QUERY} nodes: one IN list per tree level. */
    @Override
    public List<Hash> read(List<NodeId> nodes) {
        Map<NodeId, Hash> found = new HashMap<>();
        for (int from = 0; from < nodes.size(); from += NODES_PER_QUERY) {
            Map<Integer, List<Long>> byLevel = new TreeMap<>();
            nodes.subList(from, Math.min(nodes.size(), from + NODES_PER_QUERY))
                    .forEach(node -> byLevel.computeIfAbsent(node.level(), k -> new ArrayList<>()).add(node.index()));
            StringBuilder sql = new StringBuilder("SELECT level, node_index, hash FROM log_node WHERE ");
            List<Object> args = new ArrayList<>();
            byLevel.forEach((level, indexes) -> {
                sql.append(args.isEmpty() ? "" : " OR ").append("(level = ? AND node_index IN (")
                        .append(String.join(",", java.util.Collections.nCopies(indexes.size(), "?"))).append("))");
                args.add(level);
                args.addAll(indexes);
            });
            jdbc.query(sql.toString(), rs -> {
                found.put(new NodeId(rs.getInt("level"), rs.getLong("node_index")), Hash.of(rs.getBytes("hash")));
            }, args.toArray());
        }
        List<Hash> hashes = new ArrayList<>(nodes.size());
        for (NodeId node : nodes) {
            Hash hash = found.get(node);
            if (hash == null) {
                throw new IllegalStateException("the log has no stored hash for " + node);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** Appends leaves and the subtree hashes they complete. */
    public void append(List<Leaf> leaves, List<StoredNode> nodes) {
        jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " global_index, leaf_data, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?)", leaves, 500,
                (ps, leaf) -> {
                    ps.setLong(1, leaf.index());
                    ps.setString(2, leaf.eventId());
                    ps.setString(3, leaf.aggregateId());
                    ps.setLong(4, leaf.sequenceNumber());
                    ps.setLong(5, leaf.globalIndex());
                    ps.setBytes(6, leaf.data());
                    ps.setBytes(7, leaf.hash().bytes());
                });
        jdbc.batchUpdate("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)", nodes, 500,
                (ps, node) -> {
                    ps.setInt(1, node.id().level());
                    ps.setLong(2, node.id().index());
                    ps.setBytes(3, node.hash().bytes());
                });
    }

    /** The leaf hash of an aggregate's events, by sequence number, for those already in the log. */
    public Map<String, Hash> leafHashes(List<String> aggregateAndSequence) {
        Map<String, Hash> found = new HashMap<>();
        for (int from = 0; from < aggregateAndSequence.size(); from += READ_CHUNK) {
            List<String> chunk = aggregateAndSequence.subList(from,
                    Math.min(aggregateAndSequence.size(), from + READ_CHUNK));
            StringBuilder sql = new StringBuilder("SELECT aggregate_identifier, sequence_number, leaf_hash"
                    + " FROM log_leaf WHERE ");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                String[] key = chunk.get(i).split("#", 2);
                sql.append(i == 0 ? "" : " OR ").append("(aggregate_identifier = ? AND sequence_number = ?)");
                args.add(key[1]);
                args.add(Long.parseLong(key[0]));
            }
            jdbc.query(sql.toString(), rs -> {
                found.put(key(rs.getString("aggregate_identifier"), rs.getLong("sequence_number")),
                        Hash.of(rs.getBytes("leaf_hash")));
            }, args.toArray());
        }
        return found;
    }

    /** The key {@link #leafHashes} answers by. */
    public static String key(String aggregateId, long sequenceNumber) {
        return sequenceNumber + "#" + aggregateId;
    }

    /** The leaf of an event, if sequenced. */
    public Optional<Leaf> leafOfEvent(String eventId) {
        return jdbc.query("SELECT * FROM log_leaf WHERE event_identifier = ?", this::leaf, eventId).stream()
                .findFirst();
    }

    /** The leaves of an aggregate below a tree size, in sequence order. */
    public List<Leaf> leavesOf(String aggregateId, long belowSize) {
        return jdbc.query("SELECT * FROM log_leaf WHERE aggregate_identifier = ? AND leaf_index < ?"
                + " ORDER BY sequence_number", this::leaf, aggregateId, belowSize);
    }

    /** Leaves from {@code from} on, at most {@code limit}, in log order. */
    public List<Leaf> leaves(long from, int limit) {
        return jdbc.query("SELECT * FROM log_leaf WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?", this::leaf,
                from, limit);
    }

    /** The latest signed checkpoint, if any. */
    public Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.query("SELECT c.* FROM log_checkpoint c JOIN log_head h ON h.tree_size = c.tree_size",
                this::checkpoint).stream().findFirst();
    }

    /** Every signed checkpoint, by tree size. */
    public List<StoredCheckpoint> checkpoints() {
        return jdbc.query("SELECT * FROM log_checkpoint ORDER BY tree_size", this::checkpoint);
    }

    /**
     * Moves the head from {@code previous} (null: no checkpoint yet) to the new checkpoint and stores it, in one
     * compare-and-swap: false when another signer moved the head first.
     */
    public boolean advanceHead(StoredCheckpoint previous, StoredCheckpoint next) {
        int moved = previous == null
                ? jdbc.update("INSERT INTO log_head (singleton, tree_size, root_hash) SELECT 'X', ?, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM log_head)", next.treeSize(), next.root().bytes())
                : jdbc.update("UPDATE log_head SET tree_size = ?, root_hash = ? WHERE singleton = 'X'"
                        + " AND tree_size = ? AND root_hash = ?", next.treeSize(), next.root().bytes(),
                        previous.treeSize(), previous.root().bytes());
        if (moved != 1) {
            return false;
        }
        jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, signed_note, signed_at) VALUES (?, ?, ?, ?)",
                next.treeSize(), next.root().bytes(), next.signedNote(), Sql.at(next.signedAt()));
        return true;
    }

    private Leaf leaf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Leaf(rs.getLong("leaf_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getLong("global_index"),
                rs.getBytes("leaf_data"), Hash.of(rs.getBytes("leaf_hash")));
    }

    private StoredCheckpoint checkpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredCheckpoint(rs.getLong("tree_size"), Hash.of(rs.getBytes("root_hash")),
                rs.getString("signed_note"), Sql.instant(rs, "signed_at"));
    }
}
