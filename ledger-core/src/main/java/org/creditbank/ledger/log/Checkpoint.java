package org.creditbank.ledger.log;

import java.util.List;

/**
 * A C2SP tlog-checkpoint body: origin, tree size and base64 root hash, one per line, then optional extension lines.
 * Signed as a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new IllegalArgumentException("extension lines are single non-empty lines");
            }
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, Hash root) {
        this(origin, size, root, List.of());
    }

    /** The note text. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root.base64()).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Parses a checkpoint note text (the part a signature covers). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has origin, size and root lines");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint's size is a decimal without leading zeroes: " + lines[1]);
        }
        Hash root = Hash.fromBase64(lines[2]);
        if (!root.base64().equals(lines[2])) {
            throw new IllegalArgumentException("a checkpoint's root is canonical base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, List.of(lines).subList(3, lines.length));
    }

    /** Signs this checkpoint. */
    public String sign(NoteKeys.Signer signer) {
        return SignedNote.sign(text(), signer);
    }

    /** The checkpoint in a signed note, once its signature is verified. */
    public static Checkpoint open(String signedNote, NoteKeys.Verifier verifier) {
        return parse(SignedNote.open(signedNote, verifier));
    }
}
