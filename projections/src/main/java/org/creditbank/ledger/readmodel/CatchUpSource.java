package org.creditbank.ledger.readmodel;

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
 * rebuild), then followed like any live processor follows it. Axon's embedded event store serves processors that
 * follow the head well, but hands one that is far behind its events in short private streams with waits between them;
 * this source keeps reading pages until the store has nothing newer, then hands over to the embedded store's stream
 * from where it got to, which a processor that stays live after its rebuild then reads as every live processor does
 * (where this source read the storage engine every 20 ms for as long as the server ran). Tracking tokens are the
 * storage engine's own, which the embedded store also uses; while the gaps a rebuilt token carries differ from those
 * of the embedded store's shared stream, that stream reads the storage engine for it about once a second of waiting.
 */
public final class CatchUpSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine engine;
    private final StreamableMessageSource<TrackedEventMessage<?>> following;

    /** @param following what follows the head once caught up: the embedded event store over {@code engine} */
    public CatchUpSource(EventStorageEngine engine, StreamableMessageSource<TrackedEventMessage<?>> following) {
        this.engine = engine;
        this.following = following;
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
        /** The embedded store's stream, once the pages have caught up with the head. */
        private BlockingStream<TrackedEventMessage<?>> live;

        Pages(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return live != null ? live.peek() : Optional.ofNullable(next());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return paged() || live.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            if (!paged()) {
                return live.nextAvailable();
            }
            TrackedEventMessage<?> event = peeked;
            peeked = null;
            last = event.trackingToken();
            return event;
        }

        /** Whether the next event comes from the pages; if not, the embedded store's stream has taken over. */
        private boolean paged() {
            return live == null && next() != null;
        }

        /**
         * The next event if the store has one now, reading the next pages as needed; null once a page comes back
         * empty, the stream then handed over to the embedded store's.
         */
        private TrackedEventMessage<?> next() {
            if (peeked != null) {
                return peeked;
            }
            if (events == null || !events.hasNext()) {
                closePage();
                stream = engine.readEvents(last, false);
                events = stream.iterator();
            }
            if (events.hasNext()) {
                peeked = events.next();
            } else {
                closePage();
                live = following.openStream(last);
            }
            return peeked;
        }

        private void closePage() {
            if (stream != null) {
                stream.close();
                stream = null;
                events = null;
            }
        }

        @Override
        public void close() {
            closePage();
            if (live != null) {
                live.close();
            }
        }
    }
}
