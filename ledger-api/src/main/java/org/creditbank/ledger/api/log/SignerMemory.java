package org.creditbank.ledger.api.log;

import org.creditbank.ledger.log.Hash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What this signer last signed (tree size and root), kept beside its key, outside the database. A database restored
 * from a backup, or edited, cannot then talk the signer into signing a tree inconsistent with one it already
 * published: every new checkpoint must extend the remembered one.
 */
final class SignerMemory {

    private final Path file;

    SignerMemory(Path file) {
        this.file = file;
    }

    /** The tree size and root this signer signed last. */
    record Signed(long size, Hash root) {
    }

    Optional<Signed> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] lines = Files.readString(file, StandardCharsets.US_ASCII).split("\n");
            return Optional.of(new Signed(Long.parseLong(lines[0].strip()), Hash.fromBase64(lines[1].strip())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signer's memory " + file, e);
        }
    }

    /** Remembers a signed tree: written to a temporary file, forced to disk, then moved into place atomically. */
    void remember(long size, Hash root) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = parent.resolve(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((size + "\n" + root.base64() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signer's memory " + file, e);
        }
    }
}
