package org.creditbank.ledger.api.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds a secret key of the ledger — the identity hash key, the personal-data master key, the log signing key —
 * from configuration or a key file. Only on the embedded default (one node, one data folder) is a missing key
 * generated into the data folder; on PostgreSQL, where several nodes may share the database, every node must use the
 * same configured key, so a missing one stops the server with a clear message. Keys are never logged.
 */
public final class SecretKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /**
     * A kind of secret.
     *
     * @param what     what it is for, in messages
     * @param variable the environment variable that configures it (and {@code <variable>_FILE})
     * @param generate a fresh secret, as text
     * @param parse    the secret from its text, refusing a malformed one
     */
    public record Secret<T>(String what, String variable, Supplier<String> generate, Function<String, T> parse) {
    }

    /** The secret from its configured text, its file, or the default file (generated there when allowed). */
    public static <T> T load(Secret<T> secret, String explicit, Path file, Path defaultFile, boolean mayGenerate) {
        if (explicit != null && !explicit.isBlank()) {
            return parse(secret, explicit.strip(), secret.variable());
        }
        Path source = file != null ? file : defaultFile;
        try {
            if (Files.exists(source)) {
                return parse(secret, Files.readString(source, StandardCharsets.US_ASCII).strip(), source.toString());
            }
            if (file != null) {
                throw new IllegalStateException("the " + secret.what() + " file " + file + " does not exist");
            }
            if (!mayGenerate) {
                throw new IllegalStateException("no " + secret.what() + " is configured: on PostgreSQL every node must"
                        + " use the same key. Set " + secret.variable() + " or " + secret.variable() + "_FILE"
                        + " (see docs/configuration.md)");
            }
            String generated = secret.generate().get();
            Files.createDirectories(source.toAbsolutePath().getParent());
            Files.writeString(source, generated + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-------"));
            }
            LOG.warn("Generated a new {} in {}. Back it up; production configures {} (see docs/configuration.md).",
                    secret.what(), source, secret.variable());
            return secret.parse().apply(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + secret.what() + " file " + source, e);
        }
    }

    private static <T> T parse(Secret<T> secret, String text, String source) {
        try {
            return secret.parse().apply(text);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the " + secret.what() + " in " + source + " is unusable: " + e.getMessage());
        }
    }

    /** A 32-byte symmetric key, in base64. */
    public static Secret<byte[]> symmetric(String what, String variable) {
        return new Secret<>(what, variable, () -> {
            byte[] key = new byte[32];
            org.bouncycastle.crypto.CryptoServicesRegistrar.getSecureRandom().nextBytes(key);
            return java.util.Base64.getEncoder().encodeToString(key);
        }, text -> {
            byte[] key = java.util.Base64.getDecoder().decode(text);
            if (key.length < 32) {
                throw new IllegalArgumentException("it has " + key.length + " bytes; it needs at least 32");
            }
            return key;
        });
    }
}
