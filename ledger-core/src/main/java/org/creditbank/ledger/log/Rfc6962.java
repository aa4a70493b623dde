package org.creditbank.ledger.log;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The hashing of RFC 6962 / RFC 9162 Merkle trees: a leaf is {@code SHA-256(0x00 || data)}, an interior node
 * {@code SHA-256(0x01 || left || right)}, and the empty tree {@code SHA-256()}.
 */
public final class Rfc6962 {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Rfc6962() {
    }

    /** The hash of a leaf with this data. */
    public static Hash leafHash(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(LEAF_PREFIX);
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    /** The hash of an interior node. */
    public static Hash nodeHash(Hash left, Hash right) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(NODE_PREFIX);
        digest.update(left.raw(), 0, Hash.SIZE);
        digest.update(right.raw(), 0, Hash.SIZE);
        return finish(digest);
    }

    /** The root of the empty tree. */
    public static Hash emptyRoot() {
        return sha256(new byte[0]);
    }

    /** Plain SHA-256. */
    public static Hash sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    private static Hash finish(SHA256Digest digest) {
        byte[] out = new byte[Hash.SIZE];
        digest.doFinal(out, 0);
        return Hash.of(out);
    }
}
