package org.creditbank.ledger.tools.intake;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far an import has come, kept beside its report so that a run killed at any point is resumed by running the same
 * command again: for each file, the rows the ledger has answered and the length of the report once their refusals
 * were written. Rows past that point are sent again; the ledger answers those it stored before
 * {@code ALREADY_IMPORTED} and stores nothing, so every valid row ends up imported exactly once. Written after each
 * batch, by replacing the file whole.
 */
public final class ImportState {

    /** One file's progress: which file (its path and size), rows answered, report length, outcomes so far. */
    public record FileProgress(String path, long size, long rowsDone, long reportBytes, long imported,
                               long alreadyImported, long refused, boolean finished) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, FileProgress> files;

    private ImportState(Path file, Map<String, FileProgress> files) {
        this.file = file;
        this.files = files;
    }

    /** The state kept at {@code file}, or a new one when there is none. */
    public static ImportState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ImportState(file, new LinkedHashMap<>());
        }
        Map<String, FileProgress> files = new LinkedHashMap<>();
        JSON.readTree(file.toFile()).get("files").fields().forEachRemaining(entry -> {
            try {
                files.put(entry.getKey(), JSON.treeToValue(entry.getValue(), FileProgress.class));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": not an import's state: " + e.getMessage());
            }
        });
        return new ImportState(file, files);
    }

    /** Whether nothing was imported yet under this state. */
    public boolean isNew() {
        return files.isEmpty();
    }

    /** The progress of one kind's file, if it was begun. */
    public FileProgress of(ImportKind kind) {
        return files.get(kind.path());
    }

    /** The length the report had after the last batch answered, of any file (0: none answered). */
    public long reportBytes() {
        return files.values().stream().mapToLong(FileProgress::reportBytes).max().orElse(0);
    }

    /** Records a file's progress and writes the state (to a new file moved over the old one). */
    public void save(ImportKind kind, FileProgress progress) throws IOException {
        files.put(kind.path(), progress);
        Path written = file.resolveSibling(file.getFileName() + ".new");
        JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), Map.of("files", files));
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
