package org.creditbank.ledger.api.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.learner.Sealed;
import org.creditbank.ledger.readmodel.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The personal-data vault: every learner has an AES-256 key of their own, stored only wrapped (encrypted) by the
 * ledger's master key in {@code learner_key}, and created in the same transaction as the event that first needs it.
 * Personal data is sealed as JSON under AES-256-GCM with the learner number and the kind of data as associated data.
 * Erasing a learner's key makes everything sealed with it unreadable, while the events themselves stay untouched.
 */
public class JdbcPersonalDataVault implements PersonalDataVault {

    private static final String PERSON = "person";
    private static final String CONTACT = "contact";
    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final byte[] masterKey;
    private final String masterKeyId;
    private final Clock clock;

    public JdbcPersonalDataVault(JdbcTemplate jdbc, ObjectMapper json, byte[] masterKey, Clock clock) {
        if (masterKey.length < Aes256Gcm.KEY_BYTES) {
            throw new IllegalArgumentException("the personal-data master key needs 32 bytes");
        }
        this.jdbc = jdbc;
        this.json = json;
        this.masterKey = Arrays.copyOf(masterKey, Aes256Gcm.KEY_BYTES);
        this.masterKeyId = keyId(this.masterKey);
        this.clock = clock;
    }

    @Override
    public Sealed sealPerson(String learnerNumber, PersonalData person) {
        return seal(learnerNumber, PERSON, person);
    }

    @Override
    public Sealed sealContact(String learnerNumber, ContactDetails contact) {
        return seal(learnerNumber, CONTACT, contact);
    }

    @Override
    public Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed) {
        return opener(List.of()).openPerson(learnerNumber, sealed);
    }

    @Override
    public Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed) {
        return opener(List.of()).openContact(learnerNumber, sealed);
    }

    /** Looks the learners' keys up in one query per thousand learners; any other learner's key when needed. */
    @Override
    public Opener opener(Collection<String> learnerNumbers) {
        Set<String> asked = Set.copyOf(learnerNumbers);
        Map<String, byte[]> keys = new HashMap<>();
        List<String> all = List.copyOf(asked);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            jdbc.query("SELECT learner_number, wrapped_key FROM learner_key WHERE wrapped_key IS NOT NULL"
                    + " AND learner_number IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        String learner = rs.getString(1).strip();
                        keys.put(learner, unwrap(learner, rs.getBytes(2)));
                    }, chunk.toArray());
        }
        return new Opener() {
            @Override
            public Optional<PersonalData> openPerson(String learnerNumber, Sealed sealed) {
                return open(learnerNumber, PERSON, sealed, PersonalData.class, key(learnerNumber));
            }

            @Override
            public Optional<ContactDetails> openContact(String learnerNumber, Sealed sealed) {
                return open(learnerNumber, CONTACT, sealed, ContactDetails.class, key(learnerNumber));
            }

            private Optional<byte[]> key(String learnerNumber) {
                return asked.contains(learnerNumber) ? Optional.ofNullable(keys.get(learnerNumber))
                        : keyOf(learnerNumber);
            }
        };
    }

    /** Destroys the learner's key: everything ever sealed for them becomes unreadable. Answers whether it existed. */
    public boolean erase(String learnerNumber) {
        return jdbc.update("UPDATE learner_key SET wrapped_key = NULL, erased_at = ? WHERE learner_number = ?"
                + " AND wrapped_key IS NOT NULL", Sql.at(clock.instant()), learnerNumber) == 1;
    }

    private Sealed seal(String learnerNumber, String kind, Object data) {
        byte[] key = keyOf(learnerNumber).orElseGet(() -> newKey(learnerNumber));
        byte[] nonce = Aes256Gcm.newNonce();
        byte[] plaintext;
        try {
            plaintext = json.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] ciphertext = Aes256Gcm.encrypt(key, nonce, context(learnerNumber, kind), plaintext);
        Base64.Encoder base64 = Base64.getEncoder();
        return new Sealed(learnerNumber, Aes256Gcm.NAME, base64.encodeToString(nonce),
                base64.encodeToString(ciphertext));
    }

    private <T> Optional<T> open(String learnerNumber, String kind, Sealed sealed, Class<T> type,
                                 Optional<byte[]> key) {
        if (!Aes256Gcm.NAME.equals(sealed.algorithm()) || !learnerNumber.equals(sealed.keyId())) {
            throw new IllegalStateException("sealed data of account " + learnerNumber + " uses " + sealed.algorithm()
                    + " with key " + sealed.keyId() + ", which this vault does not open");
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] plaintext = Aes256Gcm.decrypt(key.get(), base64.decode(sealed.nonce()), context(learnerNumber, kind),
                base64.decode(sealed.ciphertext()));
        try {
            return Optional.of(json.readValue(plaintext, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The learner's key, or empty when it was erased (or never made). */
    private Optional<byte[]> keyOf(String learnerNumber) {
        List<byte[]> wrapped = jdbc.queryForList("SELECT wrapped_key FROM learner_key WHERE learner_number = ?"
                + " AND wrapped_key IS NOT NULL", byte[].class, learnerNumber);
        if (wrapped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unwrap(learnerNumber, wrapped.get(0)));
    }

    /** A learner's key from its stored form: the nonce, then the key encrypted under the master key. */
    private byte[] unwrap(String learnerNumber, byte[] wrapped) {
        ByteBuffer stored = ByteBuffer.wrap(wrapped);
        byte[] nonce = new byte[Aes256Gcm.NONCE_BYTES];
        stored.get(nonce);
        byte[] ciphertext = new byte[stored.remaining()];
        stored.get(ciphertext);
        return Aes256Gcm.decrypt(masterKey, nonce, wrapContext(learnerNumber), ciphertext);
    }

    private byte[] newKey(String learnerNumber) {
        byte[] key = Aes256Gcm.newKey();
        byte[] nonce = Aes256Gcm.newNonce();
        byte[] wrapped = Aes256Gcm.encrypt(masterKey, nonce, wrapContext(learnerNumber), key);
        byte[] stored = ByteBuffer.allocate(nonce.length + wrapped.length).put(nonce).put(wrapped).array();
        jdbc.update("INSERT INTO learner_key (learner_number, wrapped_key, master_key_id, created_at)"
                + " VALUES (?, ?, ?, ?)", learnerNumber, stored, masterKeyId, Sql.at(clock.instant()));
        return key;
    }

    private static byte[] context(String learnerNumber, String kind) {
        return ("ledger personal data v1|" + kind + "|" + learnerNumber).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapContext(String learnerNumber) {
        return ("ledger learner key v1|" + learnerNumber).getBytes(StandardCharsets.UTF_8);
    }

    private static String keyId(byte[] key) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(key, 0, key.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out, 0, 8);
    }
}
