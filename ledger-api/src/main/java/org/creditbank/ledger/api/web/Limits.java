package org.creditbank.ledger.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The abuse limits ({@code ledger.limits.*}; see docs/configuration.md and docs/security.md). Each node keeps its own
 * count: behind a load balancer a principal may make the rate limit's number of requests at every node.
 *
 * @param maxBodyBytes      the largest request body, in bytes ({@code LEDGER_MAX_BODY_BYTES}, default 1 MiB)
 * @param maxBulkBodyBytes  the largest body of a batch of rows (an import's, a roster's: up to 10,000 rows), in
 *                          bytes ({@code LEDGER_MAX_BULK_BODY_BYTES}, default 32 MiB)
 * @param requestsPerMinute requests a principal (or, without a token, a client address) may make a minute
 *                          ({@code LEDGER_RATE_LIMIT_PER_MINUTE}, default 1200; 0 turns the limit off)
 * @param corsOrigins       the origins whose pages may call the API from a browser ({@code LEDGER_CORS_ORIGINS},
 *                          comma-separated; none by default)
 */
@ConfigurationProperties("ledger.limits")
public record Limits(Integer maxBodyBytes, Integer maxBulkBodyBytes, Integer requestsPerMinute,
                     List<String> corsOrigins) {

    /** 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** 32 MiB. */
    public static final int DEFAULT_MAX_BULK_BODY_BYTES = 32 << 20;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 1200;

    public Limits {
        if (maxBodyBytes != null && (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE)) {
            throw new IllegalStateException("LEDGER_MAX_BODY_BYTES: must be 1 to " + (Integer.MAX_VALUE - 1)
                    + ", got " + maxBodyBytes);
        }
        if (maxBulkBodyBytes != null && (maxBulkBodyBytes < 1 || maxBulkBodyBytes == Integer.MAX_VALUE)) {
            throw new IllegalStateException("LEDGER_MAX_BULK_BODY_BYTES: must be 1 to " + (Integer.MAX_VALUE - 1)
                    + ", got " + maxBulkBodyBytes);
        }
        if (requestsPerMinute != null && requestsPerMinute < 0) {
            throw new IllegalStateException("LEDGER_RATE_LIMIT_PER_MINUTE: must be 0 (no limit) or more, got "
                    + requestsPerMinute);
        }
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        maxBulkBodyBytes = maxBulkBodyBytes == null ? DEFAULT_MAX_BULK_BODY_BYTES : maxBulkBodyBytes;
        requestsPerMinute = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        corsOrigins = corsOrigins == null ? List.of()
                : corsOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    }
}
