package org.creditbank.ledger.api.config;

import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * Finds the secret key of the keyed identity hash: from configuration, from a key file, or — on a first start with
 * neither — a fresh random key written to the data folder. The key is never logged.
 */
final class IdentityKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityKeys.class);
    private static final int KEY_BYTES = 32;

    private IdentityKeys() {
    }

    static byte[] load(LedgerProperties properties) {
        if (properties.identityKey() != null) {
            return decode(properties.identityKey(), "ledger.identity-key");
        }
        Path file = properties.identityKeyFile() != null ? properties.identityKeyFile()
                : properties.dataDir().resolve("identity-hash.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            if (properties.identityKeyFile() != null) {
                throw new IllegalStateException("identity key file " + file + " does not exist");
            }
            byte[] key = new byte[KEY_BYTES];
            CryptoServicesRegistrar.getSecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            LOG.warn("Generated a new identity hash key in {}. Back it up: without it, identities cannot be matched"
                    + " to existing accounts. Production sets LEDGER_IDENTITY_KEY or LEDGER_IDENTITY_KEY_FILE.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the identity key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the identity key in " + source + " is not base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("the identity key in " + source + " has " + key.length
                    + " bytes; it needs at least " + KEY_BYTES);
        }
        return key;
    }
}
