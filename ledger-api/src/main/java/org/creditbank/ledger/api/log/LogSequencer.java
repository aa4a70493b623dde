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
import org.creditbank.ledger.log.leaf.LeafBatch;
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
 * handles late-committing events, the gaps of the global index, when they appear). It runs as the one segment of a
 * tracking (streaming) processor, so exactly one node sequences; a batch's leaves, subtree hashes and processor token
 * commit in one transaction, and an event already in the log is never appended again.
 */
@ProcessingGroup(LogSequencer.GROUP)
public class LogSequencer {

    /** The processing group, and the processor's name. */
    public static final String GROUP = "log-sequencer";
    private static final String BATCH = LogSequencer.class.getName() + ".batch";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogSequencer.class);

    private final JdbcLogStore store;
    private final JdbcTemplate jdbc;
    private final Runnable appended;

    /** @param appended told after each batch commits: the signer looks at the log then */
    public LogSequencer(JdbcLogStore store, JdbcTemplate jdbc, Runnable appended) {
        this.store = store;
        this.jdbc = jdbc;
        this.appended = appended;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(u -> append(created.events));
            unitOfWork.afterCommit(u -> appended.run());
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
        Set<String> already = alreadyInLog(events);
        List<Pending> unlogged = events.stream().filter(e -> !already.contains(e.eventId())).toList();
        if (unlogged.isEmpty()) {
            return;
        }
        Plan plan = plan(unlogged);
        List<Pending> fresh = plan.events();
        Map<String, StoredEvent> stored = storedEvents(fresh);
        List<LeafBatch.Input> inputs = new ArrayList<>(fresh.size());
        for (Pending event : fresh) {
            StoredEvent row = stored.get(event.eventId());
            if (row == null) {
                throw new IllegalStateException("event " + event.eventId() + " is not in the event store");
            }
            inputs.add(new LeafBatch.Input(event.eventId(), event.aggregateId(), event.sequenceNumber(),
                    row.payloadType(), row.recordedAt(), row.payloadJson(), row.metadataJson()));
        }
        List<LeafBatch.Output> built = LeafBatch.build(inputs, first -> {
            Hash hash = plan.previous().get(JdbcLogStore.key(first.aggregateId(), first.sequenceNumber() - 1));
            if (hash == null) {
                throw new IllegalStateException("event " + first.eventId() + " of " + first.aggregateId()
                        + " follows sequence " + (first.sequenceNumber() - 1) + ", which is not in the log");
            }
            return hash;
        });
        long size = store.size();
        CompactRange range = CompactRange.of(size, store);
        List<Leaf> leaves = new ArrayList<>(built.size());
        List<StoredNode> nodes = new ArrayList<>(built.size() * 2);
        for (LeafBatch.Output leaf : built) {
            nodes.addAll(range.append(leaf.hash()));
            LeafBatch.Input event = leaf.input();
            leaves.add(new Leaf(size + leaves.size(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                    stored.get(event.eventId()).globalIndex(), leaf.data(), leaf.hash()));
        }
        store.append(leaves, nodes);
    }

    /** The events to append, in order, and the leaf hash already in the log before each stream's first one. */
    private record Plan(List<Pending> events, Map<String, Hash> previous) {
    }

    /**
     * The batch, preceded by any earlier events of its streams that never reached the log, and the predecessors'
     * leaf hashes (one query when nothing was skipped). An event whose transaction committed after the streaming
     * processor gave up waiting for its gap is never delivered; when a later event of the same stream arrives, the
     * missing ones are read from the event store and appended first.
     */
    private Plan plan(List<Pending> events) {
        Map<String, Long> firstInBatch = new java.util.LinkedHashMap<>();
        for (Pending event : events) {
            firstInBatch.putIfAbsent(event.aggregateId(), event.sequenceNumber());
        }
        List<String> wanted = new ArrayList<>();
        firstInBatch.forEach((aggregate, sequence) -> {
            if (sequence > 0) {
                wanted.add(JdbcLogStore.key(aggregate, sequence - 1));
            }
        });
        Map<String, Hash> previous = new HashMap<>(store.leafHashes(wanted));
        List<Pending> skipped = new ArrayList<>();
        List<String> lastLoggedKeys = new ArrayList<>();
        firstInBatch.forEach((aggregate, sequence) -> {
            if (sequence > 0 && !previous.containsKey(JdbcLogStore.key(aggregate, sequence - 1))) {
                Long lastLogged = jdbc.queryForObject("SELECT MAX(sequence_number) FROM log_leaf"
                        + " WHERE aggregate_identifier = ?", Long.class, aggregate);
                if (lastLogged != null) {
                    lastLoggedKeys.add(JdbcLogStore.key(aggregate, lastLogged));
                }
                skipped.addAll(jdbc.query("SELECT event_identifier, aggregate_identifier, sequence_number"
                                + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number > ?"
                                + " AND sequence_number < ? ORDER BY sequence_number",
                        (rs, i) -> new Pending(rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                                rs.getLong("sequence_number")),
                        aggregate, lastLogged == null ? -1 : lastLogged, sequence));
            }
        });
        if (skipped.isEmpty()) {
            return new Plan(events, previous);
        }
        LOG.warn("Appending {} event(s) that the event stream skipped (late commits), before their successors",
                skipped.size());
        previous.putAll(store.leafHashes(lastLoggedKeys));
        List<Pending> all = new ArrayList<>(skipped);
        all.addAll(events);
        return new Plan(all, previous);
    }

    private Map<String, StoredEvent> storedEvents(List<Pending> events) {
        Map<String, StoredEvent> stored = new HashMap<>();
        for (List<Pending> chunk : chunks(events)) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT event_identifier, global_index, payload_type, time_stamp, payload, meta_data"
                            + " FROM domain_event_entry WHERE event_identifier IN (" + marks + ")",
                    rs -> {
                        byte[] metadata = rs.getBytes("meta_data");
                        stored.put(rs.getString("event_identifier"), new StoredEvent(rs.getLong("global_index"),
                                rs.getString("payload_type"), rs.getString("time_stamp"),
                                new String(rs.getBytes("payload"), StandardCharsets.UTF_8),
                                metadata == null ? null : new String(metadata, StandardCharsets.UTF_8)));
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

    private record StoredEvent(long globalIndex, String payloadType, String recordedAt, String payloadJson,
                               String metadataJson) {
    }

    private static final class Batch {
        private final List<Pending> events = new ArrayList<>();
    }
}
