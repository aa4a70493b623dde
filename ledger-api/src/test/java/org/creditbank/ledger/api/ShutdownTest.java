package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A stopped server leaves no thread of its own running (the log's signer and sequencer stop with it). */
class ShutdownTest {

    @Test
    void stopping_the_server_stops_the_checkpoint_signer() {
        long before = signerThreads();   // other servers of this test run may be alive
        RunningLedger ledger = RunningLedger.embedded();
        assertThat(signerThreads()).isEqualTo(before + 1);
        ledger.close();
        Await.until("the checkpoint signer's thread to end", Duration.ofSeconds(10), ShutdownTest::signerThreads,
                count -> count == before);
    }

    private static long signerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("log-checkpoint-signer") && thread.isAlive()).count();
    }
}
