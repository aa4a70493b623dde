package org.creditbank.ledger.readmodel;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rebuildable read models: runs the tracking processors of the streaming ones, and rebuilds any of them from the
 * event store into its idle slot while the live slot keeps serving, then switches.
 *
 * <p>A rebuild clears the idle slot and its processor's token, replays every event into it with a tracking processor
 * tuned for catch-up (batches of {@code batchSize} events, each written and its token stored in one transaction), and
 * switches once it has caught up: a streaming model as soon as the rebuilt slot is as far as the live one; a model
 * fed in the command's transaction while the {@link CommitGate} holds commands back, after the last event before the
 * gate is in. The slot that was live is left as it was until the next rebuild clears it.
 *
 * <p>Here: the read models, their lifecycle and their statuses, the start of rebuilds and this node's live
 * processors. A rebuild's bulk replay is {@link RebuildScan}'s, its way to the switch {@link Rebuild}'s, and the
 * tracking processors are built and read by {@link TrackingProcessors}.
 */
public class ReadModels implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    /** How often a node of several looks whether another has switched a streaming read model. */
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    private final Map<String, ReadModel> models = new LinkedHashMap<>();
    private final ReadModelSlots slots;
    private final TokenStore tokens;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final CommitGate gate;
    private final Clock clock;
    private final Dialect dialect;
    private final TrackingProcessors processors;
    private final RebuildScan scan;
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
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.gate = gate;
        this.clock = clock;
        this.dialect = dialect;
        this.processors = new TrackingProcessors(slots, events, storage, tokens, axonTransactions, jdbc, batchSize);
        this.scan = new RebuildScan(this, processors, stored, transactions, jdbc, dialect, clock, batchSize);
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
                processor == null ? null : TrackingProcessors.position(processor), rebuild, claims.holder(name));
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
            Rebuild rebuild = new Rebuild(model, target, startedAt, this, processors, slots, claims, gate, tokens,
                    transactions, jdbc, clock);
            rebuilds.put(model.name(), rebuild);
            group.add(rebuild);
            LOG.info("Rebuilding read model {} into slot {}", model.name(), target);
        }
        watchers.submit(() -> scan.replay(group));
        return group.stream().map(Rebuild::progress).toList();
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
                follow(model, slot, processors.forSlot(model, slot, model.projection(slot), false));
                if (old != null) {
                    old.shutdownAsync();
                }
            }
        }
    }

    /** Makes the processor this node's live one of the read model, writing the slot, and starts it if need be. */
    void follow(ReadModel model, Slot slot, TrackingEventProcessor processor) {
        live.put(model.name(), processor);
        liveSlots.put(model.name(), slot);
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    /** This node's live processor of the read model, if any. */
    TrackingEventProcessor liveProcessor(String name) {
        return live.get(name);
    }

    /** Cleans up after the read model's switch on a rebuild thread; its next rebuild waits for it to end. */
    void cleanUpAfterSwitch(String name, Runnable cleanUp) {
        cleanUps.put(name, CompletableFuture.runAsync(cleanUp, watchers));
    }

    /** The threads of the rebuilds and of their clean-ups (made anew at every start). */
    ExecutorService watchers() {
        return watchers;
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
                follow(model, slot, processors.forSlot(model, slot, model.projection(slot), false));
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
                // Those not yet started, all from one scan of the store; what a projection reads is switched to
                // first (a rebuilt slot read before it is filled would be read empty).
                List<String> startable = waiting.stream().filter(name -> !rebuilds.containsKey(name)
                        && model(name).reads().stream().noneMatch(waiting::contains)).toList();
                if (!startable.isEmpty()) {
                    try {
                        rebuild(startable);
                    } catch (ReadModelRefusals.RebuildInProgress elsewhere) {
                        // Another node rebuilds one of them: start the others one by one, and wait for that one.
                        for (String name : startable) {
                            try {
                                rebuild(name);
                            } catch (ReadModelRefusals.RebuildInProgress claimed) {
                                if (told.add(name)) {
                                    LOG.info("Read model {} is being rebuilt on {}: waiting for it", name,
                                            claims.holder(name));
                                }
                            }
                        }
                    }
                }
                for (String name : waiting) {
                    Rebuild rebuild = rebuilds.get(name);
                    if (rebuild != null && rebuild.state == State.FAILED) {
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
        rebuilds.values().stream().map(r -> r.processor).filter(p -> p != null)
                .forEach(TrackingEventProcessor::shutDown);
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
