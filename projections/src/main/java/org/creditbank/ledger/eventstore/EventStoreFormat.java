package org.creditbank.ledger.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.math.BigDecimal;

/**
 * How the ledger's events are stored: the snake_case table of Axon's JDBC engine and the JSON of their payloads. The
 * server writes with it and the tools read (and benchmarks write) with it, so all agree byte for byte.
 */
public final class EventStoreFormat {

    private EventStoreFormat() {
    }

    /** The event table's names. */
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The mapper for events and other messages: stable whatever the HTTP layer's settings, ISO-8601 times, and
     * tolerant of fields added by later revisions (instants in the stored form read fast: {@link IsoInstants}). Exact decimals are written as JSON strings ({@code "12.5"}): a JSON
     * number is a double to RFC 8785, which the log canonicalizes payloads with, and a double is not exact.
     */
    public static JsonMapper.Builder eventJson() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .findAndAddModules()
                .addModule(IsoInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        builder.withConfigOverride(BigDecimal.class,
                override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
        return builder;
    }
}
