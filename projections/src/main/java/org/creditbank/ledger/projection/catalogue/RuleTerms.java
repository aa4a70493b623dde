package org.creditbank.ledger.projection.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.eventstore.EventStoreFormat;

/** The terms of rules and qualifications as the catalogue keeps them: JSON, as their events carry them. */
final class RuleTerms {

    /** As events are written (dates as ISO strings, exact decimals), reading what a later version may add. */
    private static final ObjectMapper JSON = EventStoreFormat.eventJson()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RuleTerms() {
    }

    static String json(Object terms) {
        try {
            return JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule terms could not be written as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule terms in the catalogue could not be read: " + e.getOriginalMessage(),
                    e);
        }
    }
}
