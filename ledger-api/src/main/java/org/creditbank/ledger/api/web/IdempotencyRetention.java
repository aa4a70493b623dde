package org.creditbank.ledger.api.web;

import org.creditbank.ledger.api.config.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets responses kept for Idempotency-Keys once they are older than the retention period. */
@Component
public class IdempotencyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyFilter records;
    private final LedgerProperties properties;

    public IdempotencyRetention(IdempotencyFilter records, LedgerProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public void forgetExpired() {
        int forgotten = records.forgetOlderThan(properties.idempotencyRetention());
        if (forgotten > 0) {
            LOG.info("Forgot {} idempotency records older than {}", forgotten, properties.idempotencyRetention());
        }
    }
}
