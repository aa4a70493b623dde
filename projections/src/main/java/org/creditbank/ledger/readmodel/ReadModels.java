package org.creditbank.ledger.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditbank.ledger.readmodel.DaemonThreads;
import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.CatchUpSource;
import org.creditbank.ledger.readmodel.CpuTime;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.creditbank.ledger.readmodel.Slot;
import org.creditbank.ledger.readmodel.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The rebuildable read models: runs the tracking processors of the streaming ones, and rebuilds any of them from the
 * event store into its idle slot while the live slot keeps serving, then switches.
 *
 * <p>A rebuild clears the idle slot and its processor's token, replays every event into it with a tracking processor
 * tuned for catch-up (batches of {@code batchSize} events, each written and its token stored in one transaction), and
 * switches once it has caught up: a streaming model as soon as the rebuilt slot is as far as the live one; a model
 * fed in the command's transaction while the {@link CommitGate} holds commands back, after the last event before the
 * gate is in. The slot that was live is left as it was until the next rebuild clears it.
 */
public class ReadModels implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    private static final Duration GATE_WAIT = Duration.ofSeconds(10);
    /** How often a node of several looks whether another has switched a streaming read model. */
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(10);
    /** A bulk replay's unit of work holds this many processor batches: more rows are born and changed in one. */
    private static final int BULK_BATCHES = 10;
    /** Tasks of a rebuild's finish that run at once (one PostgreSQL backend each): one per core, at least two. */
    private static final int CORES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Map<String, ReadModel> models = new LinkedHashMap<>();
    private final ReadModelSlots slots;
    private final EventStore events;
    private final EventStorageEngine storage;
    private final TokenStore tokens;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final CommitGate gate;
    private final Clock clock;
    private final int batchSize;
    private final Dialect dialect;
    private final StoredEvents stored;
    private final int bulkBatchSize;
    private final Map<String, TrackingEventProcessor> live = new ConcurrentHashMap<>();
    /** The slot each of this node's live processors writes. */
    private final Map<String, Slot> liveSlots = new ConcurrentHashMap<>();
    private final RebuildClaims claims;
    private final SlotSchemas schemas;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    /** Per read model, the clean-up after its last switch, still running. */
    private final Map<String, CompletableFuture<?>> cleanUps = new ConcurrentHashMap<>();
    private ExecutorService watchers;
    private ScheduledExecutorService housekeeping;
    private volatile boolean running;

    public ReadModels(List<ReadModel> models, ReadModelSlots slots, EventStore events, EventStorageEngine storage,
                      TokenStore tokens,
                      TransactionManager axonTransactions, TransactionTemplate transactions, JdbcTemplate jdbc,
                      CommitGate gate, Clock clock, int batchSize, Dialect dialect, StoredEvents stored, String node,
                      SlotSchemas schemas) {
        models.forEach(m -> this.models.put(m.name(), m));
        this.slots = slots;
        this.events = events;
        this.storage = storage;
        this.tokens = tokens;
        this.axonTransactions = axonTransactions;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.gate = gate;
        this.clock = clock;
        this.batchSize = batchSize;
        this.dialect = dialect;
        this.stored = stored;
        this.bulkBatchSize = batchSize * BULK_BATCHES;
        this.claims = new RebuildClaims(jdbc, node);
        this.schemas = schemas;
    }

    /** What a rebuild is doing. */
    public enum State { CATCHING_UP, SWITCHING, SWITCHED, FAILED }

    /**
     * A rebuild's progress.
     *
     * @param position the global index of the last event the rebuilt slot holds (-1: none yet)
     * @param head     the highest global index in the event store when asked
     */
    public record Progress(String readModel, Slot slot, State state, Instant startedAt, Instant finishedAt,
                           long position, long head, String error) {
    }

    /**
     * A read model's state: its live slot, its latest rebuild on this node, if any, and the node rebuilding it now,
     * if any (this one or another sharing the database).
     */
    public record Status(String readModel, Slot liveSlot, boolean streaming, Long livePosition, Progress rebuild,
                         String rebuildingOn) {
    }

    /** Every read model's status. */
    public List<Status> statuses() {
        // Every rebuild's progress before any live slot is read (see status(String)).
        Map<String, Progress> progress = new LinkedHashMap<>();
        models.keySet().forEach(name -> progress.put(name, progress(name)));
        return models.keySet().stream().map(name -> status(name, progress.get(name))).toList();
    }

    /** One read model's status. */
    public Status status(String name) {
        model(name);
        return status(name, progress(name));
    }

    /** Its latest rebuild's progress on this node, if any. */
    private Progress progress(String name) {
        Rebuild rebuild = rebuilds.get(name);
        return rebuild == null ? null : rebuild.progress();
    }

    /**
     * A read model's status, with its rebuild's progress read first: the live slot, read afterwards, is then the
     * rebuilt one for a rebuild seen as switched (the switch commits before the rebuild says so).
     */
    private Status status(String name, Progress rebuild) {
        TrackingEventProcessor processor = live.get(name);
        return new Status(name, slots.live(name), model(name).streaming(),
                processor == null ? null : position(processor), rebuild, claims.holder(name));
    }

    /** Whether a read model of that name exists. */
    public boolean exists(String name) {
        return models.containsKey(name);
    }

    /** The names of the read models. */
    public List<String> names() {
        return List.copyOf(models.keySet());
    }

    /**
     * Starts rebuilding a read model into its idle slot.
     *
     * @throws ReadModelRefusals.RebuildInProgress when one is already running
     */
    public Progress rebuild(String name) {
        return start("name", List.of(name)).get(0);
    }

    /**
     * Starts rebuilding read models into their idle slots, all from one scan of the event store.
     *
     * @throws ReadModelRefusals.RebuildInProgress when one of them is already being rebuilt (then none is started)
     */
    public List<Progress> rebuild(List<String> names) {
        return start("readModel", names);
    }

    /** Starts the rebuilds; {@code field} is the request field that named the read models. */
    private synchronized List<Progress> start(String field, List<String> names) {
        List<ReadModel> chosen = names.stream().distinct().map(this::model).toList();
        for (ReadModel model : chosen) {
            Rebuild running = rebuilds.get(model.name());
            if (running != null && running.active()) {
                throw new ReadModelRefusals.RebuildInProgress(field, model.name(), claims.node());
            }
        }
        // Claimed across the nodes, then cleared, before any rebuild is registered: a refusal or a failure here gives
        // every claim up and leaves none half-started.
        List<ReadModel> claimed = new ArrayList<>();
        try {
            for (ReadModel model : chosen) {
                if (!claims.claim(model.name())) {
                    String holder = claims.holder(model.name());
                    throw new ReadModelRefusals.RebuildInProgress(field, model.name(),
                            holder == null ? "another node" : holder);
                }
                claimed.add(model);
            }
            for (ReadModel model : chosen) {
                // The previous switch's clean-up (the old processor's token) must not meet this rebuild's processor.
                CompletableFuture<?> cleanUp = cleanUps.remove(model.name());
                if (cleanUp != null) {
                    cleanUp.join();
                }
            }
            for (ReadModel model : chosen) {
                clear(model, slots.live(model.name()).other());
            }
        } catch (RuntimeException refusedOrFailed) {
            claimed.forEach(model -> claims.release(model.name()));
            throw refusedOrFailed;
        }
        Instant startedAt = clock.instant();
        List<Rebuild> group = new ArrayList<>();
        for (ReadModel model : chosen) {
            Slot target = slots.live(model.name()).other();
            Rebuild rebuild = new Rebuild(model, target, startedAt);
            rebuilds.put(model.name(), rebuild);
            group.add(rebuild);
            LOG.info("Rebuilding read model {} into slot {}", model.name(), target);
        }
        watchers.submit(() -> replay(group));
        return group.stream().map(Rebuild::progress).toList();
    }

    /**
     * The bulk of a rebuild: every stored event, read and deserialized once for all the read models being rebuilt,
     * and applied to each by a thread of its own in large batches, with the slot's secondary indexes built afterwards
     * in one pass. Then each model's tracking processor continues from where the scan ended (with its gaps) and takes
     * it to the switch.
     */
    private void replay(List<Rebuild> group) {
        List<Applier> appliers = new ArrayList<>();
        try {
            long head = head();
            SharedCores cores = new SharedCores(CORES);
            for (Rebuild rebuild : group) {
                DeferredIndexes indexes = DeferredIndexes.of(jdbc, dialect, rebuild.model, rebuild.slot);
                indexes.drop();
                appliers.add(new Applier(rebuild, indexes, cores));
            }
            StoredEvents.Scanned scanned = stored.scan(-1, head, clock.instant(), (events, position) -> {
                if (!running) {
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
            group.forEach(rebuild -> watchers.submit(rebuild::watch));
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
            }, watchers);
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
            sideBySide(rebuild.analyses(), cores, SharedCores.THEN);
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
                }, watchers));
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

    ReadModel model(String name) {
        ReadModel model = models.get(name);
        if (model == null) {
            throw new ReadModelRefusals.UnknownReadModel(name);
        }
        return model;
    }

    private void clear(ReadModel model, Slot slot) {
        transactions.executeWithoutResult(tx -> {
            if (dialect == Dialect.POSTGRESQL) {
                // A replay check's snapshot may still read these tables: fail rather than wait on it.
                jdbc.execute("SET LOCAL lock_timeout = '10s'");
            }
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot));
            schemas.remake(model, slot);
        });
    }

    /**
     * On a node of several: when another node has switched a streaming read model, stops this node's processor of
     * the old slot and follows the live one (its processors of both slots are named apart, and one segment's token
     * is claimed by one node at a time, so any node may carry on after a node's death).
     */
    private synchronized void followSwitches() {
        if (!running) {
            return;
        }
        for (ReadModel model : models.values()) {
            Rebuild rebuild = rebuilds.get(model.name());
            if (!model.streaming() || rebuild != null && rebuild.active()) {
                continue;
            }
            Slot slot = slots.live(model.name());
            if (slot != liveSlots.get(model.name())) {
                LOG.info("Read model {} was switched to slot {} by another node: following it", model.name(), slot);
                TrackingEventProcessor old = live.get(model.name());
                follow(model, slot, processor(model, slot, model.projection(slot), false));
                if (old != null) {
                    old.shutdownAsync();
                }
            }
        }
    }

    private void follow(ReadModel model, Slot slot, TrackingEventProcessor processor) {
        live.put(model.name(), processor);
        liveSlots.put(model.name(), slot);
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    private TrackingEventProcessor processor(ReadModel model, Slot slot, Object handler, boolean catchingUp) {
        String name = model.processor(slot);
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(catchingUp ? new CatchUpSource(storage, events) : events)
                .tokenStore(tokens)
                .transactionManager(axonTransactions)
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(model.segments())
                        .andInitialSegmentsCount(model.segments())
                        .andBatchSize(batchSize)
                        .andThreadFactory(DaemonThreads::named)
                        // A processor starts from the first event only for a live slot without a token (a new
                        // store): one of a slot another node has switched away from, whose token is gone, stops.
                        .andInitialTrackingToken(source -> {
                            if (slots.live(model.name()) != slot) {
                                throw new IllegalStateException("slot " + slot + " of read model " + model.name()
                                        + " is not live: its processor on this node stops");
                            }
                            return source.createTailToken();
                        }))
                .build();
    }

    private static long position(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong position = segment.getCurrentPosition();
            lowest = Math.min(lowest, position.isPresent() ? position.getAsLong() : -1);
        }
        return lowest;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /** Whether every segment has processed every stored event up to {@code head}, gaps included. */
    private boolean reached(TrackingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (head < 0) {
            return !status.isEmpty();
        }
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            TrackingToken token = segment.getTrackingToken();
            if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getIndex() < head) {
                return false;
            }
            for (long gap : gapAware.getGaps()) {
                Integer stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index = ?",
                        Integer.class, gap);
                if (stored != null && stored > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private final class Rebuild {
        final ReadModel model;
        final Slot slot;
        final Object handler;
        volatile TrackingEventProcessor processor;
        /** The last event of the bulk replay applied (before the processor takes over). */
        volatile long replayed = -1;
        final Instant startedAt;
        volatile Instant finishedAt;
        volatile State state = State.CATCHING_UP;
        volatile String error;
        /** Where the processor stood when it stopped (it answers nothing once stopped). */
        volatile Long stoppedAt;
        /** Once set, the processor handles no more events (set when its slot goes live). */
        final AtomicBoolean fenced = new AtomicBoolean();

        Rebuild(ReadModel model, Slot slot, Instant startedAt) {
            this.model = model;
            this.slot = slot;
            this.handler = model.projection(slot);
            this.startedAt = startedAt;
        }

        /** Whether it is still under way. */
        boolean active() {
            return state == State.CATCHING_UP || state == State.SWITCHING;
        }

        Progress progress() {
            TrackingEventProcessor following = processor;
            return new Progress(model.name(), slot, state, startedAt, finishedAt,
                    stoppedAt != null ? stoppedAt : following == null ? replayed : position(following), head(), error);
        }

        /** Continues from the end of the bulk replay with a tracking processor, and watches it to the switch. */
        void track(TrackingToken token) {
            // Initialized and claimed for this node at once: no other node's processor of this slot (one that has
            // not yet noticed an earlier switch) takes a segment over.
            transactions.executeWithoutResult(tx -> {
                tokens.initializeTokenSegments(model.processor(slot), model.segments(), token);
                for (int segment : tokens.fetchSegments(model.processor(slot))) {
                    tokens.fetchToken(model.processor(slot), segment);
                }
            });
            TrackingEventProcessor following = processor(model, slot, handler, true);
            following.registerHandlerInterceptor((unitOfWork, chain) -> fenced.get() ? null : chain.proceed());
            processor = following;
            following.start();
        }

        void watch() {
            try {
                while (running && state != State.FAILED && !switched()) {
                    if (processor.isError()) {
                        LOG.warn("Rebuild of {} is retrying after an error", model.name());
                    }
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("the server stopped before the rebuild finished");
            } catch (RuntimeException e) {
                LOG.error("Rebuild of {} failed", model.name(), e);
                fail(e.getMessage());
            }
        }

        void fail(String reason) {
            TrackingEventProcessor following = processor;
            stoppedAt = following == null ? replayed : position(following);
            error = reason;
            state = State.FAILED;
            finishedAt = clock.instant();
            claims.release(model.name());
            if (following != null) {
                following.shutDown();
            }
        }

        /** Switches if caught up (the bulk replay has built and analyzed the slot before tracking); false to wait. */
        private boolean switched() throws InterruptedException {
            if (model.streaming()) {
                TrackingEventProcessor old = live.get(model.name());
                // As far as the store's head (not Axon's "caught up", which it reports only after a second without
                // events) and as far as the live processor.
                if (!reached(processor, head()) || old != null && position(processor) < position(old)) {
                    return false;
                }
                state = State.SWITCHING;
                switchTo();
                follow(model, slot, processor);
                done();
                if (old != null) {
                    // A stopping processor finishes its wait for events first: not on the switch's time.
                    cleanUps.put(model.name(), CompletableFuture.runAsync(() -> {
                        old.shutDown();
                        transactions.executeWithoutResult(tx -> jdbc.update(
                                "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot.other())));
                    }, watchers));
                }
                return true;
            }
            if (!reached(processor, head())) {
                return false;
            }
            state = State.SWITCHING;
            boolean[] switched = {false};
            boolean closed = gate.whileClosed(GATE_WAIT, () -> {
                long head = head();
                long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
                while (!reached(processor, head)) {
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    LockSupport.parkNanos(1_000_000);
                }
                // Fenced before the switch: from the switch on, the command's own transaction writes this slot, and the
                // rebuilding processor handles nothing more (stopping it waits for its poll, so it stops afterwards).
                stoppedAt = position(processor);
                fenced.set(true);
                switchTo();
                switched[0] = true;
            });
            if (!closed) {
                state = State.CATCHING_UP;
                return false;
            }
            if (!switched[0]) {
                throw new IllegalStateException("the rebuilt slot did not take in the last events within "
                        + DRAIN_WAIT.toSeconds() + " s while commands were held");
            }
            done();
            cleanUps.put(model.name(), CompletableFuture.runAsync(() -> {
                processor.shutDown();
                transactions.executeWithoutResult(tx -> jdbc.update(
                        "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot)));
            }, watchers));
            return true;
        }

        /**
         * What gathers the planner's statistics of the rebuilt tables, table by table, before they are read: a table
         * filled in minutes is not yet analyzed by autovacuum, and without statistics PostgreSQL would scan whole
         * tables for one learner.
         */
        List<SharedCores.Task> analyses() {
            return dialect != Dialect.POSTGRESQL ? List.of() : model.tables().stream()
                    .map(table -> new SharedCores.Task(0, () -> jdbc.execute("ANALYZE " + slot.table(table))))
                    .toList();
        }

        private void switchTo() {
            transactions.executeWithoutResult(tx -> slots.switchTo(model.name(), slot, clock.instant()));
            LOG.info("Read model {} now serves slot {}", model.name(), slot);
        }

        private void done() {
            finishedAt = clock.instant();
            state = State.SWITCHED;
            claims.release(model.name());
        }
    }

    @Override
    public synchronized void start() {
        watchers = Executors.newCachedThreadPool(DaemonThreads.named("read-model-rebuild"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("read-model-claims"));
        running = true;
        Set<String> stale = schemas.stale();
        for (ReadModel model : models.values()) {
            if (model.streaming() && !stale.contains(model.name())) {
                Slot slot = slots.live(model.name());
                follow(model, slot, processor(model, slot, model.projection(slot), false));
            }
        }
        housekeeping.scheduleWithFixedDelay(quietly(() -> rebuilds.values().stream().filter(Rebuild::active)
                        .forEach(rebuild -> claims.renew(rebuild.model.name()))),
                RebuildClaims.RENEWAL.toMillis(), RebuildClaims.RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        if (slots.shared()) {
            housekeeping.scheduleWithFixedDelay(quietly(this::followSwitches), FOLLOW_INTERVAL.toMillis(),
                    FOLLOW_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!stale.isEmpty()) {
            rebuildBeforeServing(stale);
        }
    }

    /**
     * Rebuilds the read models whose live slot was made from another template, or never filled, and waits until each
     * serves a slot made and filled as declared: before the web server starts, so this node never answers from them.
     * Another node already rebuilding one is waited for (or, if it dies, taken over once its claim lapses).
     */
    private void rebuildBeforeServing(Set<String> stale) {
        LOG.info("Read models {} were made from another template, or never filled: rebuilding them before serving",
                stale);
        Set<String> told = new java.util.HashSet<>();
        try {
            while (true) {
                List<String> waiting = stale.stream().filter(name -> !schemas.current(model(name),
                        slots.live(name))).toList();
                if (waiting.isEmpty()) {
                    return;
                }
                for (String name : waiting) {
                    Rebuild rebuild = rebuilds.get(name);
                    if (rebuild == null) {
                        try {
                            rebuild(name);
                        } catch (ReadModelRefusals.RebuildInProgress elsewhere) {
                            if (told.add(name)) {
                                LOG.info("Read model {} is being rebuilt on {}: waiting for it", name,
                                        claims.holder(name));
                            }
                        }
                    } else if (rebuild.state == State.FAILED) {
                        throw new IllegalStateException("read model " + name + " could not be rebuilt: "
                                + rebuild.error);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while rebuilding read models " + stale, e);
        }
    }

    /** Before the web server starts (Spring Boot's is at {@code DEFAULT_PHASE - 2048}), after Axon's processors. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void stop() {
        running = false;
        housekeeping.shutdownNow();
        watchers.shutdownNow();
        rebuilds.values().stream().map(r -> r.processor).filter(p -> p != null).forEach(TrackingEventProcessor::shutDown);
        live.values().forEach(TrackingEventProcessor::shutDown);
        live.clear();
    }

    /** A periodic task that logs a failure (the database away, say) and runs again next time. */
    private static Runnable quietly(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Read-model housekeeping failed; trying again: {}", e.getMessage());
            }
        };
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
