package org.creditbank.ledger.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed notes: a text ending in a newline, a blank line, and signature lines
 * {@code — name base64(keyid || signature)}. Only Ed25519 ({@link NoteKeys}) is supported.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /** The note: the text signed by the signer. */
    public static String sign(String text, NoteKeys.Signer signer) {
        requireWellFormedText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(signer.keyId()).put(signature).array();
        return text + "\n" + SIGNATURE_PREFIX + signer.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * The text of the note, once a signature by {@code verifier} is verified. Signatures by other keys are ignored;
     * a signature by the verifier's key that fails rejects the note.
     */
    public static String open(String note, NoteKeys.Verifier verifier) {
        if (!note.endsWith("\n")) {
            throw new NoteRejected("a signed note ends with a newline");
        }
        requireNoControlCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteRejected("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n");
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteRejected("the note has more than " + MAX_SIGNATURES + " signatures");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteRejected("malformed signature line: " + line);
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new NoteRejected("malformed signature line: " + line);
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new NoteRejected("a signature is not base64: " + line);
            }
            if (!Base64.getEncoder().encodeToString(blob).equals(parts[1])) {
                throw new NoteRejected("a signature is not canonical base64: " + line);
            }
            if (blob.length < 5) {
                throw new NoteRejected("a signature is too short: " + line);
            }
            int keyId = ByteBuffer.wrap(blob).getInt();
            if (!parts[0].equals(verifier.name()) || keyId != verifier.keyId()) {
                continue;
            }
            if (!verifier.verifies(message, Arrays.copyOfRange(blob, 4, blob.length))) {
                throw new NoteRejected("the signature of " + verifier.name() + " does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new NoteRejected("the note carries no signature of " + verifier);
        }
        return text;
    }

    private static void requireWellFormedText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text ends with a newline");
        }
        requireNoControlCharacters(text);
    }

    private static void requireNoControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteRejected("a signed note holds no control characters but newline");
            }
        }
    }

    /** A note that cannot be trusted, saying why. */
    public static final class NoteRejected extends RuntimeException {
        public NoteRejected(String message) {
            super(message);
        }
    }
}
