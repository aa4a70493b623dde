package org.creditbank.ledger.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-proof: an offline-verifiable proof that a leaf is in a log.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * [extra base64]
 * index N
 * base64 hash (one per line, from the leaf's sibling up to the root's child)
 *
 * the signed checkpoint, verbatim
 * </pre>
 */
public record TlogProof(byte[] extra, long index, List<Hash> path, String signedCheckpoint) {

    private static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("a leaf index is not negative");
        }
        path = List.copyOf(path);
        extra = extra == null ? null : extra.clone();
    }

    /** The proof text. */
    public String text() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            text.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        text.append("index ").append(index).append('\n');
        path.forEach(hash -> text.append(hash.base64()).append('\n'));
        return text.append('\n').append(signedCheckpoint).toString();
    }

    /** Parses a proof text. */
    public static TlogProof parse(String text) {
        int blank = text.indexOf("\n\n");
        if (!text.startsWith(HEADER + "\n") || blank < 0) {
            throw new IllegalArgumentException("a tlog-proof starts with " + HEADER + " and has a blank line before"
                    + " its checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        int at = 1;
        byte[] extra = null;
        if (at < lines.length && lines[at].startsWith("extra ")) {
            extra = Base64.getDecoder().decode(lines[at].substring(6));
            at++;
        }
        if (at >= lines.length || !lines[at].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("a tlog-proof names its index: index N");
        }
        long index = Long.parseLong(lines[at].substring(6));
        List<Hash> path = new ArrayList<>();
        for (int i = at + 1; i < lines.length; i++) {
            path.add(Hash.fromBase64(lines[i]));
        }
        return new TlogProof(extra, index, path, text.substring(blank + 2));
    }

    /** Checks this proof for a leaf of the log named by the verifier key (its origin). */
    public Checkpoint verify(byte[] leafData, NoteKeys.Verifier verifier) {
        return verify(leafData, verifier, verifier.name());
    }

    /**
     * Checks this proof for a leaf: the checkpoint's signature by {@code verifier}, its origin, and the inclusion of
     * the leaf data at {@link #index} in the checkpointed tree. Answers the verified checkpoint.
     */
    public Checkpoint verify(byte[] leafData, NoteKeys.Verifier verifier, String origin) {
        Checkpoint checkpoint = Checkpoint.open(signedCheckpoint, verifier);
        if (!checkpoint.origin().equals(origin)) {
            throw new SignedNote.NoteRejected("the checkpoint is of log " + checkpoint.origin() + ", not " + origin);
        }
        ProofVerification.verifyInclusion(index, checkpoint.size(), Rfc6962.leafHash(leafData), path,
                checkpoint.root());
        return checkpoint;
    }

    @Override
    public byte[] extra() {
        return extra == null ? null : extra.clone();
    }
}
