package org.creditbank.ledger.api.readmodel;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds events to projections the way a processor does — in batches, each in one unit of work whose commit flushes
 * what the batch collected. Either inside the caller's transaction (the scratch slot, whose transaction is always
 * rolled back), or each batch in a transaction of its own (a rebuild's bulk replay).
 */
final class Replay {

    /** What every handler call answers. */
    private static final ResultMessage<Void> HANDLED = GenericResultMessage.asResultMessage((Void) null);

    /** Events per unit of work, as a rebuilding processor batches them. */
    static final int BATCH = 1000;

    /** The projections' handlers, called directly: no segment to match, and a failing handler fails the batch. */
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final int size;
    private final TransactionTemplate transactions;
    private final Runnable beginning;
    private final List<EventMessage<?>> batch;
    private long applied;

    /** A replay in the caller's transaction, in batches of {@link #BATCH}. */
    Replay(Object projection) {
        this(List.of(projection), BATCH, null, () -> { });
    }

    /**
     * @param transactions each batch's own transaction; null for the caller's
     * @param beginning    what each batch's own transaction does first
     */
    Replay(List<?> projections, int size, TransactionTemplate transactions, Runnable beginning) {
        this.handlers = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        this.size = size;
        this.transactions = transactions;
        this.beginning = beginning;
        this.batch = new ArrayList<>(size);
    }

    /** Adds an event; a full batch is applied. */
    void add(EventMessage<?> event) {
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
    long finish() {
        flush();
        return applied;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        batch.clear();
        if (transactions == null) {
            apply(unitOfWork);
        } else {
            transactions.executeWithoutResult(tx -> {
                beginning.run();
                apply(unitOfWork);
            });
        }
    }

    /**
     * Hands each event to every projection, in one unit of work whose commit flushes what the batch collected; the
     * unit of work's current message is the event being handled, as in a processor. Each handler call answers one
     * shared result: {@code executeWithResult} would otherwise wrap each answer in a new result message with a random
     * identifier (millions of them in a rebuild). And no {@code canHandle} first: {@code handle} already skips an
     * event its projection has no handler for.
     */
    private void apply(BatchingUnitOfWork<EventMessage<?>> unitOfWork) {
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(event);
            }
            return HANDLED;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("replaying events into a read model failed: "
                    + result.exceptionResult().getMessage(), result.exceptionResult());
        }
    }
}
