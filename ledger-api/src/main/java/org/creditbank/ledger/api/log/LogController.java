package org.creditbank.ledger.api.log;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.StoredCheckpoint;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.rule.InvalidField;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The verifiable log over HTTP: the latest signed checkpoint, the verifier key, and proofs against checkpoints. */
@RestController
@RequestMapping("/log")
@Tag(name = "Verifiable log", description = "Checkpoints and proofs of the append-only log of every event")
public class LogController {

    private final JdbcLogStore store;
    private final CheckpointSigner signer;

    public LogController(JdbcLogStore store, CheckpointSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    /**
     * An inclusion proof: the audit path of a leaf in the tree of {@code treeSize} leaves, and the signed checkpoint of
     * that size it was computed against.
     */
    public record InclusionProof(long leafIndex, long treeSize, List<String> hashes, String checkpoint) {
    }

    /** A consistency proof between two tree sizes. */
    public record ConsistencyProof(long from, long to, List<String> hashes) {
    }

    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint, signed note)")
    public String checkpoint() {
        return latest().signedNote();
    }

    @GetMapping(value = "/key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The log's verifier key: name+hexkeyid+base64(0x01 || Ed25519 public key)")
    public String key() {
        return signer.verifier() + "\n";
    }

    @GetMapping("/proof/inclusion")
    @Operation(summary = "The inclusion proof of an event's leaf against the latest checkpoint")
    public InclusionProof inclusion(@RequestParam String event) {
        JdbcLogStore.Leaf leaf = store.leafOfEvent(event).orElseThrow(() -> new LogRefusals.UnknownEvent(event));
        StoredCheckpoint checkpoint = latest();
        if (leaf.index() >= checkpoint.treeSize()) {
            throw new LogRefusals.NotYetCheckpointed("event " + event);
        }
        return new InclusionProof(leaf.index(), checkpoint.treeSize(),
                base64(MerkleTree.inclusionProof(leaf.index(), checkpoint.treeSize(), store)), checkpoint.signedNote());
    }

    @GetMapping("/proof/consistency")
    @Operation(summary = "The consistency proof between two tree sizes, up to the latest checkpoint's")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        StoredCheckpoint checkpoint = latest();
        if (from < 0) {
            throw new InvalidField("from", "must not be negative");
        }
        if (to < from) {
            throw new InvalidField("to", "must not be below from (" + from + ")");
        }
        if (to > checkpoint.treeSize()) {
            throw new InvalidField("to", "must be at most the latest checkpoint's size, " + checkpoint.treeSize());
        }
        return new ConsistencyProof(from, to, base64(MerkleTree.consistencyProof(from, to, store)));
    }

    private StoredCheckpoint latest() {
        return store.latestCheckpoint().orElseThrow(() -> new LogRefusals.NotYetCheckpointed("the log"));
    }

    private static List<String> base64(List<Hash> hashes) {
        return hashes.stream().map(Hash::base64).toList();
    }
}
