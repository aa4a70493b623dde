package org.creditbank.ledger.api;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.creditbank.ledger.projection.EventSerializer;
import org.creditbank.ledger.projection.EventStoreFormat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event serializer remembers the classes it looked up, and reads and writes exactly as Axon's own. */
class EventSerializerTest {

    record Sample(String name, BigDecimal credits, Instant at) {
    }

    private final EventSerializer serializer = EventSerializer.of(EventStoreFormat.eventJson().build(),
            new AnnotationRevisionResolver());
    private final JacksonSerializer stock = JacksonSerializer.builder()
            .objectMapper(EventStoreFormat.eventJson().build()).build();

    @Test
    void reads_and_writes_the_same_bytes_as_the_stock_serializer_every_time() {
        Sample sample = new Sample("学分 credit", new BigDecimal("12.50"), Instant.parse("2026-11-23T10:15:30.123Z"));
        SerializedObject<byte[]> written = serializer.serialize(sample, byte[].class);

        assertThat(written.getData()).isEqualTo(stock.serialize(sample, byte[].class).getData());
        for (int i = 0; i < 3; i++) {
            assertThat((Object) serializer.deserialize(written)).isEqualTo(sample);
            assertThat((Object) stock.deserialize(written)).isEqualTo(sample);
        }
        assertThat(serializer.classForType(written.getType())).isEqualTo(Sample.class);
    }

    @Test
    void a_class_it_does_not_know_stays_unknown_and_the_known_ones_still_resolve() {
        SimpleSerializedType missing = new SimpleSerializedType("org.creditbank.ledger.NoSuchEvent", null);

        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        SimpleSerializedObject<byte[]> known = new SimpleSerializedObject<>("{\"name\":\"n\"}".getBytes(),
                byte[].class, Sample.class.getName(), null);
        assertThat((Object) serializer.deserialize(known)).isEqualTo(new Sample("n", null, null));
    }

    @Test
    void metadata_reads_as_the_stock_serializer_reads_it_whatever_its_values() {
        List<Map<String, ?>> samples = List.of(
                Map.of("officerId", "alice", "branchCode", "HZ-BRANCH", "correlationId", "c-1"),
                Map.of("note", "学分 \"quoted\" \\ tab\t", "empty", ""),
                Map.of(),
                Map.of("attempt", 3, "officerId", "alice"),
                Map.of("nested", Map.of("a", "b"), "list", List.of("x", 1)),
                Map.of("flag", true, "ratio", 0.5));
        for (Map<String, ?> sample : samples) {
            SerializedObject<byte[]> written = stock.serialize(MetaData.from(sample), byte[].class);
            MetaData read = serializer.deserialize(written);

            assertThat(read).as(sample.toString()).isEqualTo(stock.deserialize(written));
        }
        assertThat((Object) serializer.deserialize(stock.serialize(MetaData.from(samples.get(0)), byte[].class)))
                .isEqualTo(MetaData.from(samples.get(0)));
        // Duplicate names: the last one counts, as Jackson's maps have it.
        SimpleSerializedObject<byte[]> twice = new SimpleSerializedObject<>(
                "{\"officerId\":\"a\",\"officerId\":\"b\"}".getBytes(), byte[].class, MetaData.class.getName(), null);
        assertThat((Object) serializer.deserialize(twice)).isEqualTo(stock.deserialize(twice));
        SimpleSerializedObject<byte[]> broken = new SimpleSerializedObject<>("{\"officerId\":".getBytes(),
                byte[].class, MetaData.class.getName(), null);
        assertThatThrownBy(() -> serializer.deserialize(broken)).isInstanceOf(SerializationException.class);
    }

    @Test
    void the_server_stores_events_with_it() {
        assertThat(SharedLedger.get().bean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class))
                .extracting("eventSerializer").isInstanceOf(EventSerializer.class);
    }
}
