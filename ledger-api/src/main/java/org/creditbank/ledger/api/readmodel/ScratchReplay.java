package org.creditbank.ledger.api.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds events to a projection the way a processor does — in batches, each in one unit of work whose commit flushes
 * what the batch collected — inside the caller's transaction. Used to build the scratch slot, whose transaction is
 * always rolled back.
 */
final class ScratchReplay {

    /** Events per unit of work, as a rebuilding processor batches them. */
    static final int BATCH = 1000;

    private final SimpleEventHandlerInvoker invoker;
    private final List<EventMessage<?>> batch = new ArrayList<>(BATCH);
    private long applied;

    ScratchReplay(Object projection) {
        this.invoker = SimpleEventHandlerInvoker.builder().eventHandlers(projection).build();
    }

    /** Adds an event; a full batch is applied. */
    void add(EventMessage<?> event) {
        batch.add(event);
        applied++;
        if (batch.size() == BATCH) {
            flush();
        }
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
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("replaying into the scratch slot failed: "
                    + result.exceptionResult().getMessage(), result.exceptionResult());
        }
    }
}
