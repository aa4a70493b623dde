package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.log.leaf.ArchivedCredits;
import org.creditbank.ledger.log.leaf.ArchivedCredits.ArchivedEvent;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.leaf.LeafEnvelope;
import org.creditbank.ledger.log.leaf.LeafMetadata;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification;
import org.creditbank.ledger.log.TlogProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Verifies a learner's verified archive offline: the checkpoint's signature by the trusted key, every leaf against
 * its event (and, for a {@code ledger-leaf/v2} leaf, against the entry's metadata of who acted), every proof against
 * the checkpoint, the account's hash chain, and the credit totals. No network.
 */
@Command(name = "verify-archive", description = "Verify a ledger-verified-archive/v1 file offline.")
public class VerifyArchive implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the archive (JSON)")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "VKEY",
            description = "the log's verifier key, obtained from a trusted source (name+hexkeyid+base64key)")
    String key;

    @Spec
    CommandSpec spec;

    /** The first thing wrong with an archive. */
    static final class Bad extends RuntimeException {
        Bad(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws Exception {
        NoteKeys.Verifier verifier;
        try {
            verifier = NoteKeys.Verifier.parse(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key: " + e.getMessage());
        }
        JsonNode archive = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        try {
            String summary = verify(archive, verifier);
            spec.commandLine().getOut().println("VERIFIED " + summary);
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("ledger: NOT VERIFIED: " + e.getMessage());
            return 1;
        }
    }

    public static String verify(JsonNode archive, NoteKeys.Verifier verifier) {
        require(archive.path("format").asText().equals("ledger-verified-archive/v1"),
                "not a ledger-verified-archive/v1 file");
        String learner = text(archive, "learnerNumber");
        require(text(archive, "verifierKey").equals(verifier.toString()),
                "the archive names verifier key " + text(archive, "verifierKey") + ", not the trusted one");
        String signedCheckpoint = text(archive, "checkpoint");
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(signedCheckpoint, verifier);
        } catch (RuntimeException e) {
            throw new Bad("checkpoint: " + e.getMessage());
        }
        require(checkpoint.origin().equals(verifier.name()),
                "checkpoint: origin " + checkpoint.origin() + " is not the key's log " + verifier.name());

        List<ArchivedEvent> events = new ArrayList<>();
        Hash previous = null;
        long expectedSequence = 0;
        int position = 0;
        int attributed = 0;
        for (Iterator<JsonNode> it = archive.path("entries").elements(); it.hasNext(); position++) {
            JsonNode entry = it.next();
            String where = "entry " + position + " (leaf " + entry.path("leafIndex").asText("?") + ")";
            try {
                LeafEnvelope leaf = LeafEnvelope.parse(text(entry, "leaf"));
                String type = text(entry.path("event"), "type");
                JsonNode payload = entry.path("event").path("payload");
                require(payload.isObject(), "the event has no payload object");
                require(leaf.aggregateId().equals(learner), "the leaf is of account " + leaf.aggregateId());
                require(leaf.eventType().equals(type), "the leaf says event type " + leaf.eventType()
                        + ", the entry " + type);
                require(LeafEnvelope.payloadHash(payload.toString()).equals(leaf.payloadSha256()),
                        "the event's payload does not match the leaf's payloadSha256");
                JsonNode metadata = entry.path("metadata");
                if (leaf.metadataSha256() == null) {
                    require(metadata.isMissingNode(), "the entry carries metadata that its " + leaf.format()
                            + " leaf does not cover");
                } else {
                    require(metadata.isObject(), "the entry has no metadata object, which its " + leaf.format()
                            + " leaf covers");
                    require(LeafMetadata.hash(LeafEnvelope.parseObject(metadata.toString()))
                            .equals(leaf.metadataSha256()), "the entry's metadata (who acted) does not match the"
                            + " leaf's metadataSha256");
                    attributed++;
                }
                require(leaf.sequenceNumber() == expectedSequence, "expected sequence number " + expectedSequence
                        + ", found " + leaf.sequenceNumber() + ": an event is missing or out of order");
                require(java.util.Objects.equals(leaf.previousLeafHash(), previous),
                        "the leaf does not chain to the previous event of the account");
                TlogProof proof = TlogProof.parse(text(entry, "proof"));
                require(proof.index() == entry.path("leafIndex").asLong(-1), "the proof is for leaf "
                        + proof.index());
                require(proof.signedCheckpoint().equals(signedCheckpoint),
                        "the proof is against another checkpoint than the archive's");
                // The proof's checkpoint is the archive's, byte for byte, whose signature is verified above.
                ProofVerification.verifyInclusion(proof.index(), checkpoint.size(), leaf.leafHash(), proof.path(),
                        checkpoint.root());
                previous = leaf.leafHash();
                expectedSequence++;
                events.add(new ArchivedEvent(type, LeafEnvelope.parseObject(payload.toString())));
            } catch (RuntimeException e) {
                throw new Bad(where + ": " + e.getMessage());
            }
        }
        require(!events.isEmpty(), "the archive has no entries");
        Map<String, String> totals = ArchivedCredits.totals(events);
        JsonNode stated = archive.path("creditTotals");
        if (!stated.isMissingNode()) {
            Map<String, String> claimed = new LinkedHashMap<>();
            stated.fields().forEachRemaining(f -> claimed.put(f.getKey(), f.getValue().asText()));
            require(claimed.equals(totals), "creditTotals " + claimed + " differ from the events' " + totals);
        }
        return "learner " + learner + ": " + events.size() + " events in log " + checkpoint.origin()
                + " at tree size " + checkpoint.size() + "; certified credits " + (totals.isEmpty() ? "none"
                : totals.toString()) + "; who acted proven for " + attributed + " of " + events.size() + " events";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new Bad("the archive has no " + field);
        }
        return value.asText();
    }

    private static void require(boolean holds, String otherwise) {
        if (!holds) {
            throw new Bad(otherwise);
        }
    }
}
