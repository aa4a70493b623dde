package org.creditbank.ledger.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the hashes of its maximal complete subtrees, one per set bit of its size.
 * Appending a leaf needs no reads and yields the node hashes to store: the leaf's and those of every subtree it
 * completes. The sequencer keeps one of these in memory; it is rebuilt from storage with {@link #of}.
 */
public final class CompactRange {

    private long size;
    private final List<Hash> peaks;

    private CompactRange(long size, List<Hash> peaks) {
        this.size = size;
        this.peaks = peaks;
    }

    /** The empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** The right edge of the stored tree of {@code size} leaves (reads popcount(size) nodes). */
    public static CompactRange of(long size, HashReader reader) {
        List<NodeId> nodes = MerkleTree.nodesOf(0, size);
        List<Hash> peaks = nodes.isEmpty() ? new ArrayList<>() : new ArrayList<>(reader.read(nodes));
        return new CompactRange(size, peaks);
    }

    /** How many leaves the tree has. */
    public long size() {
        return size;
    }

    /** Appends a leaf and answers the nodes to store: the leaf hash first, then each subtree it completes. */
    public List<StoredNode> append(Hash leafHash) {
        List<StoredNode> stored = new ArrayList<>();
        long index = size;
        stored.add(new StoredNode(new NodeId(0, index), leafHash));
        Hash carry = leafHash;
        int level = 0;
        while ((index & 1) == 1) {
            Hash left = peaks.remove(peaks.size() - 1);
            carry = Rfc6962.nodeHash(left, carry);
            index >>= 1;
            level++;
            stored.add(new StoredNode(new NodeId(level, index), carry));
        }
        peaks.add(carry);
        size++;
        return stored;
    }

    /** The root of the tree as it stands. */
    public Hash root() {
        if (peaks.isEmpty()) {
            return Rfc6962.emptyRoot();
        }
        Hash root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = Rfc6962.nodeHash(peaks.get(i), root);
        }
        return root;
    }
}
