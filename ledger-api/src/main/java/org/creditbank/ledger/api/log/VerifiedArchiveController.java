package org.creditbank.ledger.api.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.Leaf;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.StoredCheckpoint;
import org.creditbank.ledger.learner.AccountRefusals.UnknownAccount;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.log.leaf.ArchivedCredits;
import org.creditbank.ledger.log.leaf.ArchivedCredits.ArchivedEvent;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.leaf.LeafEnvelope;
import org.creditbank.ledger.log.leaf.LeafMetadata;
import org.creditbank.ledger.log.MerkleTree;
import org.creditbank.ledger.log.TlogProof;
import org.springframework.beans.factory.annotation.Qualifier;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained verified archive of a learner: every event of their account in the log under the latest
 * checkpoint, each with its leaf, its payload as stored (personal data sealed) and a complete C2SP tlog-proof, plus
 * the checkpoint and the verifier key. Deterministic for a given checkpoint; checking it needs no network.
 */
@RestController
@Tag(name = "Verifiable log")
public class VerifiedArchiveController {

    /** The archive format. */
    public static final String FORMAT = "ledger-verified-archive/v1";

    private final JdbcLogStore store;
    private final CheckpointSigner signer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper events;
    private final ArchiveQueries accounts;

    public VerifiedArchiveController(JdbcLogStore store, CheckpointSigner signer, JdbcTemplate jdbc,
                                     @Qualifier("defaultAxonObjectMapper") ObjectMapper events,
                                     ArchiveQueries accounts) {
        this.store = store;
        this.signer = signer;
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
    }

    /** The archive (BRIEF §4). {@code creditTotals} is recomputed from the entries' events alone. */
    public record VerifiedArchive(String format, String learnerNumber, String verifierKey, String checkpoint,
                                  List<Entry> entries, Map<String, String> creditTotals) {
    }

    /**
     * One event: its leaf index, leaf data, event and proof; and, for a {@code ledger-leaf/v2} leaf, the event's
     * metadata that the leaf covers (who acted, for which branch, the correlation id).
     */
    public record Entry(long leafIndex, String leaf, Event event,
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata, String proof) {
    }

    /** An event as stored: its type and payload. */
    public record Event(String type, JsonNode payload) {
    }

    @GetMapping("/api/learners/{learnerNumber}/verified-archive")
    @Operation(summary = "The learner's self-contained, offline-verifiable archive (ledger-verified-archive/v1)")
    public VerifiedArchive archive(@PathVariable String learnerNumber) {
        String number = LearnerNumber.parse(learnerNumber).value();
        StoredCheckpoint checkpoint = store.latestCheckpoint()
                .orElseThrow(() -> new LogRefusals.NotYetCheckpointed("the log"));
        List<Leaf> leaves = store.leavesOf(number, checkpoint.treeSize());
        if (leaves.isEmpty()) {
            if (!accounts.exists(number)) {
                throw new UnknownAccount("learnerNumber", number);
            }
            throw new LogRefusals.NotYetCheckpointed("account " + number);
        }
        Map<String, StoredEvent> stored = storedEvents(number);
        List<List<Hash>> paths = MerkleTree.inclusionProofs(leaves.stream().map(Leaf::index).toList(),
                checkpoint.treeSize(), store);
        List<Entry> entries = new ArrayList<>(leaves.size());
        List<ArchivedEvent> archived = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            StoredEvent event = stored.get(leaf.eventId());
            String proof = new TlogProof(null, leaf.index(), paths.get(i), checkpoint.signedNote()).text();
            String data = new String(leaf.data(), StandardCharsets.UTF_8);
            JsonNode metadata = LeafEnvelope.parse(data).metadataSha256() == null ? null
                    : tree(LeafMetadata.covered(event.metadataJson()).toString());
            entries.add(new Entry(leaf.index(), data, new Event(event.type(), tree(event.payloadJson())), metadata,
                    proof));
            archived.add(new ArchivedEvent(event.type(), LeafEnvelope.parseObject(event.payloadJson())));
        }
        return new VerifiedArchive(FORMAT, number, signer.verifier().toString(), checkpoint.signedNote(), entries,
                ArchivedCredits.totals(archived));
    }

    private Map<String, StoredEvent> storedEvents(String aggregateId) {
        Map<String, StoredEvent> events = new HashMap<>();
        jdbc.query("SELECT event_identifier, payload_type, payload, meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", rs -> {
                    byte[] metadata = rs.getBytes("meta_data");
                    events.put(rs.getString("event_identifier"), new StoredEvent(rs.getString("payload_type"),
                            new String(rs.getBytes("payload"), StandardCharsets.UTF_8),
                            metadata == null ? null : new String(metadata, StandardCharsets.UTF_8)));
                }, aggregateId);
        return events;
    }

    private JsonNode tree(String json) {
        try {
            return events.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StoredEvent(String type, String payloadJson, String metadataJson) {
    }
}
