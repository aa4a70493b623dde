package org.creditbank.ledger.log;

/**
 * A complete subtree of the log: the {@code index}-th subtree of height {@code level}, covering leaves
 * {@code index·2^level} to {@code (index+1)·2^level - 1}. Level 0 nodes are the leaf hashes. Every complete subtree's
 * hash is stored once, when its last leaf is appended, and never changes.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    /** The first leaf the subtree covers. */
    public long firstLeaf() {
        return index << level;
    }
}
