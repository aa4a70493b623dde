package org.creditbank.ledger.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 specify. Needs nothing but the
 * proof, the hashes and the sizes: this is what an offline verifier runs.
 */
public final class ProofVerification {

    private ProofVerification() {
    }

    /** Refuses unless {@code proof} proves the leaf {@code leafHash} at {@code index} under {@code root}. */
    public static void verifyInclusion(long index, long size, Hash leafHash, List<Hash> proof, Hash root) {
        if (index < 0 || index >= size) {
            throw new ProofRejected("leaf index " + index + " is outside a tree of size " + size);
        }
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if (sn == 0) {
                throw new ProofRejected("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Rfc6962.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Rfc6962.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofRejected("the inclusion proof is shorter than the tree is deep");
        }
        if (!r.equals(root)) {
            throw new ProofRejected("the inclusion proof leads to root " + r.base64() + ", not " + root.base64());
        }
    }

    /** Refuses unless {@code proof} proves the tree {@code (second, secondRoot)} extends {@code (first, firstRoot)}. */
    public static void verifyConsistency(long first, long second, Hash firstRoot, Hash secondRoot, List<Hash> proof) {
        if (first < 0 || first > second) {
            throw new ProofRejected("size " + second + " cannot extend size " + first);
        }
        if (first == second) {
            if (!proof.isEmpty() || !firstRoot.equals(secondRoot)) {
                throw new ProofRejected("two trees of size " + first + " must have the same root and no proof");
            }
            return;
        }
        if (first == 0) {
            if (!proof.isEmpty() || !firstRoot.equals(Rfc6962.emptyRoot())) {
                throw new ProofRejected("the empty tree has the empty root and is consistent with every tree"
                        + " without proof");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofRejected("a consistency proof between different sizes is never empty");
        }
        List<Hash> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Hash fr = path.get(0);
        Hash sr = path.get(0);
        for (Hash c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofRejected("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Rfc6962.nodeHash(c, fr);
                sr = Rfc6962.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Rfc6962.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofRejected("the consistency proof is shorter than the tree is deep");
        }
        if (!fr.equals(firstRoot)) {
            throw new ProofRejected("the consistency proof does not lead to the first root " + firstRoot.base64());
        }
        if (!sr.equals(secondRoot)) {
            throw new ProofRejected("the consistency proof does not lead to the second root " + secondRoot.base64());
        }
    }

    /** A proof that does not hold, saying why. */
    public static final class ProofRejected extends RuntimeException {
        public ProofRejected(String message) {
            super(message);
        }
    }
}
