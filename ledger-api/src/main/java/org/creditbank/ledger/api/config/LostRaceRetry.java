package org.creditbank.ledger.api.config;

import org.creditbank.ledger.readmodel.DaemonThreads;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Repeats a command that lost a race for its aggregate's next sequence number, a few times, after 10, 20 and 40 ms.
 * Safe because every command is decided on the aggregate's current state: the lost attempt stored nothing, its cache
 * entry was dropped on rollback, and the repeat loads the stream the winner appended to and decides again (it may now
 * be refused, as it would have been had it come second). Every other failure, refusals included, is answered at once.
 * Only when every repeat loses too does the client see {@code 409 concurrent-change}.
 */
public final class LostRaceRetry implements RetryScheduler, AutoCloseable {

    static final int REPEATS = 3;
    static final long FIRST_DELAY_MILLIS = 10;

    private final ScheduledExecutorService repeats =
            Executors.newScheduledThreadPool(2, DaemonThreads.named("lost-race-retry"));
    private final RetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
            .retryExecutor(repeats).backoffFactor(FIRST_DELAY_MILLIS).maxRetryCount(REPEATS).build();

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        return isLostRace(lastFailure) && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        repeats.shutdownNow();
    }
}
