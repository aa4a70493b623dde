package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Installation happens once, even when several installers race. */
class InstallationTest {

    @Test
    void racing_installers_register_exactly_one_provincial_centre() throws Exception {
        try (RunningLedger ledger = RunningLedger.onPostgres()) {
            Http http = ledger.http();
            int racers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String code = "CENTRE-" + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/branches", Map.of("code", code, "name", "Centre " + code,
                            "tier", "PROVINCIAL_CENTRE", "divisionCode", "330000"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                statuses.add(reply.get(1, TimeUnit.MINUTES).status());
            }
            pool.shutdownNow();

            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM branch WHERE parent_code IS NULL",
                    Integer.class)).isEqualTo(1);
            assertThat(ledger.eventCount()).isEqualTo(1);
        }
    }
}
