package org.creditbank.ledger.readmodel;

import org.creditbank.ledger.eventstore.IsoInstants;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event store read for a bulk replay: one ordered scan of the event table, with the payloads deserialized in
 * parallel ahead of the one thread that applies them, in the order they were stored.
 *
 * <p>Axon's processors read the store a page at a time and deserialize each event on the processor's thread; a
 * rebuild that replays the whole store is bound by exactly that. Here a reader thread streams the rows, chunks of
 * rows are deserialized by a pool with the ledger's event serializer (the same one the storage engine uses), and the
 * caller receives the chunks in order.
 *
 * <p>Positions the scan skipped are gaps. Those whose next stored event is younger than {@link #GAP_TIMEOUT} may still
 * be filled by a transaction in flight, so they are reported for a tracking token that continues from the end of the
 * scan; older ones are given up, as Axon's storage engine does.
 */
public final class StoredEvents {

    /** How long a gap may still be filled by a transaction in flight (Axon's storage engine default). */
    public static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);

    /** How far back a gap is still waited for (Axon's storage engine default). */
    private static final long MAX_GAP_OFFSET = 10_000;
    private static final int CHUNK = 1000;
    private static final int AHEAD = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final ThreadFactory threads;

    /** @param serializer and {@code upcasters}: the storage engine's own, so that events read here are the same */
    public StoredEvents(JdbcTemplate jdbc, TransactionTemplate transactions, Serializer serializer,
                        EventUpcaster upcasters, ThreadFactory threads) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.threads = threads;
    }

    /**
     * What a scan went through.
     *
     * @param deserializing the CPU time the pool spent turning rows into events, in nanoseconds
     */
    public record Scanned(long events, long position, SortedSet<Long> gaps, long deserializing) {
    }

    /** Receives the events of a scan, a chunk at a time, in the order they were stored. */
    @FunctionalInterface
    public interface Chunks {
        /** @param position the global index of the chunk's last event */
        void accept(List<DomainEventMessage<?>> events, long position) throws Exception;
    }

    /**
     * Reads every event with a global index in {@code (after, upTo]} and hands them to {@code chunks} on the calling
     * thread.
     *
     * @param now the time gaps are judged at
     */
    public Scanned scan(long after, long upTo, Instant now, Chunks chunks) throws Exception {
        BlockingQueue<CompletableFuture<Chunk>> ahead = new ArrayBlockingQueue<>(AHEAD);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        ExecutorService reader = Executors.newSingleThreadExecutor(threads);
        Instant recent = now.minus(GAP_TIMEOUT);
        LongAdder deserializing = new LongAdder();
        try {
            CompletableFuture<Scanned> read = CompletableFuture.supplyAsync(
                    () -> read(after, upTo, recent, pool, ahead, deserializing), reader);
            long events = 0;
            while (true) {
                Chunk chunk = ahead.take().get();
                if (chunk.rows == null) {
                    break;
                }
                chunks.accept(chunk.rows, chunk.position);
                events += chunk.rows.size();
            }
            Scanned scanned = read.get();
            return new Scanned(events, scanned.position(), scanned.gaps(), deserializing.sum());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reader.shutdownNow();
            pool.shutdownNow();
        }
    }

    private Scanned read(long after, long upTo, Instant recent, ExecutorService pool,
                         BlockingQueue<CompletableFuture<Chunk>> ahead, LongAdder deserializing) {
        SortedSet<Long> gaps = new TreeSet<>();
        // Global indexes start at 1, as Axon's storage engine assumes: nothing below is a gap.
        long[] last = {Math.max(after, 0)};
        try {
            readOnly.executeWithoutResult(tx -> {
                List<Row> rows = new ArrayList<>(CHUNK);
                jdbc.query(connection -> {
                    var statement = connection.prepareStatement("SELECT global_index, event_identifier,"
                            + " aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                            + " payload_revision, payload, meta_data FROM domain_event_entry"
                            + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index");
                    statement.setFetchSize(CHUNK * 4);
                    if (statement.isWrapperFor(PGStatement.class)) {
                        // Prepared on the server at once, so that payloads come in binary rather than as hex text.
                        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    }
                    statement.setLong(1, after);
                    statement.setLong(2, upTo);
                    return statement;
                }, rs -> {
                    long index = rs.getLong(1);
                    Row row = new Row(index, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
                    if (index > last[0] + 1) {
                        Instant at = IsoInstants.parse(row.timestamp);
                        if (at.isAfter(recent)) {
                            for (long gap = Math.max(last[0] + 1, index - MAX_GAP_OFFSET); gap < index; gap++) {
                                gaps.add(gap);
                            }
                        }
                    }
                    // As Axon's tokens do: gaps further back than this are given up.
                    if (!gaps.isEmpty() && gaps.first() < index - MAX_GAP_OFFSET) {
                        gaps.headSet(index - MAX_GAP_OFFSET).clear();
                    }
                    last[0] = index;
                    rows.add(row);
                    if (rows.size() == CHUNK) {
                        submit(List.copyOf(rows), pool, ahead, deserializing);
                        rows.clear();
                    }
                });
                if (!rows.isEmpty()) {
                    submit(List.copyOf(rows), pool, ahead, deserializing);
                }
            });
            put(ahead, CompletableFuture.completedFuture(new Chunk(null, last[0])));
            return new Scanned(0, Math.max(last[0], after), gaps, 0);
        } catch (RuntimeException | Error e) {
            put(ahead, CompletableFuture.failedFuture(e));
            throw e;
        }
    }

    private void submit(List<Row> rows, ExecutorService pool, BlockingQueue<CompletableFuture<Chunk>> ahead,
                        LongAdder deserializing) {
        put(ahead, CompletableFuture.supplyAsync(() -> {
            long cpu = CpuTime.ofThisThread();
            Chunk chunk = new Chunk(messages(rows), rows.get(rows.size() - 1).index);
            deserializing.add(CpuTime.ofThisThread() - cpu);
            return chunk;
        }, pool));
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scan of the event store was interrupted", e);
        }
    }

    /** The events of stored rows, through the upcasters and deserialized here (not later, on the applier's thread). */
    private List<DomainEventMessage<?>> messages(List<Row> rows) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream().map(row ->
                new Entry(row)), serializer, upcasters);
        List<DomainEventMessage<?>> events = new ArrayList<>(rows.size());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            event.getPayload();
            event.getMetaData();
            event.getTimestamp();
            events.add(event);
        }
        return events;
    }

    /** A stored event as Axon reads it, its time read by {@link IsoInstants}. */
    private static final class Entry extends GenericDomainEventEntry<byte[]> {
        private final String timestamp;

        Entry(Row row) {
            super(row.type, row.aggregate, row.sequence, row.identifier, row.timestamp, row.payloadType,
                    row.payloadRevision, row.payload, row.metaData);
            this.timestamp = row.timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return IsoInstants.parse(timestamp);
        }
    }

    private record Row(long index, String identifier, String aggregate, long sequence, String type, String timestamp,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private record Chunk(List<DomainEventMessage<?>> rows, long position) {
    }
}
