package org.creditbank.ledger.projection.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.creditbank.ledger.projection.Sql.at;

/** Who did what: one row per act, with the officer, branch and correlation id from the event's metadata. */
@ProcessingGroup(ActLogProjection.GROUP)
public class ActLogProjection {

    /** The processing group that builds the act log. */
    public static final String GROUP = "act-log";

    private final JdbcTemplate jdbc;

    public ActLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        jdbc.update("INSERT INTO ledger_act (event_identifier, aggregate_identifier, sequence_number, event_type,"
                        + " officer_id, branch_code, correlation_id, acted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                payload.getClass().getSimpleName(), text(event, "officerId"), text(event, "branchCode"),
                text(event, "correlationId"), at(event.getTimestamp()));
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? "-" : value.toString();
    }
}
