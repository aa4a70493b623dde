package org.creditbank.ledger.log;

/** A node hash to store, produced when a leaf completes a subtree. */
public record StoredNode(NodeId id, Hash hash) {
}
