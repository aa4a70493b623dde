package org.creditbank.ledger.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.ledger.api.Scenario.ALICE;

/** Many officers recording at once: every accepted achievement stored exactly once, none lost, no errors. */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int OWN_PER_THREAD = 8;
    private static final int SHARED = 4;

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();

    @Test
    void sixteen_threads_recording_for_one_learner_store_each_achievement_exactly_once() throws Exception {
        String learner = Scenario.openAccount(http, ALICE, "Busy Learner");
        List<Http.Reply> replies = inParallel(thread -> {
            List<Http.Reply> mine = new ArrayList<>();
            for (int i = 0; i < OWN_PER_THREAD; i++) {
                mine.add(http.post("/api/learners/" + learner + "/achievements",
                        Scenario.course("T" + thread + "-" + i, "1"), ALICE));
                if (i < SHARED) {
                    // Every thread also records the same few achievements: they must be stored once.
                    mine.add(http.post("/api/learners/" + learner + "/achievements",
                            Scenario.course("SHARED-" + i, "2"), ALICE));
                }
            }
            return mine;
        });

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(200, 201));
        long created = replies.stream().filter(reply -> reply.status() == 201).count();
        assertThat(created).isEqualTo(THREADS * OWN_PER_THREAD + SHARED);
        assertThat(replies.stream().filter(reply -> reply.status() == 201).map(r -> r.json().get("achievementId"))
                .distinct().count()).isEqualTo(created);
        long recordedEvents = ledger.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%AchievementRecorded'", Long.class, learner);
        assertThat(recordedEvents).isEqualTo(created);
        assertThat(http.get("/api/learners/" + learner).json().get("achievements")).hasSize((int) created);
        List<Long> sequence = ledger.jdbc().queryForList("SELECT sequence_number FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, learner);
        assertThat(sequence).hasSize((int) created + 1).doesNotHaveDuplicates();
        assertThat(sequence.get(sequence.size() - 1)).isEqualTo(created);
    }

    @Test
    void sixteen_threads_on_sixteen_learners_meet_no_errors() throws Exception {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            learners.add(Scenario.openAccount(http, ALICE, "Learner " + i));
        }
        List<Http.Reply> replies = inParallel(thread -> {
            List<Http.Reply> mine = new ArrayList<>();
            String learner = learners.get(thread);
            for (int i = 0; i < OWN_PER_THREAD; i++) {
                Http.Reply recorded = http.post("/api/learners/" + learner + "/achievements",
                        Scenario.course("L" + thread + "-" + i, "1.25"), ALICE);
                mine.add(recorded);
                mine.add(http.post("/api/learners/" + learner + "/achievements/"
                        + recorded.json().get("achievementId").asText() + "/certification", "", Scenario.BOB));
            }
            return mine;
        });

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(200, 201));
        for (String learner : learners) {
            var account = http.get("/api/learners/" + learner).json();
            assertThat(account.get("achievements")).hasSize(OWN_PER_THREAD);
            assertThat(account.get("creditTotals").get(0).get("total").decimalValue())
                    .isEqualByComparingTo("10.00");
        }
    }

    private interface Work {
        List<Http.Reply> run(int thread) throws Exception;
    }

    private static List<Http.Reply> inParallel(Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Http.Reply>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<Http.Reply>> task = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Http.Reply> all = new ArrayList<>();
            for (Future<List<Http.Reply>> future : futures) {
                all.addAll(future.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
