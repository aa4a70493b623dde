package org.creditbank.ledger.tools.bench;

import org.creditbank.ledger.tools.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementCertified;
import org.creditbank.ledger.achievement.AchievementEvent.AchievementRecorded;
import org.creditbank.ledger.achievement.AchievementIds;
import org.creditbank.ledger.conversion.ConversionEvent.Assessment;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionApplied;
import org.creditbank.ledger.conversion.ConversionEvent.ConversionGranted;
import org.creditbank.ledger.conversion.ConversionEvent.SourceGrant;
import org.creditbank.ledger.learner.AccountEvent.AccountOpened;
import org.creditbank.ledger.learner.Sealed;
import org.creditbank.ledger.eventstore.EventStoreFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks the read models against a running ledger on PostgreSQL:
 * <ol>
 *     <li>a full rebuild of every read model (all at once, through the server's own rebuild), beside Axon's
 *     processors replaying the same events into a do-nothing handler in this process: the tracking processor as
 *     configured by default, the same tuned for catch-up, and a pooled streaming processor;</li>
 *     <li>the archive of a learner with 200 achievements read at a fixed rate (open loop), beside a trivial endpoint
 *     read at the same rate;</li>
 *     <li>statistics queries over every achievement in the store.</li>
 * </ol>
 * The events are generated straight into the event store (learners with recorded and certified achievements), so that
 * millions can be had in a minute; the server's processors take them in like any others.
 */
@Command(name = "bench-read-models", description = "Benchmark: rebuilds, archive reads and statistics.")
public class ReadModelBenchmark implements Callable<Integer> {

    private static final String[] KINDS = {"ACADEMIC_COURSE", "SKILLS_TRAINING", "COMMUNITY_LEARNING",
            "ELDERLY_EDUCATION", "ONLINE_COURSE", "MICRO_CREDENTIAL", "VOCATIONAL_CERTIFICATE"};

    @Mixin
    LedgerTarget target;

    @Mixin
    LedgerDatabase database;

    @Option(names = "--learners", defaultValue = "250000", description = "learners to generate (default: ${DEFAULT-VALUE})")
    int learners;

    @Option(names = "--achievements", defaultValue = "4", description = "achievements per learner (default: ${DEFAULT-VALUE})")
    int achievements;

    @Option(names = "--certify-later", defaultValue = "0", description = "certify each learner's achievements after"
            + " this many later learners' events, as a real store has certifications days after recordings; 0: right"
            + " after each recording (default: ${DEFAULT-VALUE})")
    int certifyLater;

    @Option(names = "--conversions", defaultValue = "0", description = "one learner in this many applies to convert"
            + " a certified achievement into credits of a programme at their branch, and is granted it; 0: none"
            + " (default: ${DEFAULT-VALUE})")
    int conversions;

    @Option(names = "--rate", defaultValue = "500", description = "archive reads per second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds of archive reads (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--skip-rebuild", description = "measure reads only (no replay, no rebuild)")
    boolean skipRebuild;

    @Option(names = "--operator-token", defaultValue = "${env:LEDGER_OPERATOR_TOKEN}", required = true,
            description = "the bearer token of an operator, who follows and starts rebuilds (default:"
                    + " $LEDGER_OPERATOR_TOKEN)")
    String operatorToken;

    @Mixin
    CertifierToken certifierToken;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url
                + (database.url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", database.user,
                database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LedgerHttp ledger = target.ledger();
        LedgerHttp operator = target.as(operatorToken);

        long started = System.nanoTime();
        long generated = generate(jdbc);
        out.printf("generated %,d events (%,d learners × %d achievements%s) in %.1f s%n", generated, learners,
                achievements, conversions > 0 ? ", one in " + conversions + " granted a conversion" : "",
                seconds(started));
        out.flush();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        awaitLive(operator, head);

        if (skipRebuild) {
            archiveUnderLoad(ledger, jdbc, out);
            statistics(operator, out);
            return 0;
        }
        double reference = replay(dataSource, events, Reference.STOCK);
        out.printf("| Axon stock tracking processor, do-nothing handler | %,d events | %,.0f events/s |%n", events,
                reference);
        double tuned = replay(dataSource, events, Reference.TUNED_TRACKING);
        out.printf("| Axon tracking processor tuned for catch-up (fetches and batches of 1,000), do-nothing handler"
                + " | %,d events | %,.0f events/s |%n", events, tuned);
        double pooled = replay(dataSource, events, Reference.POOLED);
        out.printf("| Axon pooled streaming processor, two segments, batches of 1,000, do-nothing handler"
                + " | %,d events | %,.0f events/s |%n", events, pooled);
        out.flush();

        Map<String, JsonNode> rebuilt = rebuildAll(operator);
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (String name : rebuilt.keySet()) {
            JsonNode progress = rebuilt.get(name);
            Instant from = Instant.parse(progress.get("startedAt").asText());
            Instant to = Instant.parse(progress.get("finishedAt").asText());
            first = from.isBefore(first) ? from : first;
            last = to.isAfter(last) ? to : last;
            out.printf("| rebuild %s (all at once) | %,d events | %,.0f events/s |%n", name, events,
                    events / secondsBetween(from, to));
        }
        double rebuild = events / secondsBetween(first, last);
        out.printf("| full rebuild of all read models, all at once | %,d events | %,.0f events/s |%n", events,
                rebuild);
        out.printf("ratio of the full rebuild to the references: stock %.2f, tuned tracking %.2f, pooled %.2f%n",
                rebuild / reference, rebuild / tuned, rebuild / pooled);
        out.flush();

        // The rebuild leaves gigabytes of dirty pages: reads are measured once PostgreSQL has written them out, not
        // while its checkpoint competes with them for the disk.
        long checkpoint = System.nanoTime();
        jdbc.execute("CHECKPOINT");
        out.printf("checkpoint after the rebuild: %.1f s%n", seconds(checkpoint));
        archiveUnderLoad(ledger, jdbc, out);
        statistics(operator, out);
        return 0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Math.max(Duration.between(from, to).toNanos(), 1) / 1e9;
    }

    /** Writes learners with recorded and (mostly) certified achievements straight into the event store. */
    private long generate(JdbcTemplate jdbc) throws Exception {
        if (learners == 0) {
            return 0;
        }
        List<String[]> officers = jdbc.query("SELECT o.officer_id, o.branch_code FROM branch_officer o"
                + " JOIN branch b ON b.code = o.branch_code WHERE b.status = 'ACTIVE' ORDER BY o.officer_id",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        if (officers.isEmpty()) {
            throw new IllegalStateException("the ledger has no branch with an officer: install one first");
        }
        ObjectMapper events = EventStoreFormat.eventJson().build();
        String sql = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Instant origin = Instant.now().minus(Duration.ofDays(730));
        long step = Duration.ofDays(729).toMillis() / learners;
        List<Object[]> rows = new ArrayList<>();
        long written = 0;
        byte[] nonce = new byte[12];
        byte[] ciphertext = new byte[96];
        // Per learner still to certify (with --certify-later): its certifications, made when their turn comes.
        ArrayDeque<List<Certification>> uncertified = new ArrayDeque<>();
        for (int i = 0; i < learners; i++) {
            String learner = String.format("99%015d", i) + "0";
            String[] officer = officers.get(i % officers.size());
            Instant at = origin.plusMillis(i * step);
            long sequence = 0;
            Map<String, String> meta = Map.of("officerId", officer[0], "branchCode", officer[1],
                    "correlationId", UUID.randomUUID().toString());
            rows.add(row(events, learner, sequence++, at, meta, new AccountOpened(learner, String.format("%064x", i),
                    new Sealed(learner, "AES-256-GCM", Base64.getEncoder().encodeToString(nonce),
                            Base64.getEncoder().encodeToString(ciphertext)), officer[0], officer[1], at)));
            List<Certification> later = new ArrayList<>();
            String firstAchievement = null;
            for (int a = 0; a < achievements; a++) {
                Instant recorded = at.plusSeconds(60L * (2 * a + 1));
                // As the server would have named it when it recorded it.
                String id = AchievementIds.next(recorded);
                firstAchievement = a == 0 ? id : firstAchievement;
                BigDecimal credits = BigDecimal.valueOf(1 + (i + a) % 8);
                rows.add(row(events, learner, sequence++, recorded, meta, new AchievementRecorded(learner, id,
                        KINDS[(i + a) % KINDS.length], "Course " + a, "Benchmark University", "Benchmark University",
                        LocalDate.ofInstant(recorded, ZoneOffset.UTC).minusDays(30), "0".repeat(64),
                        "application/pdf", null, credits, "BANK_CREDIT", 1 + (i + a) % 8, null, "PERCENT", "90",
                        "BENCH", learner + "-" + a, null, officer[0], officer[1], recorded)));
                if (a % 4 != 3) {
                    if (certifyLater == 0) {
                        certify(events, rows, List.of(new Certification(learner, id, officer, credits, meta,
                                sequence++)), recorded.plusSeconds(60));
                    } else {
                        // After every recording of the learner.
                        later.add(new Certification(learner, id, officer, credits, meta,
                                achievements + 1 + later.size()));
                    }
                }
            }
            if (conversions > 0 && i % conversions == 0 && certifyLater == 0 && achievements > 0) {
                // The learner's first achievement (certified right after its recording) converted at their branch.
                Instant applied = at.plusSeconds(60L * (2 * achievements + 1));
                String source = firstAchievement;
                String application = "conv-" + learner;
                rows.add(row(events, learner, sequence++, applied, meta, new ConversionApplied(learner, application,
                        officer[1], "BENCH-PROG", LocalDate.ofInstant(applied, ZoneOffset.UTC), List.of(
                        new Assessment(source, "BENCH-RULE", 1, null, BigDecimal.valueOf(2), "INSTITUTION:BENCH",
                                "BENCH101", List.of(), null)), officer[0], officer[1], applied)));
                Instant granted = applied.plusSeconds(60);
                rows.add(row(events, learner, sequence++, granted, meta, new ConversionGranted(learner, application,
                        officer[1], "BENCH-PROG", List.of(new SourceGrant(source, "Benchmark University",
                        "BENCH-RULE", 1, null, BigDecimal.valueOf(2), "INSTITUTION:BENCH", "BENCH101", List.of())),
                        List.of(), BigDecimal.valueOf(2), "INSTITUTION:BENCH", LocalDate.ofInstant(granted, ZoneOffset.UTC),
                        officer[0], officer[1], granted)));
            }
            if (certifyLater > 0) {
                uncertified.add(later);
                if (uncertified.size() > certifyLater) {
                    certify(events, rows, uncertified.poll(), at.plusSeconds(60));
                }
            }
            if (rows.size() >= 5000) {
                jdbc.batchUpdate(sql, rows);
                written += rows.size();
                rows.clear();
            }
        }
        Instant end = origin.plusMillis(learners * step);
        while (!uncertified.isEmpty()) {
            certify(events, rows, uncertified.poll(), end);
        }
        jdbc.batchUpdate(sql, rows);
        return written + rows.size();
    }

    /** A certification, with its place in the learner's stream. */
    private record Certification(String learner, String achievementId, String[] officer, BigDecimal credits,
                                 Map<String, String> meta, long sequence) {
    }

    private void certify(ObjectMapper events, List<Object[]> rows, List<Certification> certifications, Instant at)
            throws Exception {
        for (Certification c : certifications) {
            rows.add(row(events, c.learner(), c.sequence(), at, c.meta(), new AchievementCertified(c.learner(),
                    c.achievementId(), c.officer()[0], c.officer()[1], c.credits(), "BANK_CREDIT", at)));
        }
    }

    private Object[] row(ObjectMapper events, String learner, long sequence, Instant at, Map<String, String> meta,
                         Object payload) throws Exception {
        return new Object[] {UUID.randomUUID().toString(), learner, sequence, "LearnerAccount",
                DateTimeUtils.formatInstant(at), payload.getClass().getName(), "1", events.writeValueAsBytes(payload),
                json.writeValueAsBytes(meta)};
    }

    /** Waits until the server's live processors (statistics, the log) have taken in every event. */
    private void awaitLive(LedgerHttp ledger, long head) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode status = json.readTree(ledger.get("/api/admin/read-models/statistics"));
            if (status.path("livePosition").asLong(-1) >= head) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("the server's statistics did not catch up within 30 minutes");
    }

    /** The processors Axon offers for a replay that writes nothing, each into a do-nothing handler. */
    private enum Reference {
        /** A tracking processor as configured by default: the storage engine fetches 100 events, batches of one. */
        STOCK,
        /** A tracking processor tuned for catch-up, as a user who tunes for it would run it: fetches and batches of
         * 1,000. */
        TUNED_TRACKING,
        /** A pooled streaming processor with two segments (the machine's cores) and batches of 1,000. */
        POOLED
    }

    /**
     * Replays every event of the store with one of Axon's processors into a handler that receives each deserialized
     * payload and does nothing else, with an in-memory token store; answers events per second.
     */
    private static double replay(DriverManagerDataSource dataSource, long events, Reference reference)
            throws Exception {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.builder().objectMapper(EventStoreFormat.eventJson().build()).build())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .schema(EventStoreFormat.eventSchema())
                .batchSize(reference == Reference.STOCK ? 100 : 1000)
                .build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        AtomicLong handled = new AtomicLong();
        Object doNothing = new Object() {
            @EventHandler
            void on(Object event) {
                handled.incrementAndGet();
            }
        };
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(doNothing).build();
        java.util.concurrent.ScheduledExecutorService workers = null;
        java.util.concurrent.ScheduledExecutorService coordinator = null;
        org.axonframework.eventhandling.EventProcessor processor;
        if (reference == Reference.POOLED) {
            workers = java.util.concurrent.Executors.newScheduledThreadPool(2);
            coordinator = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            processor = org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.builder()
                    .name("pooled-reference").eventHandlerInvoker(invoker).messageSource(store)
                    .tokenStore(new InMemoryTokenStore()).transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers).initialSegmentCount(2).batchSize(1000)
                    .initialToken(source -> source.createTailToken()).build();
        } else {
            TrackingEventProcessor.Builder builder = TrackingEventProcessor.builder()
                    .name(reference == Reference.STOCK ? "stock-reference" : "tuned-reference")
                    .eventHandlerInvoker(invoker).messageSource(store).tokenStore(new InMemoryTokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE);
            if (reference == Reference.TUNED_TRACKING) {
                builder.trackingEventProcessorConfiguration(org.axonframework.eventhandling
                        .TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1000));
            }
            processor = builder.build();
        }
        long started = System.nanoTime();
        processor.start();
        while (handled.get() < events) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        double rate = events / seconds(started);
        processor.shutDown();
        store.shutDown();
        if (workers != null) {
            workers.shutdownNow();
            coordinator.shutdownNow();
        }
        return rate;
    }

    /** Starts a rebuild of every read model (one scan of the store for all) and waits until all have switched. */
    private Map<String, JsonNode> rebuildAll(LedgerHttp ledger) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        json.readTree(ledger.get("/api/admin/read-models")).forEach(model -> names.add(model.get("readModel")
                .asText()));
        ledger.post("/api/admin/read-models/rebuild", "");
        Map<String, JsonNode> done = new java.util.LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        while (done.size() < names.size() && System.nanoTime() < deadline) {
            for (String name : names) {
                JsonNode rebuild = json.readTree(ledger.get("/api/admin/read-models/" + name)).path("rebuild");
                String state = rebuild.path("state").asText();
                if (state.equals("FAILED")) {
                    throw new IllegalStateException("rebuild of " + name + " failed: " + rebuild.path("error"));
                }
                if (state.equals("SWITCHED")) {
                    done.put(name, rebuild);
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (done.size() < names.size()) {
            throw new IllegalStateException("the rebuilds did not finish within an hour");
        }
        return done;
    }

    /** A learner with 200 achievements, its archive read at a fixed rate, beside a trivial endpoint at that rate. */
    private void archiveUnderLoad(LedgerHttp ledger, JdbcTemplate jdbc, PrintWriter out) throws Exception {
        String learner = ledger.openAccount();
        LedgerHttp certifier = certifierToken.certifier(target);
        for (int i = 0; i < 200; i++) {
            String id = ledger.record(learner, "LOAD-" + i);
            certifier.post("/api/learners/" + learner + "/achievements/" + id + "/certification", "");
        }
        String archive = "/api/learners/" + learner + "/archive?limit=200";
        if (json.readTree(ledger.get(archive)).path("achievements").size() != 200) {
            throw new IllegalStateException("the archive does not hold the 200 achievements");
        }
        // Measured once the server's processors have taken in those 400 events: a quiet server for both cases.
        awaitLive(target.as(operatorToken), jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry",
                Long.class));
        // As the officer: an archive is read by someone allowed to read it.
        java.util.Map<String, String> officer = new java.util.HashMap<>();
        officer.put("Authorization", "Bearer " + target.token.strip());
        if (target.branch != null) {
            officer.put("Ledger-Branch", target.branch);
        }
        try (OpenLoad load = new OpenLoad(32, officer)) {
            URI key = URI.create(target.url + "/log/key");
            URI page = URI.create(target.url + archive);
            load.run(key, rate, 3);
            load.run(page, rate, 3);
            OpenLoad.Result reference = report("/log/key", load.run(key, rate, seconds));
            OpenLoad.Result reads = report(archive, load.run(page, rate, seconds));
            out.printf("| archive of 200 achievements at %d requests/s for %d s | %s |%n", rate, seconds, reads);
            out.printf("| reference: GET /log/key at %d requests/s | %s |%n", rate, reference);
        }
        out.printf("| archive of 200 achievements, one request at a time | p50 %.2f ms |%n",
                Percentiles.millis(sequential(ledger, archive), 50));
        out.flush();
    }

    private static List<Long> sequential(LedgerHttp ledger, String path) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long sent = System.nanoTime();
            ledger.get(path);
            times.add(System.nanoTime() - sent);
        }
        return times;
    }

    private OpenLoad.Result report(String path, OpenLoad.Result result) {
        if (result.firstFailure() != null) {
            spec.commandLine().getErr().println("first failure of " + path + ": " + result.firstFailure());
        }
        return result;
    }

    /** The statistics questions officers and authorities ask, timed over every achievement in the store. */
    private void statistics(LedgerHttp ledger, PrintWriter out) throws Exception {
        JsonNode totals = json.readTree(ledger.get("/api/statistics")).get("totals");
        out.printf("statistics over %,d achievements recorded (%,d certified)%n",
                totals.get("achievementsRecorded").asLong(), totals.get("achievementsCertified").asLong());
        // The branch acted for, or (none named) the provincial centre: the network's root.
        String branch = target.branch != null ? target.branch
                : json.readTree(ledger.get("/api/branches?depth=0")).path("code").asText();
        String root = json.readTree(ledger.get("/api/branches/" + branch)).path("lineage").path(0).asText(branch);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        List<String> questions = List.of("/api/statistics", "/api/statistics?by=month", "/api/statistics?by=year",
                "/api/statistics?by=kind", "/api/statistics?by=level", "/api/statistics?by=region",
                "/api/statistics?by=branch&branch=" + root,
                "/api/statistics/branches/" + branch + "/annual-report?year=" + year,
                "/api/statistics?asOf=" + Instant.now(), "/api/statistics?achievedBefore=" + year + "-01-01");
        List<Long> reference = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long sent = System.nanoTime();
            ledger.get("/log/key");
            reference.add(System.nanoTime() - sent);
        }
        for (String question : questions) {
            ledger.get(question);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long sent = System.nanoTime();
                ledger.get(question);
                times.add(System.nanoTime() - sent);
            }
            out.printf("| %s | p50 %.1f ms | max %.1f ms |%n", question, Percentiles.millis(times, 50),
                    Percentiles.millis(times, 100));
        }
        out.printf("| reference: GET /log/key | p50 %.1f ms | max %.1f ms |%n",
                Percentiles.millis(reference, 50), Percentiles.millis(reference, 100));
        out.flush();
    }
}
