package org.creditbank.ledger.api;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline (Awaitility): background work — the log sequencer, the signer, a starting
 * server — is awaited, never slept on.
 */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration deadline, Supplier<T> probe, Predicate<T> done) {
        return Awaitility.await(what).atMost(deadline).pollInterval(Duration.ofMillis(50))
                .until(probe::get, done::test);
    }
}
