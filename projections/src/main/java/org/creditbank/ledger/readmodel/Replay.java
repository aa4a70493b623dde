package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds events to projections the way a processor does — in batches, each in one unit of work whose commit flushes
 * what the batch collected. Either inside the caller's transaction (the scratch slot, whose transaction is always
 * rolled back), or each batch in a transaction of its own (a rebuild's bulk replay).
 */
public final class Replay {

    /** Events per unit of work, as a rebuilding processor batches them. */
    public static final int BATCH = 1000;

    /** The projections' handlers, called directly: no segment to match, and a failing handler fails the batch. */
    private final List<DirectHandlers> handlers;
    private final int size;
    private final TransactionTemplate transactions;
    private final Runnable beginning;
    private final List<EventMessage<?>> batch;
    private long applied;

    /** A replay in the caller's transaction, in batches of {@link #BATCH}. */
    public Replay(Object projection) {
        this(projection, BATCH);
    }

    /** A replay in the caller's transaction, in batches of {@code size}. */
    public Replay(Object projection, int size) {
        this(List.of(projection), size, null, () -> { });
    }

    /**
     * @param transactions each batch's own transaction; null for the caller's
     * @param beginning    what each batch's own transaction does first
     */
    Replay(List<?> projections, int size, TransactionTemplate transactions, Runnable beginning) {
        this.handlers = projections.stream().map(DirectHandlers::new).toList();
        this.size = size;
        this.transactions = transactions;
        this.beginning = beginning;
        this.batch = new ArrayList<>(size);
    }

    /** Adds an event; a full batch is applied. */
    public void add(EventMessage<?> event) {
        addAll(List.of(event));
    }

    /** Adds events; answers whether that filled a batch, which was then applied with every event added so far. */
    boolean addAll(List<? extends EventMessage<?>> events) {
        batch.addAll(events);
        applied += events.size();
        if (batch.size() < size) {
            return false;
        }
        flush();
        return true;
    }

    /** Applies what is left; answers how many events were applied in all. */
    public long finish() {
        flush();
        return applied;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = List.copyOf(batch);
        batch.clear();
        if (transactions == null) {
            apply(events);
        } else {
            transactions.executeWithoutResult(tx -> {
                beginning.run();
                apply(events);
            });
        }
    }

    /**
     * Hands each event to every projection, in one unit of work whose commit flushes what the batch collected; the
     * unit of work holds the batch's events ({@link PerUnitOfWork#messages}), as a processor's batching one does. One
     * unit of work for the batch, not a processing context and a recorded result per event as Axon's batching unit of
     * work keeps them: the handlers need neither. Its own message is the batch's first event, so a handler takes the
     * event it handles as its parameter, never from the unit of work.
     */
    private void apply(List<EventMessage<?>> events) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(events.get(0));
        unitOfWork.resources().put(PerUnitOfWork.BATCH, events);
        try {
            for (EventMessage<?> event : events) {
                for (DirectHandlers handler : handlers) {
                    handler.handle(event);
                }
            }
        } catch (RuntimeException | Error e) {
            try {
                unitOfWork.rollback(e);
            } catch (RuntimeException | Error rollingBack) {
                e.addSuppressed(rollingBack);
            }
            throw failed(e);
        }
        try {
            // Rolls the unit of work back itself if what the batch collected fails to be written.
            unitOfWork.commit();
        } catch (RuntimeException | Error e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(Throwable cause) {
        return new IllegalStateException("replaying events into a read model failed: " + cause.getMessage(), cause);
    }
}
