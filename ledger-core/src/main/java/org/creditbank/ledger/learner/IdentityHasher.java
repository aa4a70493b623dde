package org.creditbank.ledger.learner;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keyed hash (HMAC-SHA256) that matches identities without storing them in clear: two accounts of one person
 * share a hash, and without the key nobody can test a guessed identity against it.
 */
public final class IdentityHasher {

    private final byte[] key;

    /** @param key at least 32 bytes of secret key material */
    public IdentityHasher(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the identity hash key needs at least 32 bytes");
        }
        this.key = Arrays.copyOf(key, key.length);
    }

    /** The hex HMAC-SHA256 of the person's identity key. */
    public String hash(PersonalData person) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        byte[] input = person.identityKey().getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
