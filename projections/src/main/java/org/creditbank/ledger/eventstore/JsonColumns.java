package org.creditbank.ledger.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values a read model keeps in one column as JSON (rules' and qualifications' terms), written as events carry them and
 * read back.
 */
public final class JsonColumns {

    /** As events are written (dates as ISO strings, exact decimals), reading what a later version may add. */
    private static final ObjectMapper JSON = EventStoreFormat.eventJson()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private JsonColumns() {
    }

    /** The value as JSON. */
    public static String json(Object terms) {
        try {
            return JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value could not be written as JSON", e);
        }
    }

    /** The value of a JSON column. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column could not be read: " + e.getOriginalMessage(),
                    e);
        }
    }
}
