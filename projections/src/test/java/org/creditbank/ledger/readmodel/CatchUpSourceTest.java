package org.creditbank.ledger.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilding processor reads the store page after page until it has caught up, then follows the embedded event
 * store like any live processor: it does not keep polling the storage engine once its slot is live.
 */
class CatchUpSourceTest {

    @Test
    void reads_pages_until_caught_up_then_follows_the_embedded_store_without_polling_the_engine() throws Exception {
        CountingEngine engine = new CountingEngine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            store.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));
            CatchUpSource source = new CatchUpSource(engine, store);
            try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
                assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
                int pages = engine.pages.get();

                store.publish(GenericEventMessage.asEventMessage("third"));
                assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("third");
                assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();

                assertThat(engine.pages.get()).as("pages read by the source after it caught up").isEqualTo(pages);
            }
        } finally {
            store.shutDown();
        }
    }

    /** Counts the pages read without blocking: the source's reads (the embedded store's producer may block). */
    private static final class CountingEngine extends InMemoryEventStorageEngine {
        final AtomicInteger pages = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            if (!mayBlock) {
                pages.incrementAndGet();
            }
            return super.readEvents(token, mayBlock);
        }
    }
}
