package org.creditbank.ledger.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.creditbank.ledger.readmodel.BulkReplay;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.Replay;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model's projection specified as the core's aggregates are: given events, then its rows.
 *
 * <p>Each given event is fed to the projection writing slot A as a command's transaction feeds it live (one unit of
 * work per event, through Axon's annotated handler adapter); {@link #rows} reads slot A. Every read of rows also
 * replays all the events given so far in bulk into the scratch slot, as a rebuild feeds them (the declaration's bulk
 * replay, its handlers called directly, then its finishing steps), and requires each of its tables to equal slot A's:
 * replay equals live, in every specification. The database is an in-memory H2 of the specification's own, its slots
 * made from the read model's template.
 */
public final class ReadModelSpecification implements AutoCloseable {

    private final SingleConnectionDataSource database;
    private final JdbcTemplate jdbc;
    private final ReadModel model;
    private final AnnotationEventHandlerAdapter live;
    private final List<DomainEventMessage<?>> given = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2026-03-02T01:00:00Z");

    private ReadModelSpecification(Function<JdbcTemplate, ReadModel> declaration) {
        database = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        jdbc = new JdbcTemplate(database);
        model = declaration.apply(jdbc);
        for (Slot slot : List.of(Slot.A, Slot.SCRATCH)) {
            String sql = model.template().sql(Dialect.H2, slot);
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                ScriptUtils.executeSqlScript(connection, new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8)));
                return null;
            });
        }
        live = new AnnotationEventHandlerAdapter(model.projection(Slot.A));
    }

    /** A specification of the read model the declaration makes (given the specification's database). */
    public static ReadModelSpecification of(Function<JdbcTemplate, ReadModel> declaration) {
        return new ReadModelSpecification(declaration);
    }

    /** The instant the next given event happens at (each event a second after the one before, by default). */
    public Instant now() {
        return clock;
    }

    /**
     * Given an event on a stream, acted on by an officer for a branch (the metadata a command's events carry), a
     * second after the one before.
     */
    public ReadModelSpecification given(String stream, Object payload, String officer, String branch) {
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Aggregate", stream, sequence, payload,
                MetaData.with("officerId", officer).and("branchCode", branch).and("correlationId",
                        "request-" + given.size()), UUID.randomUUID().toString(), clock);
        clock = clock.plusSeconds(1);
        given.add(event);
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.execute(() -> {
            try {
                live.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return this;
    }

    /** The rows of a table of slot A, ordered, every column by its name in lower case. */
    public List<Map<String, Object>> rows(String table, String orderBy) {
        assertReplayEqualsLive();
        return read(Slot.A, table, orderBy);
    }

    /** How many rows a table of slot A holds. */
    public int count(String table) {
        return rows(table, "1").size();
    }

    /** Replays every given event in bulk into the scratch slot, and compares each table with slot A's. */
    private void assertReplayEqualsLive() {
        assertReplayEqualsLive(model::bulkReplay, Replay.BATCH);
    }

    /**
     * Replays every given event into the scratch slot through the bulk replay given (of the read model's own, or one
     * made otherwise), in batches of {@code batch} events, and requires each table to equal slot A's.
     */
    public void assertReplayEqualsLive(Function<Slot, BulkReplay> bulkReplay, int batch) {
        for (String table : model.tables()) {
            jdbc.update("DELETE FROM " + Slot.SCRATCH.table(table));
        }
        BulkReplay bulk = bulkReplay.apply(Slot.SCRATCH);
        Replay replay = new Replay(bulk.handler(), batch);
        given.forEach(replay::add);
        replay.finish();
        bulk.finishing().forEach(Runnable::run);
        for (String table : model.tables()) {
            String columns = String.join(", ", jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = ? AND column_name <> 'ID' ORDER BY ordinal_position", String.class,
                    table.toUpperCase()));
            assertThat(read(Slot.SCRATCH, table, columns, columns))
                    .as("table %s replayed in bulk equals its live rows", table)
                    .isEqualTo(read(Slot.A, table, columns, columns));
        }
    }

    private List<Map<String, Object>> read(Slot slot, String table, String orderBy) {
        return read(slot, table, "*", orderBy);
    }

    private List<Map<String, Object>> read(Slot slot, String table, String columns, String orderBy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT " + columns + " FROM " + slot.table(table)
                + " ORDER BY " + orderBy)) {
            Map<String, Object> named = new java.util.LinkedHashMap<>();
            row.forEach((column, value) -> named.put(column.toLowerCase(), value));
            rows.add(named);
        }
        return rows;
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
        database.destroy();
    }
}
