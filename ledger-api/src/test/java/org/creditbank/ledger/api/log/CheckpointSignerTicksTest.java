package org.creditbank.ledger.api.log;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.Rfc6962;
import org.creditbank.ledger.projection.log.JdbcLogStore;
import org.creditbank.ledger.projection.log.JdbcLogStore.StoredCheckpoint;
import org.creditbank.ledger.api.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signer's tick runs forty times per interval, but looks at the log (a transaction and two queries) only when it
 * may sign: an idle server does not query its database at every tick.
 */
class CheckpointSignerTicksTest {

    private static final String ORIGIN = "ledger.creditbank.local/log";
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration TICK = INTERVAL.dividedBy(40);
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Hash ROOT = Rfc6962.sha256(new byte[] {7});

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(START);
    private final LogAsSeen log = new LogAsSeen();

    @Test
    void an_idle_signer_looks_at_the_log_once_per_interval_not_at_every_tick() {
        log.latest = signedAt(START.minusSeconds(60));
        CheckpointSigner signer = signer();

        ticks(signer, 40 * 3);

        // The first tick, then once per interval: three looks in three intervals' 120 ticks.
        assertThat(log.looks).isEqualTo(3);
    }

    @Test
    void leaves_appended_on_this_node_are_looked_at_by_the_next_tick() {
        log.latest = signedAt(START.minusSeconds(60));
        CheckpointSigner signer = signer();
        assertThat(looksAfter(signer, 1)).isEqualTo(1);

        assertThat(looksAfter(signer, 5)).isEqualTo(1);
        signer.appended();
        assertThat(looksAfter(signer, 1)).isEqualTo(2);
        assertThat(looksAfter(signer, 5)).isEqualTo(2);
    }

    @Test
    void no_tick_looks_before_an_interval_has_passed_since_the_latest_checkpoint() {
        log.latest = signedAt(START);
        CheckpointSigner signer = signer();
        assertThat(looksAfter(signer, 1)).isEqualTo(1);

        // Appended at once, but the latest checkpoint is younger than an interval: nothing to do until it is not.
        signer.appended();
        assertThat(looksAfter(signer, 38)).isEqualTo(1);
        assertThat(looksAfter(signer, 2)).isEqualTo(2);
    }

    @Test
    void leaves_waiting_behind_another_nodes_newer_checkpoint_are_looked_at_as_soon_as_it_allows() {
        log.latest = signedAt(START.minusSeconds(60));
        CheckpointSigner signer = signer();
        ticks(signer, 1);

        // Another node signs; this node appends, looks, and finds that checkpoint too recent to follow yet.
        log.latest = signedAt(clock.instant());
        signer.appended();
        assertThat(looksAfter(signer, 1)).isEqualTo(2);
        assertThat(looksAfter(signer, 39)).isEqualTo(2);
        assertThat(looksAfter(signer, 1)).as("looked again at the first tick the other checkpoint allows").isEqualTo(3);
    }

    @Test
    void a_look_that_fails_is_tried_again_an_interval_later_not_at_every_tick() {
        log.latest = signedAt(START.minusSeconds(60));
        log.failing = true;
        CheckpointSigner signer = signer();
        signer.appended();
        assertThat(looksAfter(signer, 1)).isEqualTo(1);

        log.failing = false;
        assertThat(looksAfter(signer, 39)).isEqualTo(1);
        assertThat(looksAfter(signer, 1)).isEqualTo(2);
    }

    private CheckpointSigner signer() {
        return new CheckpointSigner(log, NoteKeys.Signer.generate(ORIGIN), ORIGIN,
                new TransactionTemplate(new NoTransactions()), INTERVAL, dir.resolve("log-signer.state"), clock);
    }

    private static StoredCheckpoint signedAt(Instant at) {
        return new StoredCheckpoint(10, ROOT, "note", at);
    }

    /** The looks at the log so far, after {@code n} more ticks. */
    private int looksAfter(CheckpointSigner signer, int n) {
        ticks(signer, n);
        return log.looks;
    }

    private void ticks(CheckpointSigner signer, int n) {
        for (int i = 0; i < n; i++) {
            signer.tick();
            clock.set(clock.instant().plus(TICK));
        }
    }

    /**
     * The log as the signer reads it: a latest checkpoint covering every leaf, so nothing is ever to be signed; or a
     * database that fails.
     */
    private static final class LogAsSeen extends JdbcLogStore {
        StoredCheckpoint latest;
        boolean failing;
        int looks;

        LogAsSeen() {
            super(new JdbcTemplate());
        }

        @Override
        public Optional<StoredCheckpoint> latestCheckpoint() {
            looks++;
            if (failing) {
                throw new IllegalStateException("the database is away");
            }
            return Optional.of(latest);
        }

        @Override
        public long size() {
            return latest.treeSize();
        }
    }

    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
