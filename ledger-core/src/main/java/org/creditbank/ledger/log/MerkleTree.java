package org.creditbank.ledger.log;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Roots and proofs of an RFC 9162 Merkle tree whose complete subtrees are stored (see {@link NodeId}).
 *
 * <p>Every subtree the RFC's recursive definitions mention covers a leaf range {@code [lo, hi)} whose start is
 * aligned to the smallest power of two not below its size, so its hash folds at most log₂ n stored complete
 * subtrees. A root, an inclusion proof or a consistency proof therefore costs one batched read of O(log n) nodes.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The root of the tree of the first {@code size} leaves. */
    public static Hash root(long size, HashReader reader) {
        if (size == 0) {
            return Rfc6962.emptyRoot();
        }
        return hashes(List.of(new Range(0, size)), reader).get(0);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, from the leaf's sibling upwards. */
    public static List<Hash> inclusionProof(long index, long size, HashReader reader) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<Range> path = new ArrayList<>();
        inclusionPath(index, 0, size, path);
        return hashes(path, reader);
    }

    /**
     * The audit paths of many leaves of one tree, with a single batched read of the nodes they need (shared nodes
     * read once): what a learner's archive needs.
     */
    public static List<List<Hash>> inclusionProofs(List<Long> indexes, long size, HashReader reader) {
        List<Range> ranges = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>(indexes.size());
        for (long index : indexes) {
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
            }
            int before = ranges.size();
            inclusionPath(index, 0, size, ranges);
            lengths.add(ranges.size() - before);
        }
        List<Hash> all = hashes(ranges, reader);
        List<List<Hash>> proofs = new ArrayList<>(indexes.size());
        int at = 0;
        for (int length : lengths) {
            proofs.add(List.copyOf(all.subList(at, at + length)));
            at += length;
        }
        return proofs;
    }

    /** The RFC 9162 consistency proof from the tree of {@code first} leaves to the tree of {@code second} leaves. */
    public static List<Hash> consistencyProof(long first, long second, HashReader reader) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<Range> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return hashes(proof, reader);
    }

    /** The stored nodes whose hashes make up the subtree over leaves {@code [lo, hi)}, left to right. */
    static List<NodeId> nodesOf(long lo, long hi) {
        List<NodeId> nodes = new ArrayList<>();
        long start = lo;
        while (start < hi) {
            int level = 63 - Long.numberOfLeadingZeros(hi - start);
            while (level > 0 && start % (1L << level) != 0) {
                level--;
            }
            nodes.add(new NodeId(level, start >> level));
            start += 1L << level;
        }
        return nodes;
    }

    private static void inclusionPath(long index, long lo, long hi, List<Range> path) {
        if (hi - lo == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(hi - lo);
        if (index - lo < k) {
            inclusionPath(index, lo, lo + k, path);
            path.add(new Range(lo + k, hi));
        } else {
            inclusionPath(index, lo + k, hi, path);
            path.add(new Range(lo, lo + k));
        }
    }

    private static void subproof(long m, long lo, long hi, boolean startsAtOldRoot, List<Range> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!startsAtOldRoot) {
                proof.add(new Range(lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, lo, lo + k, startsAtOldRoot, proof);
            proof.add(new Range(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(new Range(lo, lo + k));
        }
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static List<Hash> hashes(List<Range> ranges, HashReader reader) {
        LinkedHashSet<NodeId> wanted = new LinkedHashSet<>();
        List<List<NodeId>> perRange = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            List<NodeId> nodes = nodesOf(range.lo, range.hi);
            perRange.add(nodes);
            wanted.addAll(nodes);
        }
        List<NodeId> ids = new ArrayList<>(wanted);
        List<Hash> read = ids.isEmpty() ? List.of() : reader.read(ids);
        if (read.size() != ids.size()) {
            throw new IllegalStateException("asked for " + ids.size() + " node hashes, got " + read.size());
        }
        Map<NodeId, Hash> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), read.get(i));
        }
        List<Hash> result = new ArrayList<>(ranges.size());
        for (List<NodeId> nodes : perRange) {
            Hash folded = byId.get(nodes.get(nodes.size() - 1));
            for (int i = nodes.size() - 2; i >= 0; i--) {
                folded = Rfc6962.nodeHash(byId.get(nodes.get(i)), folded);
            }
            result.add(folded);
        }
        return result;
    }

    private record Range(long lo, long hi) {
    }
}
