package org.creditbank.ledger.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The tracking processors of the read models' slots: one built for a slot, live or catching up after a bulk replay,
 * and how far one has come — its position, and whether it has reached the event store's head.
 */
final class TrackingProcessors {

    private final ReadModelSlots slots;
    private final EventStore events;
    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final TransactionManager axonTransactions;
    private final JdbcTemplate jdbc;
    private final int batchSize;

    TrackingProcessors(ReadModelSlots slots, EventStore events, EventStorageEngine storage, TokenStore tokens,
                       TransactionManager axonTransactions, JdbcTemplate jdbc, int batchSize) {
        this.slots = slots;
        this.events = events;
        this.storage = storage;
        this.tokens = tokens;
        this.axonTransactions = axonTransactions;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    /**
     * A processor of a read model's slot that feeds the handler, in batches of {@code batchSize} events; one
     * {@code catchingUp} reads the storage engine page after page ({@link CatchUpSource}).
     */
    TrackingEventProcessor forSlot(ReadModel model, Slot slot, Object handler, boolean catchingUp) {
        String name = model.processor(slot);
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(catchingUp ? new CatchUpSource(storage, events) : events)
                .tokenStore(tokens)
                .transactionManager(axonTransactions)
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(model.segments())
                        .andInitialSegmentsCount(model.segments())
                        .andBatchSize(batchSize)
                        .andThreadFactory(DaemonThreads::named)
                        // A processor starts from the first event only for a live slot without a token (a new
                        // store): one of a slot another node has switched away from, whose token is gone, stops.
                        .andInitialTrackingToken(source -> {
                            if (slots.live(model.name()) != slot) {
                                throw new IllegalStateException("slot " + slot + " of read model " + model.name()
                                        + " is not live: its processor on this node stops");
                            }
                            return source.createTailToken();
                        }))
                .build();
    }

    /** The global index of the last event every segment has processed; -1 when none has, or none is claimed. */
    static long position(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            lowest = Math.min(lowest, position.isPresent() ? position.getAsLong() : -1);
        }
        return lowest;
    }

    /** The highest global index in the event store; -1 when it holds none. */
    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Whether every segment has processed every stored event up to {@code head}, gaps included. */
    boolean reached(TrackingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (head < 0) {
            return !status.isEmpty();
        }
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            TrackingToken token = segment.getTrackingToken();
            if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getIndex() < head) {
                return false;
            }
            for (long gap : gapAware.getGaps()) {
                Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = ?",
                        Integer.class, gap);
                if (stored != null && stored > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
