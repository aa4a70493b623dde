package org.creditbank.ledger.readmodel;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Replay equals live: rebuilds every read model from the event store into scratch tables and compares them with the
 * live tables, row by row.
 *
 * <p>Everything happens in one repeatable-read transaction that is rolled back at the end, so the scratch rows are
 * never seen by anyone and the comparison is exact while the ledger keeps working: the live tables and the events are
 * read from the same snapshot. A read model fed in the command's transaction is compared with every event in the
 * snapshot; a streaming one with the events its processor's token (stored in the same transaction as its rows)
 * covers in the snapshot. It writes the scratch slot, which no rebuild touches.
 *
 * <p>One check at a time on a node: each rebuilds every read model it compares, so a second one asked for meanwhile
 * is refused ({@link ReadModelRefusals.ReplayCheckRunning}) rather than queued behind it.
 */
public class ReplayCheck {

    private static final int SAMPLE = 100;
    /** Surrogate keys that differ between any two builds and say nothing about content. */
    private static final List<String> SURROGATE = List.of("id");

    private final ReadModels readModels;
    private final ReadModelSlots slots;
    private final EventStorageEngine events;
    private final Serializer tokenSerializer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final Semaphore oneAtATime = new Semaphore(1);

    public ReplayCheck(ReadModels readModels, ReadModelSlots slots, EventStorageEngine events,
                       Serializer tokenSerializer, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                       Clock clock) {
        this.readModels = readModels;
        this.slots = slots;
        this.events = events;
        this.tokenSerializer = tokenSerializer;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** A row found on one side only. */
    public record Difference(String table, String foundIn, Map<String, Object> row) {
    }

    /**
     * One read model's comparison.
     *
     * @param events      how many events the replay applied
     * @param rows        how many live rows were compared
     * @param differences how many rows differ, on either side
     * @param sample      the first differing rows ({@value #SAMPLE} at most per table and side)
     */
    public record ModelReport(String readModel, Slot liveSlot, long events, long rows, long differences,
                              List<Difference> sample) {
    }

    /** The whole comparison. */
    public record Report(Instant checkedAt, boolean equal, List<ModelReport> readModels) {
    }

    /** Compares every read model. */
    public Report check() {
        return check(readModels.names());
    }

    /**
     * Compares the named read models.
     *
     * @throws ReadModelRefusals.ReplayCheckRunning while another check runs
     */
    public Report check(List<String> names) {
        List<ReadModel> models = names.stream().map(readModels::model).toList();
        if (!oneAtATime.tryAcquire()) {
            throw new ReadModelRefusals.ReplayCheckRunning();
        }
        try {
            return check(models, clock.instant());
        } finally {
            oneAtATime.release();
        }
    }

    private Report check(List<ReadModel> models, Instant at) {
        List<ModelReport> reports = snapshot.execute(tx -> {
            tx.setRollbackOnly();
            List<ModelReport> answer = new ArrayList<>();
            for (ReadModel model : models) {
                answer.add(check(model));
            }
            return answer;
        });
        return new Report(at, reports.stream().allMatch(r -> r.differences() == 0), reports);
    }

    private ModelReport check(ReadModel model) {
        Slot live = slots.live(model.name());
        Slot scratch = Slot.SCRATCH;
        // Empty to everyone by construction; deleting rows (not truncating) takes no lock that others would wait on.
        model.tables().forEach(table -> jdbc.update("DELETE FROM " + scratch.table(table)));
        Predicate<TrackingToken> included = model.streaming() ? covered(model.processor(live)) : token -> true;
        // Rebuilt as a rebuild's bulk replay does: what that derives at its end is compared with what live kept up.
        BulkReplay bulk = model.bulkReplay(scratch);
        Replay replay = new Replay(bulk.handler());
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.filter(event -> included.test(event.trackingToken())).forEach(replay::add);
        }
        long applied = replay.finish();
        bulk.finishing().forEach(Runnable::run);

        long rows = 0;
        long differences = 0;
        List<Difference> sample = new ArrayList<>();
        for (String table : model.tables()) {
            String columns = String.join(", ", columns(live.table(table)));
            long liveRows = count("SELECT COUNT(*) FROM " + live.table(table));
            long replayRows = count("SELECT COUNT(*) FROM " + scratch.table(table));
            rows += liveRows;
            long different = compare(columns, live.table(table), scratch.table(table), "live", sample, table)
                    + compare(columns, scratch.table(table), live.table(table), "replay", sample, table);
            if (different == 0 && liveRows != replayRows) {
                // Same distinct rows, different multiplicity: a row repeated on one side.
                different = Math.abs(liveRows - replayRows);
                sample.add(new Difference(table, liveRows > replayRows ? "live" : "replay",
                        Map.of("repeatedRows", different)));
            }
            differences += different;
        }
        return new ModelReport(model.name(), live, applied, rows, differences, sample);
    }

    private long compare(String columns, String from, String other, String side, List<Difference> sample,
                         String table) {
        String except = "SELECT " + columns + " FROM " + from + " EXCEPT SELECT " + columns + " FROM " + other;
        long n = count("SELECT COUNT(*) FROM (" + except + ") d");
        if (n > 0) {
            jdbc.query(except + " ORDER BY 1 LIMIT " + SAMPLE, rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT),
                            value == null ? null : value.toString());
                }
                sample.add(new Difference(table, side, row));
            });
        }
        return n;
    }

    private List<String> columns(String table) {
        List<String> columns = new ArrayList<>();
        jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", (ResultSetExtractor<Void>) rs -> {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                String column = rs.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT);
                if (!SURROGATE.contains(column)) {
                    columns.add(column);
                }
            }
            return null;
        });
        return columns;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** Which events a streaming read model's live processor had processed in this snapshot. */
    private Predicate<TrackingToken> covered(String processor) {
        List<TrackingToken> tokens = new ArrayList<>();
        jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?", rs -> {
            byte[] token = rs.getBytes("token");
            if (token != null) {
                tokens.add(tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                        rs.getString("token_type"), null)));
            }
        }, processor);
        // An event is covered when the token is past it and it is not one of the token's gaps (an event stored late).
        return event -> {
            long index = ((GapAwareTrackingToken) event).getIndex();
            return tokens.stream().map(GapAwareTrackingToken.class::cast)
                    .anyMatch(token -> index <= token.getIndex() && !token.getGaps().contains(index));
        };
    }
}
