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
 * Finds a secret key of the ledger (the identity hash key, the personal-data master key): from configuration, from a
 * key file, or — on a first start with neither — a fresh random key written to the data folder. Keys are never
 * logged.
 */
final class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    private static final int KEY_BYTES = 32;

    private SecretKeys() {
    }

    /**
     * @param what        what the key is for, in messages
     * @param explicit    the key in base64, or null
     * @param file        a file holding it, which must exist, or null
     * @param defaultFile where to keep a generated key when neither is given
     */
    static byte[] load(String what, String explicit, Path file, Path defaultFile) {
        if (explicit != null) {
            return decode(explicit, what + " (configuration)");
        }
        Path source = file != null ? file : defaultFile;
        try {
            if (Files.exists(source)) {
                return decode(Files.readString(source, StandardCharsets.US_ASCII).strip(), source.toString());
            }
            if (file != null) {
                throw new IllegalStateException("the " + what + " file " + file + " does not exist");
            }
            byte[] key = new byte[KEY_BYTES];
            CryptoServicesRegistrar.getSecureRandom().nextBytes(key);
            Files.createDirectories(source.toAbsolutePath().getParent());
            Files.writeString(source, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW);
            LOG.warn("Generated a new {} in {}. Back it up; production configures it explicitly"
                    + " (see docs/configuration.md).", what, source);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " file " + source, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the key in " + source + " is not base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("the key in " + source + " has " + key.length + " bytes; it needs at least "
                    + KEY_BYTES);
        }
        return key;
    }
}
