package org.creditbank.ledger.log.leaf;

import org.creditbank.ledger.log.Hash;
import org.creditbank.ledger.log.Rfc6962;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What one leaf of the log says about one event. The leaf data is the RFC 8785 (JCS) canonical JSON of
 *
 * <pre>
 * { "aggregateId": "...", "eventId": "...", "eventType": "...", "format": "ledger-leaf/v2",
 *   "metadataSha256": "&lt;base64 SHA-256 of the canonical covered metadata, see LeafMetadata&gt;",
 *   "payloadSha256": "&lt;base64 SHA-256 of the canonical payload&gt;",
 *   "previousLeafHash": "&lt;base64 leaf hash of the aggregate's previous event&gt;" or null,
 *   "recordedAt": "&lt;the event's recorded time, ISO-8601&gt;", "sequenceNumber": n }
 * </pre>
 *
 * <p>{@code previousLeafHash} chains every aggregate's events (one learner's history) so that none can be dropped
 * or reordered unseen. The payload hash covers the payload as stored — personal data sealed — so erasing a
 * learner's key never breaks the log; the metadata hash covers who acted ({@link LeafMetadata}). Leaves of the
 * earlier format {@code ledger-leaf/v1}, the same without {@code metadataSha256}, stay in the log and still verify:
 * a {@code null} {@code metadataSha256} is such a leaf.
 */
public record LeafEnvelope(String eventId, String aggregateId, long sequenceNumber, String eventType,
                           String recordedAt, Hash previousLeafHash, Hash payloadSha256, Hash metadataSha256) {

    /** The first format: the metadata is not covered. */
    public static final String FORMAT_V1 = "ledger-leaf/v1";
    /** The format of leaves the ledger writes: covers the event's metadata of who acted too. */
    public static final String FORMAT_V2 = "ledger-leaf/v2";

    private static final Set<String> KEYS_V1 = Set.of("aggregateId", "eventId", "eventType", "format",
            "payloadSha256", "previousLeafHash", "recordedAt", "sequenceNumber");
    private static final Set<String> KEYS_V2 = Set.of("aggregateId", "eventId", "eventType", "format",
            "metadataSha256", "payloadSha256", "previousLeafHash", "recordedAt", "sequenceNumber");
    private static final long MAX_EXACT_INTEGER = (1L << 53) - 1;
    /** Looked up once: {@code Json.create…} would search the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public LeafEnvelope {
        requireText("eventId", eventId);
        requireText("aggregateId", aggregateId);
        requireText("eventType", eventType);
        requireText("recordedAt", recordedAt);
        if (sequenceNumber < 0 || sequenceNumber > MAX_EXACT_INTEGER) {
            throw new IllegalArgumentException("sequenceNumber must be 0 to 2^53-1");
        }
        if (payloadSha256 == null) {
            throw new IllegalArgumentException("payloadSha256 is required");
        }
    }

    /** {@link #FORMAT_V2}, or {@link #FORMAT_V1} for a leaf without a metadata hash. */
    public String format() {
        return metadataSha256 == null ? FORMAT_V1 : FORMAT_V2;
    }

    /** The leaf data: the canonical JSON text. */
    public String canonicalJson() {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("aggregateId", aggregateId)
                .add("eventId", eventId)
                .add("eventType", eventType)
                .add("format", format());
        if (metadataSha256 != null) {
            object.add("metadataSha256", metadataSha256.base64());
        }
        object.add("payloadSha256", payloadSha256.base64());
        if (previousLeafHash == null) {
            object.addNull("previousLeafHash");
        } else {
            object.add("previousLeafHash", previousLeafHash.base64());
        }
        object.add("recordedAt", recordedAt).add("sequenceNumber", sequenceNumber);
        String json = object.build().toString();
        // Keys are added in sorted order and the sequence number is an exact integer, so when every string is
        // printable ASCII without quote or backslash (which JCS and JSON-P write alike, unescaped; base64 hashes
        // always are) the text is already canonical; anything else goes through the RFC 8785 canonicalizer.
        return jcsSafe(aggregateId) && jcsSafe(eventId) && jcsSafe(eventType) && jcsSafe(recordedAt)
                ? json : canonicalize(json);
    }

    /** Whether JSON-P writes {@code value} as RFC 8785 does: printable ASCII without quote or backslash. */
    static boolean jcsSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The leaf data as bytes (UTF-8). */
    public byte[] leafData() {
        return canonicalJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The RFC 6962 leaf hash of this leaf. */
    public Hash leafHash() {
        return Rfc6962.leafHash(leafData());
    }

    /** The SHA-256 of a payload's canonical JSON. */
    public static Hash payloadHash(String payloadJson) {
        try {
            return Rfc6962.sha256(new JsonCanonicalizer(payloadJson).getEncodedUTF8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }

    /** RFC 8785 canonical form of a JSON text. */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
    }

    /**
     * Reads leaf data of either format (by its {@code format} field), refusing anything that is not exactly a
     * canonical leaf of that format.
     */
    public static LeafEnvelope parse(String leafJson) {
        if (!canonicalize(leafJson).equals(leafJson)) {
            throw new IllegalArgumentException("the leaf is not in RFC 8785 canonical form");
        }
        JsonObject object = parseObject(leafJson);
        String format = object.containsKey("format") && object.get("format") instanceof JsonString text
                ? text.getString() : null;
        Set<String> keys = switch (format == null ? "" : format) {
            case FORMAT_V1 -> KEYS_V1;
            case FORMAT_V2 -> KEYS_V2;
            default -> throw new IllegalArgumentException("unknown leaf format " + format);
        };
        if (!object.keySet().equals(keys)) {
            throw new IllegalArgumentException("the " + format + " leaf has fields " + object.keySet()
                    + ", expected " + keys);
        }
        JsonValue previous = object.get("previousLeafHash");
        return new LeafEnvelope(object.getString("eventId"), object.getString("aggregateId"),
                object.getJsonNumber("sequenceNumber").longValueExact(), object.getString("eventType"),
                object.getString("recordedAt"),
                previous.getValueType() == JsonValue.ValueType.NULL ? null
                        : Hash.fromBase64(object.getString("previousLeafHash")),
                Hash.fromBase64(object.getString("payloadSha256")),
                keys == KEYS_V2 ? Hash.fromBase64(object.getString("metadataSha256")) : null);
    }

    /** Parses a JSON object (for verifiers and the archive). */
    public static JsonObject parseObject(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
