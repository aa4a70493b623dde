package org.creditbank.ledger.learner;

import org.creditbank.ledger.rule.InvalidField;

/**
 * Personal data as events carry it: encrypted with the learner's own key, so that destroying that key erases the data
 * from every event without changing a byte of the event store.
 *
 * @param keyId      which learner key sealed it (the learner number)
 * @param algorithm  the cipher, e.g. {@code AES-256-GCM}
 * @param nonce      base64 nonce
 * @param ciphertext base64 ciphertext with its authentication tag
 */
public record Sealed(String keyId, String algorithm, String nonce, String ciphertext) {

    public Sealed {
        InvalidField.require("keyId", keyId);
        InvalidField.require("algorithm", algorithm);
        InvalidField.require("nonce", nonce);
        InvalidField.require("ciphertext", ciphertext);
    }
}
