package org.creditbank.ledger.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store read straight from its storage engine, page after page, for a processor that catches up (a
 * rebuild). Axon's embedded event store serves processors that follow the head well, but hands one that is far
 * behind its events in short private streams with waits between them; this source keeps reading pages until the store
 * has nothing newer, then looks again after a short pause. Tracking tokens are the storage engine's own.
 */
public final class CatchUpSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final long IDLE_PAUSE_MILLIS = 20;

    private final EventStorageEngine engine;

    public CatchUpSource(EventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Pages(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    private final class Pages implements BlockingStream<TrackedEventMessage<?>> {
        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> peeked;

        Pages(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(next());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (next() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(IDLE_PAUSE_MILLIS)));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
            TrackedEventMessage<?> event = peeked;
            peeked = null;
            last = event.trackingToken();
            return event;
        }

        /** The next event if the store has one now, reading the next pages as needed. */
        private TrackedEventMessage<?> next() {
            if (peeked != null) {
                return peeked;
            }
            if (events == null || !events.hasNext()) {
                close();
                stream = engine.readEvents(last, false);
                events = stream.iterator();
            }
            if (events.hasNext()) {
                peeked = events.next();
            }
            return peeked;
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
                stream = null;
                events = null;
            }
        }
    }
}
