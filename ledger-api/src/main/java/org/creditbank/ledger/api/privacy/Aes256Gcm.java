package org.creditbank.ledger.api.privacy;

import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.util.Arrays;

/**
 * AES-256-GCM (BouncyCastle) with a fresh random 96-bit nonce per message and associated data that binds a ciphertext
 * to what it belongs to, so it cannot be moved to another learner or field.
 */
final class Aes256Gcm {

    static final String NAME = "AES-256-GCM";
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Aes256Gcm() {
    }

    /** A fresh random key. */
    static byte[] newKey() {
        return random(KEY_BYTES);
    }

    /** A fresh random nonce. */
    static byte[] newNonce() {
        return random(NONCE_BYTES);
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] associated, byte[] plaintext) {
        return run(true, key, nonce, associated, plaintext);
    }

    /** The plaintext; throws {@link IllegalStateException} when the ciphertext, nonce, key or context do not match. */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] associated, byte[] ciphertext) {
        return run(false, key, nonce, associated, ciphertext);
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] associated, byte[] input) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associated));
        byte[] output = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, output, 0);
        try {
            length += gcm.doFinal(output, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealed data does not authenticate: it was altered or belongs elsewhere");
        }
        return length == output.length ? output : Arrays.copyOf(output, length);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        CryptoServicesRegistrar.getSecureRandom().nextBytes(value);
        return value;
    }
}
