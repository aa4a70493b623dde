package org.creditbank.ledger.api.log;

import org.creditbank.ledger.readmodel.DaemonThreads;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checkpoint signer's tick on a thread of its own while the server runs. Stopped with the server, before the
 * database goes away, and waits for a tick in progress to finish.
 */
public class CheckpointSchedule implements SmartLifecycle {

    private final CheckpointSigner signer;
    private final Duration period;
    private ScheduledExecutorService executor;

    public CheckpointSchedule(CheckpointSigner signer, Duration period) {
        this.signer = signer;
        this.period = period;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-checkpoint-signer"));
        executor.scheduleWithFixedDelay(signer::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
