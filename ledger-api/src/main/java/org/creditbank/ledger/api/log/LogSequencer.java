package org.creditbank.ledger.api.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.Leaf;
import org.creditbank.ledger.log.CompactRange;
import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.LeafEnvelope;
import org.creditbank.ledger.log.Rfc6962;
import org.creditbank.ledger.log.StoredNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every committed event a leaf of the log, in the order the events are seen to commit (the streaming processor
 * handles late-committing events, the gaps of the global index, when they appear). It runs as one segment of a
 * pooled streaming processor, so exactly one node sequences; a batch's leaves, subtree hashes and processor token
 * commit in one transaction, and an event already in the log is never appended again.
 */
@ProcessingGroup(LogSequencer.GROUP)
public class LogSequencer {

    /** The processing group, and the processor's name. */
    public static final String GROUP = "log-sequencer";
    private static final String BATCH = LogSequencer.class.getName() + ".batch";

    private final JdbcLogStore store;
    private final JdbcTemplate jdbc;

    public LogSequencer(JdbcLogStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(u -> append(created.events));
            return created;
        });
        batch.events.add(new Pending(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber()));
    }

    /** Appends the batch's events to the log; public for the sequencer benchmark. */
    public void append(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, StoredEvent> stored = storedEvents(events);
        Set<String> already = alreadyInLog(events);
        List<Pending> fresh = events.stream().filter(e -> !already.contains(e.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long size = store.size();
        CompactRange range = CompactRange.of(size, store);
        Map<String, Hash> previous = previousLeafHashes(fresh);
        List<Leaf> leaves = new ArrayList<>(fresh.size());
        List<StoredNode> nodes = new ArrayList<>(fresh.size() * 2);
        for (Pending event : fresh) {
            StoredEvent row = stored.get(event.eventId());
            if (row == null) {
                throw new IllegalStateException("event " + event.eventId() + " is not in the event store");
            }
            Hash previousLeaf = null;
            if (event.sequenceNumber() > 0) {
                previousLeaf = previous.get(JdbcLogStore.key(event.aggregateId(), event.sequenceNumber() - 1));
                if (previousLeaf == null) {
                    throw new IllegalStateException("event " + event.eventId() + " of " + event.aggregateId()
                            + " follows sequence " + (event.sequenceNumber() - 1) + ", which is not in the log");
                }
            }
            LeafEnvelope envelope = new LeafEnvelope(event.eventId(), event.aggregateId(), event.sequenceNumber(),
                    row.payloadType(), row.recordedAt(), previousLeaf, LeafEnvelope.payloadHash(row.payloadJson()));
            byte[] data = envelope.leafData();
            Hash leafHash = Rfc6962.leafHash(data);
            nodes.addAll(range.append(leafHash));
            leaves.add(new Leaf(size + leaves.size(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                    row.globalIndex(), data, leafHash));
            previous.put(JdbcLogStore.key(event.aggregateId(), event.sequenceNumber()), leafHash);
        }
        store.append(leaves, nodes);
    }

    private Map<String, Hash> previousLeafHashes(List<Pending> events) {
        Set<String> inBatch = new HashSet<>();
        List<String> wanted = new ArrayList<>();
        for (Pending event : events) {
            inBatch.add(JdbcLogStore.key(event.aggregateId(), event.sequenceNumber()));
            String previous = JdbcLogStore.key(event.aggregateId(), event.sequenceNumber() - 1);
            if (event.sequenceNumber() > 0 && !inBatch.contains(previous)) {
                wanted.add(previous);
            }
        }
        return new HashMap<>(store.leafHashes(wanted));
    }

    private Map<String, StoredEvent> storedEvents(List<Pending> events) {
        Map<String, StoredEvent> stored = new HashMap<>();
        for (List<Pending> chunk : chunks(events)) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT event_identifier, global_index, payload_type, time_stamp, payload"
                            + " FROM domain_event_entry WHERE event_identifier IN (" + marks + ")",
                    rs -> {
                        stored.put(rs.getString("event_identifier"), new StoredEvent(rs.getLong("global_index"),
                                rs.getString("payload_type"), rs.getString("time_stamp"),
                                new String(rs.getBytes("payload"), StandardCharsets.UTF_8)));
                    }, chunk.stream().map(Pending::eventId).toArray());
        }
        return stored;
    }

    private Set<String> alreadyInLog(List<Pending> events) {
        Set<String> already = new HashSet<>();
        for (List<Pending> chunk : chunks(events)) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            already.addAll(jdbc.queryForList("SELECT event_identifier FROM log_leaf WHERE event_identifier IN ("
                    + marks + ")", String.class, chunk.stream().map(Pending::eventId).toArray()));
        }
        return already;
    }

    private static List<List<Pending>> chunks(List<Pending> events) {
        List<List<Pending>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 500) {
            chunks.add(events.subList(from, Math.min(events.size(), from + 500)));
        }
        return chunks;
    }

    /** An event waiting for its leaf. */
    public record Pending(String eventId, String aggregateId, long sequenceNumber) {
    }

    private record StoredEvent(long globalIndex, String payloadType, String recordedAt, String payloadJson) {
    }

    private static final class Batch {
        private final List<Pending> events = new ArrayList<>();
    }
}
