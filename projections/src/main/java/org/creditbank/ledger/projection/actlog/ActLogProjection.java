package org.creditbank.ledger.projection.actlog;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.readmodel.BatchedWrites;
import org.creditbank.ledger.readmodel.BatchedWrites.Columns;
import org.creditbank.ledger.readmodel.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.time.temporal.ChronoUnit;

import static org.creditbank.ledger.readmodel.Sql.at;

/**
 * Who did what: one row per act, with the officer, branch and correlation id from the event's metadata. The time is
 * the event's, to the millisecond: the event store keeps message timestamps to the millisecond, so a replay reads
 * back exactly what the live event showed.
 */
public class ActLogProjection {

    /** The columns of an act's row, in the order its values are given. */
    private static final Columns ACT = Columns.of("event_identifier", "aggregate_identifier", "sequence_number",
            "event_type", "officer_id", "branch_code", "correlation_id", "acted_at");

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final Supplier<Slot> slot;

    /** @param slot the slot to write, asked at each event (a rebuild switches the live one) */
    public ActLogProjection(JdbcTemplate jdbc, Supplier<Slot> slot) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(jdbc, this);
        this.slot = slot;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        writes.insert(t("ledger_act"), null, ACT, event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), payload.getClass().getSimpleName(), text(event, "officerId"),
                text(event, "branchCode"), text(event, "correlationId"),
                at(event.getTimestamp().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? "-" : value.toString();
    }

    private String t(String base) {
        return slot.get().table(base);
    }
}
