package org.creditbank.ledger.log;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stored node hashes in memory, counting reads, for the tree tests. */
final class InMemoryNodes implements HashReader {

    private final Map<NodeId, Hash> nodes = new HashMap<>();
    private final CompactRange edge = CompactRange.empty();
    int readCalls;
    int nodesRead;

    /** A tree of these leaf hashes, appended one by one. */
    static InMemoryNodes of(List<Hash> leafHashes) {
        InMemoryNodes tree = new InMemoryNodes();
        leafHashes.forEach(tree::append);
        return tree;
    }

    void append(Hash leafHash) {
        for (StoredNode node : edge.append(leafHash)) {
            nodes.put(node.id(), node.hash());
        }
    }

    Hash root() {
        return edge.root();
    }

    @Override
    public List<Hash> read(List<NodeId> ids) {
        readCalls++;
        nodesRead += ids.size();
        return ids.stream().map(id -> {
            Hash hash = nodes.get(id);
            if (hash == null) {
                throw new IllegalStateException("node not stored: " + id);
            }
            return hash;
        }).toList();
    }
}
