package org.creditbank.ledger.log.leaf;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.Rfc6962;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Builds the {@code ledger-leaf/v2} leaves of a batch of events, in order. Each stream's events chain to one another, so a stream's leaves
 * are built one after the other; different streams are independent, so they are built in parallel. Appending the
 * leaf hashes to the tree stays with the caller, in batch order.
 */
public final class LeafBatch {

    /** One worker per core (the common pool leaves one core idle on a small machine). */
    private static final ForkJoinPool WORKERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
            ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);

    private LeafBatch() {
    }

    /**
     * An event as stored, waiting for its leaf.
     *
     * @param metadataJson the event's metadata as stored (a JSON object), or null when it has none
     */
    public record Input(String eventId, String aggregateId, long sequenceNumber, String eventType, String recordedAt,
                        String payloadJson, String metadataJson) {
    }

    /** The leaf of an event: its data (the canonical envelope) and its RFC 6962 leaf hash. */
    public record Output(Input input, byte[] data, Hash hash) {
    }

    /**
     * The leaves of {@code inputs}, in the same order.
     *
     * @param previousOfFirst the leaf hash of the event before a stream's first event in the batch (asked only when
     *                        that event's sequence number is above 0); must not answer null
     */
    public static List<Output> build(List<Input> inputs, Function<Input, Hash> previousOfFirst) {
        Map<String, List<Integer>> streams = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            streams.computeIfAbsent(inputs.get(i).aggregateId(), k -> new ArrayList<>()).add(i);
        }
        Output[] outputs = new Output[inputs.size()];
        WORKERS.submit(() -> streams.values().parallelStream().forEach(positions -> {
            Input first = inputs.get(positions.get(0));
            Hash previous = first.sequenceNumber() == 0 ? null : previousOfFirst.apply(first);
            long expected = first.sequenceNumber();
            for (int position : positions) {
                Input event = inputs.get(position);
                if (event.sequenceNumber() != expected) {
                    throw new IllegalStateException("event " + event.eventId() + " of " + event.aggregateId()
                            + " has sequence " + event.sequenceNumber() + " where " + expected + " was due");
                }
                LeafEnvelope envelope = new LeafEnvelope(event.eventId(), event.aggregateId(),
                        event.sequenceNumber(), event.eventType(), event.recordedAt(), previous,
                        LeafEnvelope.payloadHash(event.payloadJson()), LeafMetadata.hashOfStored(event.metadataJson()));
                byte[] data = envelope.leafData();
                Hash hash = Rfc6962.leafHash(data);
                outputs[position] = new Output(event, data, hash);
                previous = hash;
                expected++;
            }
        })).join();
        return Arrays.asList(outputs);
    }
}
