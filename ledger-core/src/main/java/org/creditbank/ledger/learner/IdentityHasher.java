package org.creditbank.ledger.learner;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
        return hash(person.identityKey());
    }

    /**
     * The hashes accounts opened before document types were made canonical carry for the same resident ID: the
     * number under each other name of the card ({@code ID_CARD:…}), as those accounts' events keep them.
     */
    public List<String> formerHashes(PersonalData person) {
        return formerHashes(person.idDocumentType(), person.idDocumentNumber());
    }

    private List<String> formerHashes(String canonicalType, String canonicalNumber) {
        if (!IdentityDocument.RESIDENT_ID.equals(canonicalType)) {
            return List.of();
        }
        return IdentityDocument.RESIDENT_ID_SYNONYMS.stream().sorted()
                .map(type -> hash(type + ":" + canonicalNumber)).toList();
    }

    /**
     * The hashes an account of the person named by this identity document may be found by, computed as asked: its own,
     * then the former ones ({@link #formerHashes}). Type and number are taken in their {@link IdentityDocument
     * canonical form}.
     */
    public Stream<String> hashesOf(String idDocumentType, String idDocumentNumber) {
        String type = IdentityDocument.type(idDocumentType);
        String number = IdentityDocument.number(idDocumentNumber);
        // Lazily: the account is nearly always found by the first, and each hash is an HMAC.
        return Stream.<Supplier<Stream<String>>>of(() -> Stream.of(hash(type + ":" + number)),
                () -> formerHashes(type, number).stream()).flatMap(Supplier::get);
    }

    private String hash(String identityKey) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        byte[] input = identityKey.getBytes(StandardCharsets.UTF_8);
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
