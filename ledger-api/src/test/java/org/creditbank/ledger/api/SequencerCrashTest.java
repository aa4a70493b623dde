package org.creditbank.ledger.api;

import org.creditbank.ledger.achievement.AchievementCommands.RecordAchievement;
import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.AchievementKind;
import org.creditbank.ledger.achievement.Credits;
import org.creditbank.ledger.achievement.Evidence;
import org.creditbank.ledger.achievement.ExternalReference;
import org.creditbank.ledger.api.web.LedgerCommands;
import org.creditbank.ledger.branch.ActingOfficer;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.log.NoteKeys;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/**
 * The server killed outright in the middle of sequencing a backlog: after a restart every event has exactly one
 * leaf, and the checkpoints signed before and after the crash are consistent (checked by the auditor's verify-log).
 */
class SequencerCrashTest {

    private static final int LEARNERS = 10;
    private static final int ACHIEVEMENTS_EACH = 200;

    @Test
    void a_crash_mid_batch_leaves_every_event_with_exactly_one_leaf_and_a_consistent_log() throws Exception {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            Scenario.installCentreAndCity(http);
            LedgerCommands commands = ledger.bean(LedgerCommands.class);
            ActingOfficer alice = new ActingOfficer("alice", Scenario.HANGZHOU);
            List<String> learners = new ArrayList<>();
            for (int l = 0; l < LEARNERS; l++) {
                learners.add(Scenario.openAccount(http, ALICE, "Backlog " + l));
            }
            // Straight to the command bus, faster than HTTP, as alice signed in: commands carry who acts.
            SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("-")
                    .header("alg", "RS256").subject("alice").build()));
            try {
                for (String learner : learners) {
                    for (int i = 0; i < ACHIEVEMENTS_EACH; i++) {
                        commands.send(new RecordAchievement(LearnerNumber.parse(learner),
                                UUID.randomUUID().toString(), course("B-" + i), alice), alice);
                    }
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
            long events = ledger.eventCount();
            String key = http.get("/log/key").text().strip();
            NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(key);
            ledger.stop();

            // Set-up: the log is introduced on a ledger that already holds these events, so there is a backlog to
            // sequence (a test schema; production never deletes a log row, and the database refuses to).
            for (String table : List.of("log_leaf", "log_node", "log_checkpoint")) {
                ledger.jdbcAdmin().execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                ledger.jdbcAdmin().update("DELETE FROM " + table);
                ledger.jdbcAdmin().execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
            ledger.jdbcAdmin().update("DELETE FROM log_head");
            ledger.jdbcAdmin().update("DELETE FROM token_entry WHERE processor_name = 'log-sequencer'");
            java.nio.file.Files.deleteIfExists(ledger.dataDir().resolve("log-signer.state"));

            Map<String, String> environment = new java.util.HashMap<>(RunningLedger.keyEnvironment());
            environment.putAll(Map.of("LEDGER_DB_URL", ledger.jdbcUrl(), "LEDGER_DB_USER", RunningLedger.POSTGRES_USER,
                    "LEDGER_DATA_DIR", ledger.dataDir().toString(), "LEDGER_LOG_BATCH_SIZE", "5"));
            ServerProcess doomed = ServerProcess.start(environment);
            Await.until("the sequencer to be under way", Duration.ofSeconds(60), () -> leaves(ledger),
                    count -> count >= 100);
            doomed.kill();
            long atKill = leaves(ledger);
            assertThat(atKill).as("killed half-way through sequencing").isGreaterThan(0).isLessThan(events);

            ledger.start();
            VerifiableLogTest.awaitCheckpoint(ledger.http(), verifier, events);
            assertThat(leaves(ledger)).isEqualTo(events);
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry e WHERE (SELECT COUNT(*)"
                    + " FROM log_leaf l WHERE l.event_identifier = e.event_identifier) <> 1", Long.class)).isZero();

            LedgerCliProcess.Run audit = LedgerCliProcess.ledger("verify-log", "--db-url", ledger.jdbcUrl(),
                    "--db-user", RunningLedger.POSTGRES_USER, "--key", key);
            assertThat(audit.exit()).as(audit.err()).isZero();
            assertThat(audit.out()).contains(events + " leaves recomputed");
        }
    }

    private static long leaves(RunningLedger ledger) {
        return ledger.jdbcAdmin().queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class);
    }

    private static AchievementDetails course(String externalId) {
        return new AchievementDetails(AchievementKind.ONLINE_COURSE, "Course " + externalId, "MOOC Provider", null,
                LocalDate.parse("2025-01-01"), new Evidence(Scenario.EVIDENCE_SHA256, "application/pdf", null),
                new Credits(BigDecimal.ONE, "HOURS"), null, null, null, new ExternalReference("MOOC", externalId),
                null);
    }
}
