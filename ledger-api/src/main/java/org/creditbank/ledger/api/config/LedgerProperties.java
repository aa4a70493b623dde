package org.creditbank.ledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The ledger's own settings ({@code ledger.*}; environment variables {@code LEDGER_*}, see docs/configuration.md).
 *
 * @param dataDir         folder of the embedded database and of generated keys ({@code LEDGER_DATA_DIR})
 * @param identityKey     base64 key of the keyed identity hash, 32 bytes or more ({@code LEDGER_IDENTITY_KEY})
 * @param identityKeyFile file holding that key in base64 ({@code LEDGER_IDENTITY_KEY_FILE}); created in the data
 *                        folder when neither is given
 * @param personalDataKey     base64 master key (32 bytes) that wraps every learner's personal-data key
 *                            ({@code LEDGER_PERSONAL_DATA_KEY})
 * @param personalDataKeyFile file holding that key ({@code LEDGER_PERSONAL_DATA_KEY_FILE}); created in the data
 *                            folder when neither is given
 * @param snapshotThreshold events after which a learner account is snapshotted ({@code LEDGER_SNAPSHOT_THRESHOLD},
 *                          default 100), so that loading an account never replays more than that many events
 * @param idempotencyRetention how long responses kept for an Idempotency-Key are replayed
 *                             ({@code LEDGER_IDEMPOTENCY_RETENTION}, default 24 hours)
 * @param timeZone            the time zone statistics count days, months and years in ({@code LEDGER_TIME_ZONE},
 *                            default Asia/Shanghai)
 * @param projectionBatchSize events a read model's tracking processor writes per transaction
 *                            ({@code LEDGER_PROJECTION_BATCH_SIZE}, default 1000)
 * @param archiveCacheMegabytes memory kept for archive pages already answered ({@code LEDGER_ARCHIVE_CACHE_MB},
 *                              default 64; 0 turns the cache off)
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(Path dataDir, String identityKey, Path identityKeyFile, String personalDataKey,
                               Path personalDataKeyFile, int snapshotThreshold, Duration idempotencyRetention,
                               String timeZone, int projectionBatchSize, Integer archiveCacheMegabytes) {

    public LedgerProperties {
        idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
        snapshotThreshold = snapshotThreshold <= 0 ? 100 : snapshotThreshold;
        timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
        projectionBatchSize = projectionBatchSize <= 0 ? 1000 : projectionBatchSize;
        archiveCacheMegabytes = archiveCacheMegabytes == null || archiveCacheMegabytes < 0 ? 64
                : archiveCacheMegabytes;
        dataDir = dataDir == null ? Path.of("ledger-data") : dataDir;
        identityKey = identityKey == null || identityKey.isBlank() ? null : identityKey.strip();
        personalDataKey = personalDataKey == null || personalDataKey.isBlank() ? null : personalDataKey.strip();
    }

    /** The statistics' time zone. */
    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("LEDGER_TIME_ZONE: " + timeZone + " is not a time zone (like"
                    + " Asia/Shanghai or UTC)", e);
        }
    }
}
