package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import org.creditbank.ledger.log.Checkpoint;
import org.creditbank.ledger.log.NoteKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Benchmarks checkpoint lag: recording as fast as the server takes it, how long until a signed checkpoint covers
 * everything recorded up to a moment. Beside it, the same with a single client (the reference). The ledger must be
 * otherwise idle: every event counts.
 *
 * <p>With several nodes of one ledger ({@code --url} and every {@code --node}) the clients are spread round-robin
 * over them. A client whose node stops answering moves on to the next node and keeps recording, so a node can be
 * killed during a case; the checkpoint is read from any node that answers.
 */
@Command(name = "bench-lag", description = "Benchmark: checkpoint lag at the highest recording rate.")
public class CheckpointLagBenchmark implements Callable<Integer> {

    @Mixin
    LedgerTarget target;

    @Option(names = "--node", paramLabel = "URL",
            description = "another node of the same ledger (repeatable); clients are spread round-robin over --url"
                    + " and these")
    List<String> moreNodes = new ArrayList<>();

    @Option(names = "--clients", defaultValue = "8", description = "concurrent clients at full rate (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds per case (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--shared-learners", paramLabel = "N", defaultValue = "0",
            description = "the clients record on N learners, each shared by clients on different nodes (default: 0,"
                    + " every client its own learner)")
    int sharedLearners;

    @Option(names = "--reference", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "measure the one-client reference first (default: ${DEFAULT-VALUE})")
    boolean reference;

    @Spec
    CommandSpec spec;

    private record Sample(long at, long value) {
    }

    @Override
    public Integer call() throws Exception {
        List<String> urls = new ArrayList<>(List.of(target.url));
        urls.addAll(moreNodes);
        LedgerNodes nodes = new LedgerNodes(target, urls);
        LedgerNodes.Client any = nodes.client(0);
        NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(any.callAny(node -> node.get("/log/key")).strip());
        PrintWriter out = spec.commandLine().getOut();
        out.println("| case | nodes | events recorded | events/s | lag p50 ms | lag p99 ms | lag max ms"
                + " | longest without a new checkpoint ms | failovers | answers not 2xx |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        if (reference) {
            out.println(run(nodes, verifier, 1, 0, "reference: one client"));
            out.flush();
        }
        String full = clients + " clients, full rate" + (sharedLearners > 0 ? ", " + sharedLearners
                + " shared learners" : "");
        out.println(run(nodes, verifier, clients, sharedLearners, full));
        out.flush();
        return 0;
    }

    private String run(LedgerNodes nodes, NoteKeys.Verifier verifier, int threads, int shared, String label)
            throws Exception {
        LedgerNodes.Client poller = nodes.client(0);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < (shared > 0 ? shared : threads); i++) {
            learners.add(poller.callAny(LedgerHttp::openAccount));
        }
        long base = awaitQuiet(poller, verifier);
        long failoversBefore = nodes.failovers();
        Refusals refusals = new Refusals();
        AtomicLong recorded = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Sample> done = new ArrayList<>();
        List<Sample> checkpoints = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> work = new ArrayList<>();
        spec.commandLine().getErr().printf("bench-lag: %s: recording for %d s from %s%n", label, seconds,
                Instant.now());
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            // Clients t and t+1 are on different nodes; with shared learners, consecutive clients share a learner.
            String learner = learners.get(shared > 0 ? (t / nodes.size()) % shared : t);
            LedgerNodes.Client client = nodes.client(t);
            String prefix = "LAG-" + start + "-" + t + "-";
            work.add(pool.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    String externalId = prefix + i++;
                    try {
                        client.call(node -> node.record(learner, externalId));
                        recorded.incrementAndGet();
                    } catch (LedgerHttp.UnexpectedStatus refused) {
                        refusals.count(refused);
                    } catch (IOException movedOn) {
                        // counted as a failover; the next recording goes to the next node
                    }
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
                checkpoints.add(new Sample(System.nanoTime(), size(poller, verifier) - base));
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
        while (size(poller, verifier) - base < total && System.nanoTime() < drainedBy) {
            checkpoints.add(new Sample(System.nanoTime(), size(poller, verifier) - base));
            Thread.sleep(20);
        }
        checkpoints.add(new Sample(System.nanoTime(), size(poller, verifier) - base));

        List<Long> lags = new ArrayList<>();
        for (Sample moment : done) {
            Sample covered = checkpoints.stream().filter(c -> c.at() >= moment.at() && c.value() >= moment.value())
                    .findFirst().orElseThrow(() -> new IllegalStateException("events never checkpointed"));
            lags.add(covered.at() - moment.at());
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        refusals.describe(spec.commandLine().getErr());
        if (!nodes.lost().isEmpty()) {
            spec.commandLine().getErr().println("bench-lag: nodes lost: " + nodes.lost());
        }
        return String.format("| %s | %d | %,d | %,.0f | %.0f | %.0f | %.0f | %.0f | %d | %s |", label,
                Math.min(threads, nodes.size()), total, total / (elapsed / 1e9), Percentiles.of(sorted, 50) / 1e6,
                Percentiles.of(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6, longestWithoutGrowth(checkpoints)
                        / 1e6, nodes.failovers() - failoversBefore, refusals);
    }

    /** The longest time between two moments the checkpoint was seen to grow (the first sample counts as one). */
    private static long longestWithoutGrowth(List<Sample> checkpoints) {
        long longest = 0;
        Sample grown = checkpoints.get(0);
        for (Sample checkpoint : checkpoints) {
            if (checkpoint.value() > grown.value()) {
                longest = Math.max(longest, checkpoint.at() - grown.at());
                grown = checkpoint;
            }
        }
        return longest;
    }

    /** Waits until the checkpoint stops growing; answers its size. */
    private static long awaitQuiet(LedgerNodes.Client poller, NoteKeys.Verifier verifier) throws Exception {
        long last = -1;
        long size = size(poller, verifier);
        while (size != last) {
            Thread.sleep(2500);
            last = size;
            size = size(poller, verifier);
        }
        return size;
    }

    private static long size(LedgerNodes.Client poller, NoteKeys.Verifier verifier) throws Exception {
        return Checkpoint.open(poller.callAny(node -> node.get("/log/checkpoint")), verifier).size();
    }

    /** The answers that were not 2xx, by status: a 409 is a race lost to another writer; a 5xx is a failure. */
    private static final class Refusals {

        private final Map<Integer, Long> counts = new TreeMap<>();
        private final Map<Integer, String> firstBodies = new TreeMap<>();

        synchronized void count(LedgerHttp.UnexpectedStatus refused) {
            counts.merge(refused.status(), 1L, Long::sum);
            firstBodies.putIfAbsent(refused.status(), refused.body());
        }

        /** Writes one body of every status seen, so a failure can be told from a refusal. */
        synchronized void describe(PrintWriter err) {
            firstBodies.forEach((status, body) -> err.printf("bench-lag: first %d answer: %s%n", status, body));
            err.flush();
        }

        @Override
        public synchronized String toString() {
            return counts.isEmpty() ? "none" : counts.entrySet().stream()
                    .map(count -> count.getKey() + " × " + count.getValue()).collect(Collectors.joining(", "));
        }
    }
}
