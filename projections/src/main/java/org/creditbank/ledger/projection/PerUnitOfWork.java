package org.creditbank.ledger.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State a projection collects over the unit of work that processes its events — a processor's batch, or the batch
 * nested in a command's unit of work when live — and acts on when that unit of work prepares to commit, inside its
 * transaction.
 */
public final class PerUnitOfWork {

    private PerUnitOfWork() {
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
