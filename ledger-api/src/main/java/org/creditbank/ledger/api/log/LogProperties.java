package org.creditbank.ledger.api.log;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The verifiable log's settings ({@code ledger.log.*}; environment variables {@code LEDGER_LOG_*}).
 *
 * @param origin             the log's origin line, also its key name ({@code LEDGER_LOG_ORIGIN})
 * @param signingKey         the checkpoint signing key, {@code PRIVATE+KEY+…} ({@code LEDGER_LOG_SIGNING_KEY})
 * @param signingKeyFile     a file holding it ({@code LEDGER_LOG_SIGNING_KEY_FILE}); generated in the data folder
 *                           when neither is given
 * @param batchSize          events the sequencer appends per transaction ({@code LEDGER_LOG_BATCH_SIZE})
 * @param checkpointInterval the least time between two checkpoints ({@code LEDGER_LOG_CHECKPOINT_INTERVAL}, default
 *                           0.5 s): while leaves arrive, a new checkpoint follows within a second
 * @param signerStateFile    where the signer remembers what it signed last, outside the database
 *                           ({@code LEDGER_LOG_SIGNER_STATE_FILE}; default {@code log-signer.state} in the data folder)
 * @param tokenClaimInterval how often a node that does not sequence tries to take the sequencer's token over
 *                           ({@code LEDGER_LOG_TOKEN_CLAIM_INTERVAL}, default 0.5 s): it succeeds once the owner's
 *                           claim is older than the token claim timeout ({@code LEDGER_TOKEN_CLAIM_TIMEOUT}, 2 s)
 * @param claimExtension     how often the sequencing node, while idle, renews its claim
 *                           ({@code LEDGER_LOG_CLAIM_EXTENSION}, default 0.5 s; each batch renews it as it commits);
 *                           at most half the claim timeout, so a live owner keeps its claim
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(String origin, String signingKey, Path signingKeyFile, int batchSize,
                            Duration checkpointInterval, Path signerStateFile, Duration tokenClaimInterval,
                            Duration claimExtension) {

    public LogProperties {
        origin = origin == null || origin.isBlank() ? "ledger.creditbank.local/log" : origin.strip();
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.strip();
        batchSize = batchSize <= 0 ? 1000 : batchSize;
        checkpointInterval = checkpointInterval == null ? Duration.ofMillis(500) : checkpointInterval;
        tokenClaimInterval = positive(tokenClaimInterval, Duration.ofMillis(500));
        claimExtension = positive(claimExtension, Duration.ofMillis(500));
    }

    private static Duration positive(Duration given, Duration otherwise) {
        return given == null || given.isZero() || given.isNegative() ? otherwise : given;
    }
}
