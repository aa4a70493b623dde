package org.creditbank.ledger.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: background work (the log sequencer, the signer) is awaited, never slept on. */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration deadline, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant end = Instant.now().plus(deadline);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("gave up waiting for " + what + " after " + deadline + "; last saw " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }
}
