package org.creditbank.ledger.log;

import java.util.List;

/** Reads stored node hashes, many at once (one database round trip). */
@FunctionalInterface
public interface HashReader {

    /** The hashes of these nodes, in the same order; every node asked for must be stored. */
    List<Hash> read(List<NodeId> nodes);
}
