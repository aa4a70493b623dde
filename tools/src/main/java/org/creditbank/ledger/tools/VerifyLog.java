package org.creditbank.ledger.tools;

import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.CompactRange;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.leaf.LeafEnvelope;
import org.creditbank.ledger.log.leaf.LeafMetadata;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.Rfc6962;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.StoredCheckpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * For auditors: recomputes every leaf and the whole tree from the event store, checks every stored checkpoint's
 * signature and root against the recomputation, and the consistency of consecutive checkpoints from the stored
 * subtree hashes. Names the first leaf or checkpoint that does not hold.
 */
@Command(name = "verify-log", description = "Recompute the log from the event store and check every checkpoint.")
class VerifyLog implements Callable<Integer> {

    private static final int PAGE = 5_000;
    /** Events this close to the newest sequenced one may still be in flight (their transaction committing late). */
    private static final long SKIP_MARGIN = 10_000;

    @Option(names = "--db-url", required = true, description = "JDBC URL of the ledger's database")
    String url;

    @Option(names = "--db-user", defaultValue = "", description = "database user")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:LEDGER_DB_PASSWORD}",
            description = "database password (default: $LEDGER_DB_PASSWORD)")
    String password;

    @Option(names = "--key", required = true, paramLabel = "VKEY", description = "the log's trusted verifier key")
    String key;

    @Spec
    CommandSpec spec;

    /** Something that does not hold, naming where. */
    static final class Broken extends RuntimeException {
        Broken(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        NoteKeys.Verifier verifier;
        try {
            verifier = NoteKeys.Verifier.parse(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key: " + e.getMessage());
        }
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user,
                password == null ? "" : password));
        try {
            spec.commandLine().getOut().println("VERIFIED " + verify(jdbc, verifier));
            return 0;
        } catch (Broken e) {
            spec.commandLine().getErr().println("ledger: LOG NOT VERIFIED: " + e.getMessage());
            return 1;
        }
    }

    static String verify(JdbcTemplate jdbc, NoteKeys.Verifier verifier) {
        JdbcLogStore store = new JdbcLogStore(jdbc);
        List<StoredCheckpoint> checkpoints = store.checkpoints();
        Map<Long, StoredCheckpoint> bySize = new HashMap<>();
        for (StoredCheckpoint stored : checkpoints) {
            Checkpoint signed;
            try {
                signed = Checkpoint.open(stored.signedNote(), verifier);
            } catch (RuntimeException e) {
                throw new Broken("checkpoint of size " + stored.treeSize() + ": " + e.getMessage());
            }
            if (signed.size() != stored.treeSize() || !signed.root().equals(stored.root())) {
                throw new Broken("checkpoint of size " + stored.treeSize() + ": the stored size or root differs from"
                        + " the signed note");
            }
            bySize.put(stored.treeSize(), stored);
        }

        CompactRange tree = CompactRange.empty();
        Map<String, Hash> lastOfAggregate = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long newestGlobalIndex = -1;
        long next = 0;
        int matched = 0;
        long metadataNotCovered = 0;
        while (true) {
            List<Map<String, Object>> page = jdbc.queryForList("SELECT l.leaf_index, l.event_identifier,"
                    + " l.aggregate_identifier AS leaf_aggregate, l.sequence_number AS leaf_sequence,"
                    + " l.global_index AS leaf_global_index, e.global_index,"
                    + " l.leaf_data, l.leaf_hash, e.aggregate_identifier, e.sequence_number, e.payload_type,"
                    + " e.time_stamp, e.payload, e.meta_data FROM log_leaf l LEFT JOIN domain_event_entry e"
                    + " ON e.event_identifier = l.event_identifier WHERE l.leaf_index >= ? ORDER BY l.leaf_index"
                    + " LIMIT ?", next, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : page) {
                long index = ((Number) row.get("leaf_index")).longValue();
                String eventId = (String) row.get("event_identifier");
                if (index != next) {
                    throw new Broken("leaf " + next + " is missing: the log jumps to leaf " + index);
                }
                String where = "leaf " + index + " (event " + eventId + ")";
                if (row.get("payload") == null) {
                    throw new Broken(where + ": the event is no longer in the event store");
                }
                String aggregate = (String) row.get("aggregate_identifier");
                long sequence = ((Number) row.get("sequence_number")).longValue();
                long globalIndex = ((Number) row.get("global_index")).longValue();
                if (!aggregate.equals(row.get("leaf_aggregate"))
                        || sequence != ((Number) row.get("leaf_sequence")).longValue()
                        || globalIndex != ((Number) row.get("leaf_global_index")).longValue()) {
                    throw new Broken(where + ": the log's index of the leaf (stream, sequence, global index) does"
                            + " not match the event");
                }
                long expected = lastSequence.getOrDefault(aggregate, -1L) + 1;
                if (sequence != expected) {
                    throw new Broken(where + " of account " + aggregate + ": sequence " + sequence + " where "
                            + expected + " was due: an event of the stream is missing from the log or out of order");
                }
                lastSequence.put(aggregate, sequence);
                newestGlobalIndex = Math.max(newestGlobalIndex, globalIndex);
                byte[] metadata = (byte[]) row.get("meta_data");
                LeafEnvelope recomputed = new LeafEnvelope(eventId, aggregate, sequence,
                        (String) row.get("payload_type"), (String) row.get("time_stamp"),
                        lastOfAggregate.get(aggregate), LeafEnvelope.payloadHash(
                        new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)),
                        LeafMetadata.hashOfStored(metadata == null ? null
                                : new String(metadata, StandardCharsets.UTF_8)));
                byte[] stored = (byte[]) row.get("leaf_data");
                if (!Arrays.equals(recomputed.leafData(), stored)) {
                    // A leaf written before the ledger covered metadata: everything else must still match.
                    LeafEnvelope v1 = new LeafEnvelope(eventId, aggregate, sequence, recomputed.eventType(),
                            recomputed.recordedAt(), recomputed.previousLeafHash(), recomputed.payloadSha256(), null);
                    if (!Arrays.equals(v1.leafData(), stored)) {
                        throw new Broken(where + " of account " + aggregate + ", sequence " + sequence + ": the event"
                                + " as stored no longer matches its leaf (" + difference(recomputed, stored) + ")");
                    }
                    metadataNotCovered++;
                }
                Hash leafHash = Rfc6962.leafHash(stored);
                if (!Arrays.equals(leafHash.bytes(), (byte[]) row.get("leaf_hash"))) {
                    throw new Broken(where + ": the stored leaf hash is not the hash of the leaf");
                }
                lastOfAggregate.put(aggregate, leafHash);
                tree.append(leafHash);
                next++;
                StoredCheckpoint checkpoint = bySize.get(tree.size());
                if (checkpoint != null) {
                    if (!tree.root().equals(checkpoint.root())) {
                        throw new Broken("checkpoint of size " + tree.size() + ": its root is not the root recomputed"
                                + " from the event store");
                    }
                    matched++;
                }
            }
        }
        if (matched != checkpoints.size()) {
            throw new Broken("a checkpoint covers more leaves than the log holds (" + tree.size() + ")");
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            StoredCheckpoint before = checkpoints.get(i - 1);
            StoredCheckpoint after = checkpoints.get(i);
            try {
                ProofVerification.verifyConsistency(before.treeSize(), after.treeSize(), before.root(), after.root(),
                        MerkleTree.consistencyProof(before.treeSize(), after.treeSize(), store));
            } catch (RuntimeException e) {
                throw new Broken("checkpoints of sizes " + before.treeSize() + " and " + after.treeSize()
                        + " are not consistent: " + e.getMessage());
            }
        }
        // An event that committed before the newest leaf's event, long enough ago, should be in the log: one that is
        // not was skipped (its transaction committed after the sequencer gave up on its gap).
        List<String> skipped = jdbc.queryForList("SELECT e.event_identifier FROM domain_event_entry e"
                + " WHERE e.global_index < ? AND NOT EXISTS (SELECT 1 FROM log_leaf l"
                + " WHERE l.event_identifier = e.event_identifier) ORDER BY e.global_index", String.class,
                newestGlobalIndex - SKIP_MARGIN);
        if (!skipped.isEmpty()) {
            throw new Broken(skipped.size() + " event(s) older than the log's newest were never sequenced, the first "
                    + skipped.get(0));
        }
        Long unsequenced = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS"
                + " (SELECT 1 FROM log_leaf l WHERE l.event_identifier = e.event_identifier)", Long.class);
        String origin = checkpoints.isEmpty() ? verifier.name() : checkpoints.get(0).signedNote().split("\n", 2)[0];
        return "log " + origin + ": " + tree.size() + " leaves recomputed from the event store, who acted included"
                + (metadataNotCovered == 0 ? "" : " except in " + metadataNotCovered + " " + LeafEnvelope.FORMAT_V1
                + " leaves, which do not cover it") + "; " + checkpoints.size()
                + " checkpoints, each root matching and each consistent with the one before; " + unsequenced
                + " newer events not yet in the log";
    }

    private static String difference(LeafEnvelope recomputed, byte[] stored) {
        LeafEnvelope was;
        try {
            was = LeafEnvelope.parse(new String(stored, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "the stored leaf is malformed";
        }
        if (!was.payloadSha256().equals(recomputed.payloadSha256())) {
            return "its payload was changed";
        }
        if (was.metadataSha256() != null && !was.metadataSha256().equals(recomputed.metadataSha256())) {
            return "its metadata was changed: who acted, for which branch, or the correlation id";
        }
        if (!Objects.equals(was.previousLeafHash(), recomputed.previousLeafHash())) {
            return "the account's chain before it was changed";
        }
        return "its identity, type, sequence or time was changed";
    }
}
