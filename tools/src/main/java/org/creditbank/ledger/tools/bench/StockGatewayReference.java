package org.creditbank.ledger.tools.bench;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reference of single recordings: Axon's stock command path in this process — a command gateway, an
 * event-sourced aggregate, the JDBC event storage engine — against the same PostgreSQL server and database as the
 * ledger (a scratch schema of its own, so the ledger never sees its events), each command appending one event and
 * doing nothing else: no authentication, no rules, no registers, no read models, no idempotency.
 */
final class StockGatewayReference {

    /** The reference's command: record one thing on a new aggregate. */
    record Record(@TargetAggregateIdentifier String id, String externalId) {
    }

    /** The reference's one event. */
    record Recorded(String id, String externalId) {
    }

    /** The reference's aggregate: created by a command, with one event. */
    static class Recording {

        @AggregateIdentifier
        private String id;

        Recording() {
        }

        @CommandHandler
        Recording(Record command) {
            apply(new Recorded(command.id(), command.externalId()));
        }

        @EventSourcingHandler
        void on(Recorded event) {
            id = event.id();
        }
    }

    private StockGatewayReference() {
    }

    /** Events per second {@code clients} threads append through the stock gateway for {@code duration}. */
    static double eventsPerSecond(String dbUrl, String user, String password, int clients, Duration duration)
            throws Exception {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        String schema = "bench_stock_" + Long.toHexString(System.nanoTime());
        DriverManagerDataSource admin = new DriverManagerDataSource(dbUrl, user, password);
        new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(dbUrl
                    + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
            pool.setDataSource(dataSource);
            pool.setMaximumPoolSize(clients + 2);
            try (pool) {
                JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(pool))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .eventSerializer(JacksonSerializer.defaultSerializer())
                        .snapshotSerializer(JacksonSerializer.defaultSerializer())
                        .build();
                engine.createSchema(PostgresEventTableFactory.INSTANCE);
                Configuration axon = DefaultConfigurer.defaultConfiguration()
                        .configureEmbeddedEventStore(c -> engine)
                        .configureAggregate(Recording.class)
                        .buildConfiguration();
                axon.start();
                try {
                    return run(axon.commandGateway(), clients, duration);
                } finally {
                    axon.shutdown();
                }
            }
        } finally {
            new JdbcTemplate(admin).execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static double run(CommandGateway gateway, int clients, Duration duration) throws Exception {
        for (int i = 0; i < 200; i++) {
            gateway.sendAndWait(new Record(UUID.randomUUID().toString(), "warm-up-" + i));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int client = t;
            work.add(pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    gateway.sendAndWait(new Record(UUID.randomUUID().toString(), client + "-" + i));
                    appended.incrementAndGet();
                }
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return appended.get() / seconds;
    }
}
