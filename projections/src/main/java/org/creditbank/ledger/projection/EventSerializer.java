package org.creditbank.ledger.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer for the ledger's events and messages, remembering what it looked up: each stored event
 * names its payload's and metadata's classes, and the stock serializer asks the class loader for them (and makes a
 * new reader) every time it reads one — a fifth of the CPU a rebuild spends deserializing. Classes the class loader
 * does not know are not remembered, so a class added later is found.
 */
public final class EventSerializer extends JacksonSerializer {

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
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
