package org.creditbank.ledger.api;

import org.creditbank.ledger.api.log.CheckpointSigner;
import org.creditbank.ledger.log.NoteKeys;
import org.creditbank.ledger.log.ProofVerification.ProofRejected;
import org.creditbank.ledger.log.Rfc6962;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.api.Scenario.ALICE;

/**
 * The signer remembers what it signed outside the database: a database that no longer holds that history (restored
 * from a backup, or rewritten) cannot make it sign a fork.
 */
class SignerMemoryTest {

    @Test
    void a_signer_refuses_to_sign_a_tree_that_does_not_extend_what_it_signed_before() throws Exception {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            String learner = Scenario.walkthrough(http);
            NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(http.get("/log/key").text().strip());
            long signed = VerifiableLogTest.awaitCheckpoint(http, verifier, ledger.eventCount()).size();
            Path memory = ledger.dataDir().resolve("log-signer.state");
            assertThat(Files.readString(memory)).startsWith(signed + "\n");

            // As if this signer had signed another history at that size, which the database no longer holds.
            ledger.stop();
            Files.writeString(memory, signed + "\n" + Rfc6962.sha256(new byte[]{1}).base64() + "\n");
            ledger.start();
            Scenario.record(ledger.http(), ALICE, learner, Scenario.course("AFTER-RESTORE", "1"));
            long events = ledger.eventCount();
            Await.until("the new event's leaf", Duration.ofSeconds(30),
                    () -> ledger.jdbc().queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class),
                    leaves -> leaves == events);

            CheckpointSigner signer = ledger.bean(CheckpointSigner.class);
            assertThatThrownBy(signer::signIfGrown).isInstanceOf(ProofRejected.class);
            assertThat(ledger.jdbc().queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class))
                    .isEqualTo(signed);

            // The scheduled signer refused too, and looks again only after a while: each look re-hashes the leaves.
            Instant until = Await.until("the scheduled signer to refuse", Duration.ofSeconds(30),
                    signer::refusingUntil, Optional::isPresent).orElseThrow();
            assertThat(until).isAfter(Instant.now().plus(CheckpointSigner.AFTER_REFUSAL.minusSeconds(35)));
            signer.tick();
            assertThat(signer.refusingUntil()).contains(until);
        }
    }
}
