package org.creditbank.ledger.log;

import org.bouncycastle.util.encoders.Hex;

import java.util.Arrays;
import java.util.Base64;

/** A SHA-256 hash: 32 bytes, compared by value. */
public final class Hash {

    /** The size of a hash in bytes. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The hash with these 32 bytes (copied). */
    public static Hash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new Hash(bytes.clone());
    }

    /** The hash written in standard base64 (RFC 4648 §4). */
    public static Hash fromBase64(String base64) {
        Hash hash;
        try {
            hash = of(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 SHA-256 hash: " + base64);
        }
        if (!hash.base64().equals(base64)) {
            throw new IllegalArgumentException("not canonical padded base64: " + base64);
        }
        return hash;
    }

    /** The hash written in lower-case hex. */
    public static Hash fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    /** The 32 bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Standard base64. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Lower-case hex. */
    public String hex() {
        return Hex.toHexString(bytes);
    }

    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
