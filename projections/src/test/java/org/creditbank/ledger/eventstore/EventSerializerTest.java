package org.creditbank.ledger.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

            assertThat(outcome(serializer, written)).as(sample.toString()).isEqualTo(outcome(stock, written));
        }
        for (Map<String, ?> strings : samples.subList(0, 3)) {
            assertThat((Object) serializer.deserialize(stock.serialize(MetaData.from(strings), byte[].class)))
                    .isEqualTo(MetaData.from(strings));
        }
        // Stored bytes of every shape: the same metadata, or the same failure, as the stock path.
        List<String> stored = List.of("{\"officerId\":\"a\",\"officerId\":\"b\"}", "{\"a\":null}", "null", "[]",
                "\"x\"", "", "{\"a\":\"b\"} x", "{\"a\":\"b\"}{}", "{\"a\":\"\\u00e9\\ud83d\\ude00\"}", "{\"a\":\"1\"}",
                "{\"a\":\"b\",\"n\":1}", "{\"officerId\":", "{\"a\":\"b\"", "\u00ff\u00fe");
        for (String json : stored) {
            SimpleSerializedObject<byte[]> written = new SimpleSerializedObject<>(
                    json.getBytes(StandardCharsets.ISO_8859_1), byte[].class, MetaData.class.getName(), null);

            assertThat(outcome(serializer, written)).as(json).isEqualTo(outcome(stock, written));
        }
    }

    @Test
    void metadata_of_strings_does_not_go_the_stock_way_and_any_other_does() {
        EventSerializer guarded = EventSerializer.of(EventStoreFormat.eventJson().build(),
                new AnnotationRevisionResolver());
        // Registered after Axon's own: this one is found first.
        guarded.getObjectMapper().registerModule(new SimpleModule("stock metadata refused").addDeserializer(
                MetaData.class, new JsonDeserializer<>() {
                    @Override
                    public MetaData deserialize(JsonParser parser, DeserializationContext context) {
                        throw new IllegalStateException("the stock path");
                    }
                }));
        SerializedObject<byte[]> strings = stock.serialize(MetaData.with("officerId", "alice"), byte[].class);
        SerializedObject<byte[]> number = stock.serialize(MetaData.with("attempt", 3), byte[].class);

        assertThat((Object) guarded.deserialize(strings)).isEqualTo(MetaData.with("officerId", "alice"));
        assertThatThrownBy(() -> guarded.deserialize(number)).hasStackTraceContaining("the stock path");
    }

    /** What a serializer makes of stored bytes: the value, or the class of its failure. */
    private static Object outcome(Serializer serializer, SerializedObject<byte[]> stored) {
        try {
            return serializer.deserialize(stored);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

}
