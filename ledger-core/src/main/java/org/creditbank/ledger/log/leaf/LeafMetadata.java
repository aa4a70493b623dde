package org.creditbank.ledger.log.leaf;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.Rfc6962;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The part of an event's metadata that a {@code ledger-leaf/v2} leaf covers: who acted, as whom, for which branch,
 * and the request that caused it. The leaf's {@code metadataSha256} is the SHA-256 of the RFC 8785 canonical JSON of
 * the object of these entries as the event store keeps them, each key only when the event has it; every other
 * metadata key is left out (it is not part of the record of who acted).
 */
public final class LeafMetadata {

    /**
     * The metadata keys a leaf covers, in sorted order: the authenticated principal's OAuth {@code sub}, the kind of
     * principal ({@code OFFICER}, {@code LEARNER}, {@code SYSTEM}, ...), the acting officer, the branch they acted
     * for, and the request's correlation id. Part of the {@code ledger-leaf/v2} format: leaves already written are
     * recomputed with this set, so covering another key takes a new format.
     */
    public static final List<String> KEYS = List.of("branchCode", "correlationId", "officerId", "role", "subject");

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonObject NONE = JSON.createObjectBuilder().build();

    private LeafMetadata() {
    }

    /**
     * The covered entries of an event's metadata as stored (a JSON object; null or empty when it has none), keys in
     * sorted order.
     */
    public static JsonObject covered(String storedMetadataJson) {
        if (storedMetadataJson == null || storedMetadataJson.isEmpty()) {
            return NONE;
        }
        JsonObject stored;
        try {
            stored = LeafEnvelope.parseObject(storedMetadataJson);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the event's metadata is not a JSON object: " + e.getMessage());
        }
        return covered(stored);
    }

    /** The covered entries of a metadata object, keys in sorted order. */
    public static JsonObject covered(Map<String, JsonValue> metadata) {
        JsonObjectBuilder covered = JSON.createObjectBuilder();
        for (String key : KEYS) {
            JsonValue value = metadata.get(key);
            if (value != null) {
                covered.add(key, value);
            }
        }
        return covered.build();
    }

    /**
     * The SHA-256 of the RFC 8785 canonical JSON of covered metadata, refusing any key that is not covered (an
     * archive must not show an entry that no leaf vouches for).
     */
    public static Hash hash(JsonObject covered) {
        for (String key : covered.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("metadata key " + key + " is not one a leaf covers " + KEYS);
            }
        }
        return digest(covered(covered));
    }

    /** The hash a v2 leaf carries for an event whose metadata is stored as {@code storedMetadataJson}. */
    public static Hash hashOfStored(String storedMetadataJson) {
        return digest(covered(storedMetadataJson));
    }

    /** The hash of covered entries already in sorted order. */
    private static Hash digest(JsonObject sorted) {
        String json = sorted.toString();
        boolean canonical = true;
        for (JsonValue value : sorted.values()) {
            canonical &= value instanceof JsonString text && LeafEnvelope.jcsSafe(text.getString());
        }
        // Sorted keys and printable-ASCII strings without quote or backslash: JSON-P writes what RFC 8785 would.
        return Rfc6962.sha256((canonical ? json : LeafEnvelope.canonicalize(json)).getBytes(StandardCharsets.UTF_8));
    }
}
