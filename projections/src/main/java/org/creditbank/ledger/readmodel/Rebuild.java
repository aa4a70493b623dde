package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.creditbank.ledger.readmodel.ReadModels.Progress;
import org.creditbank.ledger.readmodel.ReadModels.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.creditbank.ledger.readmodel.TrackingProcessors.position;

/**
 * One read model's rebuild into its idle slot, from the end of the bulk replay ({@link RebuildScan}) to the switch: a
 * tracking processor takes the slot on to the store's head, and the read model switches to it — a streaming one once
 * the slot is as far as the live one, one fed in the command's transaction while the {@link CommitGate} holds
 * commands back. Until it has switched or failed, its read model's rebuild claim is held.
 */
final class Rebuild {

    /** The engine's logger, under which operators find the rebuilds. */
    private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
    private static final Duration GATE_WAIT = Duration.ofSeconds(10);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(10);

    final ReadModel model;
    final Slot slot;
    private final Object handler;
    volatile TrackingEventProcessor processor;
    /** The last event of the bulk replay applied (before the processor takes over). */
    volatile long replayed = -1;
    private final Instant startedAt;
    private volatile Instant finishedAt;
    volatile State state = State.CATCHING_UP;
    volatile String error;
    /** Where the processor stood when it stopped (it answers nothing once stopped). */
    private volatile Long stoppedAt;
    /** Once set, the processor handles no more events (set when its slot goes live). */
    private final AtomicBoolean fenced = new AtomicBoolean();

    private final ReadModels readModels;
    private final TrackingProcessors processors;
    private final ReadModelSlots slots;
    private final RebuildClaims claims;
    private final CommitGate gate;
    private final TokenStore tokens;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** @param readModels the engine it switches and reports to: whether it runs, its live processors */
    Rebuild(ReadModel model, Slot slot, Instant startedAt, ReadModels readModels, TrackingProcessors processors,
            ReadModelSlots slots, RebuildClaims claims, CommitGate gate, TokenStore tokens,
            TransactionTemplate transactions, JdbcTemplate jdbc, Clock clock) {
        this.model = model;
        this.slot = slot;
        this.handler = model.projection(slot);
        this.startedAt = startedAt;
        this.readModels = readModels;
        this.processors = processors;
        this.slots = slots;
        this.claims = claims;
        this.gate = gate;
        this.tokens = tokens;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether it is still under way. */
    boolean active() {
        return state == State.CATCHING_UP || state == State.SWITCHING;
    }

    Progress progress() {
        TrackingEventProcessor following = processor;
        return new Progress(model.name(), slot, state, startedAt, finishedAt,
                stoppedAt != null ? stoppedAt : following == null ? replayed : position(following), processors.head(),
                error);
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
        TrackingEventProcessor following = processors.forSlot(model, slot, handler, true);
        following.registerHandlerInterceptor((unitOfWork, chain) -> fenced.get() ? null : chain.proceed());
        processor = following;
        following.start();
    }

    void watch() {
        try {
            while (readModels.isRunning() && state != State.FAILED && !switched()) {
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
            TrackingEventProcessor old = readModels.liveProcessor(model.name());
            // As far as the store's head (not Axon's "caught up", which it reports only after a second without
            // events) and as far as the live processor.
            if (!processors.reached(processor, processors.head())
                    || old != null && position(processor) < position(old)) {
                return false;
            }
            state = State.SWITCHING;
            switchTo();
            readModels.follow(model, slot, processor);
            done();
            if (old != null) {
                // A stopping processor finishes its wait for events first: not on the switch's time.
                readModels.cleanUpAfterSwitch(model.name(), () -> {
                    old.shutDown();
                    transactions.executeWithoutResult(tx -> jdbc.update(
                            "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot.other())));
                });
            }
            return true;
        }
        if (!processors.reached(processor, processors.head())) {
            return false;
        }
        state = State.SWITCHING;
        boolean[] switched = {false};
        boolean closed = gate.whileClosed(GATE_WAIT, () -> {
            long head = processors.head();
            long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
            while (!processors.reached(processor, head)) {
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
        readModels.cleanUpAfterSwitch(model.name(), () -> {
            processor.shutDown();
            transactions.executeWithoutResult(tx -> jdbc.update(
                    "DELETE FROM token_entry WHERE processor_name = ?", model.processor(slot)));
        });
        return true;
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
