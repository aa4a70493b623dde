package org.creditbank.ledger.log;

import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ed25519 keys of C2SP signed notes. A verifier key is written {@code name+hexkeyid+base64(0x01 || public key)};
 * a signer key {@code PRIVATE+KEY+name+hexkeyid+base64(0x01 || seed)}. The key id is the first four bytes of
 * {@code SHA-256(name || 0x0A || 0x01 || public key)}, big-endian.
 */
public final class NoteKeys {

    static final byte ED25519 = 0x01;
    /** Non-empty, no Unicode space, no plus (as Go's note package requires). */
    private static final Pattern NAME = Pattern.compile("[^\\s\\p{Z}\\u0085+]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private NoteKeys() {
    }

    /** The key id of an Ed25519 key with this name. */
    public static int keyId(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = ByteBuffer.allocate(nameBytes.length + 2 + publicKey.length)
                .put(nameBytes).put((byte) 0x0A).put(ED25519).put(publicKey).array();
        return ByteBuffer.wrap(Rfc6962.sha256(input).bytes()).getInt();
    }

    /** A key that verifies notes signed by one Ed25519 key. */
    public record Verifier(String name, int keyId, byte[] publicKey) {

        public Verifier {
            requireName(name);
            if (publicKey.length != 32) {
                throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
            }
            publicKey = publicKey.clone();
        }

        /** Parses a verifier key string, checking that its key id matches its name and key. */
        public static Verifier parse(String key) {
            String[] parts = key.split("\\+", 3);
            if (parts.length != 3 || parts[1].length() != 8 || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("a verifier key reads name+hexkeyid+base64key");
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the verifier key's key is not base64");
            }
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
            }
            byte[] publicKey = java.util.Arrays.copyOfRange(typed, 1, 33);
            int id = (int) Long.parseLong(parts[1], 16);
            if (id != NoteKeys.keyId(parts[0], publicKey)) {
                throw new IllegalArgumentException("the verifier key's id does not match its name and key");
            }
            if (!Base64.getEncoder().encodeToString(typed).equals(parts[2])) {
                throw new IllegalArgumentException("the verifier key's key is not canonical base64");
            }
            return new Verifier(parts[0], id, publicKey);
        }

        /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
        public boolean verifies(byte[] message, byte[] signature) {
            if (signature.length != 64) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** The verifier key string. */
        @Override
        public String toString() {
            return name + "+" + hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed(publicKey));
        }
    }

    /** A key that signs notes with Ed25519. Never logged: {@link #toString()} hides the secret. */
    public static final class Signer {

        private final String name;
        private final byte[] seed;
        private final byte[] publicKey;
        private final int keyId;

        private Signer(String name, byte[] seed) {
            requireName(name);
            if (seed.length != 32) {
                throw new IllegalArgumentException("an Ed25519 private key seed has 32 bytes");
            }
            this.name = name;
            this.seed = seed.clone();
            this.publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            this.keyId = NoteKeys.keyId(name, publicKey);
        }

        /** A fresh key for this name. */
        public static Signer generate(String name) {
            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(CryptoServicesRegistrar.getSecureRandom());
            return new Signer(name, key.getEncoded());
        }

        /** Parses a signer key string, checking that its key id matches. */
        public static Signer parse(String key) {
            if (!key.startsWith(PRIVATE_PREFIX)) {
                throw new IllegalArgumentException("a signer key starts with PRIVATE+KEY+");
            }
            String[] parts = key.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
            if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("a signer key reads PRIVATE+KEY+name+hexkeyid+base64key");
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the signer key's key is not base64");
            }
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("the signer key is not an Ed25519 key");
            }
            Signer signer = new Signer(parts[0], java.util.Arrays.copyOfRange(typed, 1, 33));
            if (signer.keyId != (int) Long.parseLong(parts[1], 16)) {
                throw new IllegalArgumentException("the signer key's id does not match its name and key");
            }
            return signer;
        }

        public String name() {
            return name;
        }

        public int keyId() {
            return keyId;
        }

        /** The matching verifier. */
        public Verifier verifier() {
            return new Verifier(name, keyId, publicKey);
        }

        /** The Ed25519 signature of {@code message}. */
        public byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        /** The signer key string: a secret. */
        public String encoded() {
            return PRIVATE_PREFIX + name + "+" + hex(keyId) + "+" + Base64.getEncoder().encodeToString(typed(seed));
        }

        @Override
        public String toString() {
            return "Signer[" + name + "+" + hex(keyId) + ", secret hidden]";
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }

    private static byte[] typed(byte[] key) {
        return ByteBuffer.allocate(key.length + 1).put(ED25519).put(key).array();
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }
}
