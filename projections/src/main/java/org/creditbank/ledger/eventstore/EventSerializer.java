package org.creditbank.ledger.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer for the ledger's events and messages, remembering what it looked up: each stored event
 * names its payload's and metadata's classes, and the stock serializer asks the class loader for them (and makes a
 * new reader) every time it reads one — a fifth of the CPU a rebuild spends deserializing. Classes the class loader
 * does not know are not remembered, so a class added later is found.
 *
 * <p>Metadata whose values are all strings — all the ledger writes: the acting officer, branch and correlation id — is
 * read straight off Jackson's parser into the same {@link MetaData} the stock path makes (which finds a deserializer,
 * binds an untyped map and copies it: a third of what a rebuild spends deserializing events). Any other metadata goes
 * the stock way.
 */
public final class EventSerializer extends JacksonSerializer {

    private static final String METADATA = MetaData.class.getName();

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private EventSerializer(Builder builder) {
        super(builder);
    }

    /** The serializer over {@code json} (see {@link EventStoreFormat#eventJson()}), with Axon's revision resolver. */
    public static EventSerializer of(ObjectMapper json, RevisionResolver revisions) {
        return new EventSerializer(JacksonSerializer.builder().objectMapper(json).revisionResolver(revisions));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        String name = resolveClassName(type);
        Class<?> known = classes.get(name);
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(name, found);
        }
        return found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        if (METADATA.equals(serialized.getType().getName()) && serialized.getData() instanceof byte[] json) {
            MetaData flat = flat(json);
            if (flat != null) {
                return (T) flat;
            }
        }
        return super.deserialize(serialized);
    }

    /** Metadata of string values only, as one JSON object; null for anything else (left to the stock path). */
    private MetaData flat(byte[] json) {
        try (JsonParser parser = getObjectMapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> entries = new HashMap<>();
            JsonToken token = parser.nextToken();
            for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                entries.put(name, parser.getText());
            }
            return token == JsonToken.END_OBJECT && parser.nextToken() == null ? MetaData.from(entries) : null;
        } catch (IOException e) {
            return null; // malformed: the stock path reports it as it always has
        }
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
