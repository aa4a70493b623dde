package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bulk replay of the read models rebuilt together: one scan of the event store feeds an applier thread per read
 * model, each of which then finishes its slot (what its {@link BulkReplay} derives, the {@link DeferredIndexes}, the
 * tables' analyses) on the cores the group shares ({@link SharedCores}), before each {@link Rebuild} tracks on to the
 * switch.
 */
final class RebuildScan {

    /** The engine's logger, under which operators find the rebuilds. */
    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    /** A bulk replay's unit of work holds this many processor batches: more rows are born and changed in one. */
    private static final int BULK_BATCHES = 10;
    /** Tasks of a rebuild's finish that run at once (one PostgreSQL backend each): one per core, at least two. */
    private static final int CORES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ReadModels readModels;
    private final TrackingProcessors processors;
    private final StoredEvents stored;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final int bulkBatchSize;

    /**
     * @param readModels the engine the scan runs for: whether it runs, and the threads of its rebuilds
     * @param batchSize  a tracking processor's batch of events
     */
    RebuildScan(ReadModels readModels, TrackingProcessors processors, StoredEvents stored,
                TransactionTemplate transactions, JdbcTemplate jdbc, Dialect dialect, Clock clock, int batchSize) {
        this.readModels = readModels;
        this.processors = processors;
        this.stored = stored;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
        this.bulkBatchSize = batchSize * BULK_BATCHES;
    }

    /**
     * The bulk of a rebuild: every stored event, read and deserialized once for all the read models being rebuilt,
     * and applied to each by a thread of its own in large batches, with the slot's secondary indexes built afterwards
     * in one pass. Then each model's tracking processor continues from where the scan ended (with its gaps) and takes
     * it to the switch.
     */
    void replay(List<Rebuild> group) {
        List<Applier> appliers = new ArrayList<>();
        try {
            long head = processors.head();
            SharedCores cores = new SharedCores(CORES);
            for (Rebuild rebuild : group) {
                DeferredIndexes indexes = DeferredIndexes.of(jdbc, dialect, rebuild.model, rebuild.slot);
                indexes.drop();
                appliers.add(new Applier(rebuild, indexes, cores));
            }
            StoredEvents.Scanned scanned = stored.scan(-1, head, clock.instant(), (events, position) -> {
                if (!readModels.isRunning()) {
                    throw new InterruptedException("the server is stopping");
                }
                for (Applier applier : appliers) {
                    applier.put(new Chunk(events, position));
                }
            });
            for (Applier applier : appliers) {
                applier.put(Chunk.END);
            }
            for (Applier applier : appliers) {
                applier.done.get();
            }
            TrackingToken token = scanned.events() == 0 ? null
                    : GapAwareTrackingToken.newInstance(scanned.position(), scanned.gaps());
            LOG.info("Replayed {} events into {} in one scan ({} ms of CPU deserializing them); tracking from {}",
                    scanned.events(), group.stream().map(r -> r.model.name()).toList(),
                    scanned.deserializing() / 1_000_000, token);
            for (Rebuild rebuild : group) {
                rebuild.replayed = scanned.position();
                rebuild.track(token);
            }
            group.forEach(rebuild -> readModels.watchers().submit(rebuild::watch));
        } catch (Exception | Error e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            LOG.error("Rebuild of {} failed", group.stream().map(r -> r.model.name()).toList(), cause);
            // Every applier stops before the rebuilds are reported failed: a retry must not meet their writes.
            appliers.forEach(Applier::abort);
            appliers.forEach(applier -> applier.done.handle((ok, error) -> null).join());
            group.forEach(r -> r.fail(String.valueOf(cause.getMessage())));
        }
    }

    /** Events of the scan on their way to one read model. {@link #END} ends them. */
    private record Chunk(List<? extends EventMessage<?>> events, long position) {
        static final Chunk END = new Chunk(null, -1);
        static final Chunk ABORT = new Chunk(null, -2);
    }

    /** Applies the scan's events to one read model being rebuilt, on a thread of its own, then builds its indexes. */
    private final class Applier {
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);
        final CompletableFuture<Void> done;

        Applier(Rebuild rebuild, DeferredIndexes indexes, SharedCores cores) {
            done = CompletableFuture.runAsync(() -> {
                String name = Thread.currentThread().getName();
                Thread.currentThread().setName(name + " " + rebuild.model.name());
                try {
                    apply(rebuild, indexes, cores);
                } finally {
                    Thread.currentThread().setName(name);
                }
            }, readModels.watchers());
        }

        private void apply(Rebuild rebuild, DeferredIndexes indexes, SharedCores cores) {
            BulkReplay bulk = rebuild.model.bulkReplay(rebuild.slot);
            // Nothing waits for the bulk's batches to reach the disk: after a crash the rebuild is started again from
            // a cleared slot (its progress lives in memory), and a batch and its rows commit or vanish together.
            Replay replay = new Replay(List.of(bulk.handler()), bulkBatchSize, transactions, dialect == Dialect.POSTGRESQL
                    ? () -> jdbc.execute("SET LOCAL synchronous_commit = off") : () -> { });
            long busy = 0;
            long cpu = CpuTime.ofThisThread();
            try {
                for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                    if (chunk == Chunk.ABORT) {
                        throw new IllegalStateException("the rebuild of " + rebuild.model.name() + " was abandoned");
                    }
                    long from = System.nanoTime();
                    if (replay.addAll(chunk.events())) {
                        rebuild.replayed = chunk.position();
                    }
                    busy += System.nanoTime() - from;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            }
            long from = System.nanoTime();
            replay.finish();
            busy += System.nanoTime() - from;
            cpu = CpuTime.ofThisThread() - cpu;
            from = System.nanoTime();
            // What derives rows after the last event is waited on by the builds of their indexes: first.
            sideBySide(bulk.finishing().stream().map(step -> new SharedCores.Task(0, () -> transactions
                    .executeWithoutResult(tx -> step.run()))).toList(), cores, SharedCores.FIRST);
            long derived = System.nanoTime() - from;
            from = System.nanoTime();
            // The heaviest builds of every model being rebuilt first, then the analyses.
            sideBySide(indexes.builds(transactions), cores, SharedCores.THEN);
            indexes.attachKeys(transactions);
            sideBySide(analyses(rebuild), cores, SharedCores.THEN);
            LOG.info("Read model {}: events applied in {} ms ({} ms of this thread's CPU), the rest derived in {} ms,"
                    + " indexes built and analyzed in {} ms", rebuild.model.name(), busy / 1_000_000, cpu / 1_000_000,
                    derived / 1_000_000, (System.nanoTime() - from) / 1_000_000);
        }

        /**
         * Runs the tasks, the heaviest first, side by side on the cores the rebuild's read models share (one
         * PostgreSQL backend each): what the bulk replay left to derive, the index builds, the tables' analyses.
         * Fails with the first task's failure once every task that started has ended.
         */
        private void sideBySide(List<SharedCores.Task> tasks, SharedCores cores, int rank) {
            // The heaviest first, of equal weight in their order.
            ConcurrentLinkedQueue<SharedCores.Task> queue = new ConcurrentLinkedQueue<>(tasks.stream()
                    .sorted(Comparator.comparingLong(SharedCores.Task::weight).reversed()).toList());
            int workers = Math.min(tasks.size(), CORES);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(CompletableFuture.runAsync(() -> {
                    for (SharedCores.Task task = queue.poll(); task != null; task = queue.poll()) {
                        try {
                            cores.run(rank, task);
                        } catch (RuntimeException | Error e) {
                            queue.clear();
                            throw e;
                        }
                    }
                }, readModels.watchers()));
            }
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** Makes the applier stop at the next chunk it takes, without applying what it holds. */
        void abort() {
            queue.clear();
            queue.offer(Chunk.ABORT);
        }

        /** Hands a chunk over, waiting while the applier is behind; fails if the applier failed. */
        void put(Chunk chunk) throws Exception {
            if (done.isCompletedExceptionally()) {
                done.get();
            }
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    done.get();
                    return;
                }
            }
        }
    }

    /**
     * What gathers the planner's statistics of the rebuilt tables, table by table, before they are read: a table
     * filled in minutes is not yet analyzed by autovacuum, and without statistics PostgreSQL would scan whole
     * tables for one learner.
     */
    private List<SharedCores.Task> analyses(Rebuild rebuild) {
        return dialect != Dialect.POSTGRESQL ? List.of() : rebuild.model.tables().stream()
                .map(table -> new SharedCores.Task(0, () -> jdbc.execute("ANALYZE " + rebuild.slot.table(table))))
                .toList();
    }
}
