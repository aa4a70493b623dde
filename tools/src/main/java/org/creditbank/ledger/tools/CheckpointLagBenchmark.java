package org.creditbank.ledger.tools;

import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.NoteKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks checkpoint lag: recording as fast as the server takes it, how long until a signed checkpoint covers
 * everything recorded up to a moment. Beside it, the same with a single client (the reference). The ledger must be
 * otherwise idle: every event counts.
 */
@Command(name = "bench-lag", description = "Benchmark: checkpoint lag at the highest recording rate.")
class CheckpointLagBenchmark implements Callable<Integer> {

    @Mixin
    LedgerTarget target;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent clients at full rate (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds per case (default: ${DEFAULT-VALUE})")
    int seconds;

    @Spec
    CommandSpec spec;

    private record Sample(long at, long value) {
    }

    @Override
    public Integer call() throws Exception {
        LedgerHttp ledger = target.ledger();
        NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(ledger.get("/log/key").strip());
        PrintWriter out = spec.commandLine().getOut();
        out.println("| case | events recorded | events/s | lag p50 ms | lag p99 ms | lag max ms |");
        out.println("|---|---:|---:|---:|---:|---:|");
        out.println(run(ledger, verifier, 1, "reference: one client"));
        out.println(run(ledger, verifier, clients, clients + " clients, full rate"));
        out.flush();
        return 0;
    }

    private String run(LedgerHttp ledger, NoteKeys.Verifier verifier, int threads, String label) throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            learners.add(ledger.openAccount());
        }
        long base = awaitQuiet(ledger, verifier);
        AtomicLong recorded = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Sample> done = new ArrayList<>();
        List<Sample> checkpoints = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String learner = learners.get(t);
            work.add(pool.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    ledger.record(learner, "LAG-" + start + "-" + i++);
                    recorded.incrementAndGet();
                }
                return null;
            }));
        }
        work.add(pool.submit(() -> {
            while (!stop.get()) {
                long now = System.nanoTime();
                synchronized (done) {
                    done.add(new Sample(now, recorded.get()));
                }
                checkpoints.add(new Sample(System.nanoTime(), size(ledger, verifier) - base));
                Thread.sleep(20);
            }
            return null;
        }));
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> future : work) {
            future.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long total = recorded.get();
        long elapsed = System.nanoTime() - start;
        long drainedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (size(ledger, verifier) - base < total && System.nanoTime() < drainedBy) {
            checkpoints.add(new Sample(System.nanoTime(), size(ledger, verifier) - base));
            Thread.sleep(20);
        }
        checkpoints.add(new Sample(System.nanoTime(), size(ledger, verifier) - base));

        List<Long> lags = new ArrayList<>();
        for (Sample moment : done) {
            Sample covered = checkpoints.stream().filter(c -> c.at() >= moment.at() && c.value() >= moment.value())
                    .findFirst().orElseThrow(() -> new IllegalStateException("events never checkpointed"));
            lags.add(covered.at() - moment.at());
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("| %s | %,d | %,.0f | %.0f | %.0f | %.0f |", label, total, total / (elapsed / 1e9),
                Percentiles.of(sorted, 50) / 1e6, Percentiles.of(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Waits until the checkpoint stops growing; answers its size. */
    private static long awaitQuiet(LedgerHttp ledger, NoteKeys.Verifier verifier) throws Exception {
        long last = -1;
        long size = size(ledger, verifier);
        while (size != last) {
            Thread.sleep(2500);
            last = size;
            size = size(ledger, verifier);
        }
        return size;
    }

    private static long size(LedgerHttp ledger, NoteKeys.Verifier verifier) throws Exception {
        return Checkpoint.open(ledger.get("/log/checkpoint"), verifier).size();
    }
}
