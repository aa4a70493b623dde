package org.creditbank.ledger.projection.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.creditbank.ledger.projection.BatchedWrites;
import org.creditbank.ledger.projection.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.Supplier;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.creditbank.ledger.projection.Sql.at;

/**
 * Who did what: one row per act, with the officer, branch and correlation id from the event's metadata. The time is
 * the event's, to the millisecond: the event store keeps message timestamps to the millisecond, so a replay reads
 * back exactly what the live event showed.
 */
@ProcessingGroup(ActLogProjection.GROUP)
public class ActLogProjection {

    /** The processing group that builds the act log. */
    public static final String GROUP = "act-log";

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
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        row.put("event_identifier", event.getIdentifier());
        row.put("aggregate_identifier", event.getAggregateIdentifier());
        row.put("sequence_number", event.getSequenceNumber());
        row.put("event_type", payload.getClass().getSimpleName());
        row.put("officer_id", text(event, "officerId"));
        row.put("branch_code", text(event, "branchCode"));
        row.put("correlation_id", text(event, "correlationId"));
        row.put("acted_at", at(event.getTimestamp().truncatedTo(ChronoUnit.MILLIS)));
        writes.insert(t("ledger_act"), null, row);
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? "-" : value.toString();
    }

    private String t(String base) {
        return slot.get().table(base);
    }
}
