package org.creditbank.ledger.readmodel;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State a projection collects over the unit of work that processes its events — a processor's batch, or the batch
 * nested in a command's unit of work when live — and acts on when that unit of work prepares to commit, inside its
 * transaction.
 */
public final class PerUnitOfWork {

    /** The resource under which a replay's unit of work holds the events of its batch. */
    public static final String BATCH = PerUnitOfWork.class.getName() + ".batch";

    private PerUnitOfWork() {
    }

    /** The messages the unit of work processes: a processor's or a replay's batch, or its one message. */
    public static List<? extends Message<?>> messages(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> batch = unitOfWork.getResource(BATCH);
        if (batch != null) {
            return batch;
        }
        return unitOfWork instanceof BatchingUnitOfWork<?> processing ? processing.getMessages()
                : List.of(unitOfWork.getMessage());
    }

    /**
     * The state under {@code key} in the current unit of work, created (with {@code onCommit} registered for it) on
     * first use; null outside a unit of work.
     */
    public static <T> T state(String key, Supplier<T> create, Consumer<T> onCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> processing = CurrentUnitOfWork.get();
        return processing.getOrComputeResource(key, k -> {
            T created = create.get();
            processing.onPrepareCommit(u -> onCommit.accept(created));
            return created;
        });
    }
}
