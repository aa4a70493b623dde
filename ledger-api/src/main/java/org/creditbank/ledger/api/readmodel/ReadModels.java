package org.creditbank.ledger.api.readmodel;

import org.axonframework.common.transaction.TransactionManager;
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
import org.creditbank.ledger.api.config.DaemonThreads;
import org.creditbank.ledger.projection.CatchUpSource;
import org.creditbank.ledger.projection.Dialect;
import org.creditbank.ledger.projection.ReadModelSlots;
import org.creditbank.ledger.projection.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(10);

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
    private final Map<String, TrackingEventProcessor> live = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private ExecutorService watchers;
    private volatile boolean running;

    public ReadModels(List<ReadModel> models, ReadModelSlots slots, EventStore events, EventStorageEngine storage,
                      TokenStore tokens,
                      TransactionManager axonTransactions, TransactionTemplate transactions, JdbcTemplate jdbc,
                      CommitGate gate, Clock clock, int batchSize, Dialect dialect) {
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

    /** A read model's state: its live slot and its latest rebuild, if any. */
    public record Status(String readModel, Slot liveSlot, boolean streaming, Long livePosition, Progress rebuild) {
    }

    /** Every read model's status. */
    public List<Status> statuses() {
        return models.keySet().stream().map(this::status).toList();
    }

    /** One read model's status. */
    public Status status(String name) {
        ReadModel model = model(name);
        TrackingEventProcessor processor = live.get(name);
        Rebuild rebuild = rebuilds.get(name);
        return new Status(name, slots.live(name), model.streaming(),
                processor == null ? null : position(processor), rebuild == null ? null : rebuild.progress());
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
    public synchronized Progress rebuild(String name) {
        ReadModel model = model(name);
        Rebuild running = rebuilds.get(name);
        if (running != null && (running.state == State.CATCHING_UP || running.state == State.SWITCHING)) {
            throw new ReadModelRefusals.RebuildInProgress(name);
        }
        Slot target = slots.live(name).other();
        clear(model, target);
        TrackingEventProcessor processor = processor(model, target, true);
        AtomicBoolean fenced = new AtomicBoolean();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> fenced.get() ? null : chain.proceed());
        Rebuild rebuild = new Rebuild(model, target, processor, fenced, clock.instant());
        rebuilds.put(name, rebuild);
        processor.start();
        watchers.submit(rebuild::watch);
        LOG.info("Rebuilding read model {} into slot {}", name, target);
        return rebuild.progress();
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
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot));
            clearTables(jdbc, dialect, model, slot);
        });
    }

    /** Empties a slot's tables, in the caller's transaction. */
    static void clearTables(JdbcTemplate jdbc, Dialect dialect, ReadModel model, Slot slot) {
        if (dialect == Dialect.POSTGRESQL) {
            jdbc.execute("TRUNCATE TABLE " + String.join(", ", model.tables().stream().map(slot::table).toList()));
        } else {
            model.tables().forEach(table -> jdbc.execute("DELETE FROM " + slot.table(table)));
        }
    }

    private TrackingEventProcessor processor(ReadModel model, Slot slot, boolean catchingUp) {
        String name = model.processor(slot);
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(model.handler().apply(slot))
                        .build())
                .messageSource(catchingUp ? new CatchUpSource(storage) : events)
                .tokenStore(tokens)
                .transactionManager(axonTransactions)
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(model.segments())
                        .andInitialSegmentsCount(model.segments())
                        .andBatchSize(batchSize)
                        .andThreadFactory(DaemonThreads::named))
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
        final TrackingEventProcessor processor;
        final Instant startedAt;
        volatile Instant finishedAt;
        volatile State state = State.CATCHING_UP;
        volatile String error;
        /** Where the processor stood when it stopped (it answers nothing once stopped). */
        volatile Long stoppedAt;
        private boolean analyzed;
        /** Once set, the processor handles no more events (set when its slot goes live). */
        final AtomicBoolean fenced;

        Rebuild(ReadModel model, Slot slot, TrackingEventProcessor processor, AtomicBoolean fenced,
                Instant startedAt) {
            this.model = model;
            this.slot = slot;
            this.processor = processor;
            this.fenced = fenced;
            this.startedAt = startedAt;
        }

        Progress progress() {
            return new Progress(model.name(), slot, state, startedAt, finishedAt,
                    stoppedAt != null ? stoppedAt : position(processor), head(), error);
        }

        void watch() {
            try {
                while (running && !switched()) {
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

        private void fail(String reason) {
            stoppedAt = position(processor);
            error = reason;
            state = State.FAILED;
            finishedAt = clock.instant();
            processor.shutDown();
        }

        /** Switches if caught up; false to keep waiting. */
        private boolean switched() throws InterruptedException {
            if (!analyzed && caughtUp()) {
                analyze();
                return false;
            }
            if (!analyzed) {
                return false;
            }
            if (model.streaming()) {
                TrackingEventProcessor old = live.get(model.name());
                if (!caughtUp() || old != null && position(processor) < position(old)) {
                    return false;
                }
                state = State.SWITCHING;
                switchTo();
                live.put(model.name(), processor);
                done();
                if (old != null) {
                    // A stopping processor finishes its wait for events first: not on the switch's time.
                    watchers.submit(() -> {
                        old.shutDown();
                        transactions.executeWithoutResult(tx -> jdbc.update(
                                "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot.other())));
                    });
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
            watchers.submit(() -> {
                processor.shutDown();
                transactions.executeWithoutResult(tx -> jdbc.update(
                        "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot)));
            });
            return true;
        }

        private boolean caughtUp() {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }

        /**
         * Gathers the planner's statistics of the rebuilt tables before they are read: a table filled in minutes is
         * not yet analyzed by autovacuum, and without statistics PostgreSQL would scan whole tables for one learner.
         */
        private void analyze() {
            if (dialect == Dialect.POSTGRESQL) {
                model.tables().forEach(table -> jdbc.execute("ANALYZE " + slot.table(table)));
            }
            analyzed = true;
        }

        private void switchTo() {
            transactions.executeWithoutResult(tx -> slots.switchTo(model.name(), slot, clock.instant()));
            LOG.info("Read model {} now serves slot {}", model.name(), slot);
        }

        private void done() {
            finishedAt = clock.instant();
            state = State.SWITCHED;
        }
    }

    @Override
    public synchronized void start() {
        watchers = Executors.newCachedThreadPool(DaemonThreads.named("read-model-rebuild"));
        running = true;
        for (ReadModel model : models.values()) {
            if (model.streaming()) {
                TrackingEventProcessor processor = processor(model, slots.live(model.name()), false);
                live.put(model.name(), processor);
                processor.start();
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        watchers.shutdownNow();
        rebuilds.values().forEach(r -> r.processor.shutDown());
        live.values().forEach(TrackingEventProcessor::shutDown);
        live.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
