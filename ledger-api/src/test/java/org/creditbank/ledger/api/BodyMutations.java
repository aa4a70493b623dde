package org.creditbank.ledger.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a valid JSON request body, each with what the API's rules make of it: malformed JSON,
 * huge strings, invalid UTF-8, control characters, deep nesting, out-of-range numbers, wrong types, duplicate and
 * unknown members, an empty or {@code null} body, a body of another media type.
 */
final class BodyMutations {

    /** What the API must answer to a mutated body. */
    enum Expect {
        /** 400: the body breaks the API's rules. */
        REFUSED,
        /** 400, or 413 once the body is over the size the ledger takes. */
        REFUSED_OR_TOO_LARGE,
        /** 415: the path takes JSON only. */
        UNSUPPORTED,
        /** The mutation may still be a valid request (a number read as the text of its digits): 2xx or 4xx. */
        EITHER
    }

    /** One mutated request body. */
    record Mutation(String name, String contentType, byte[] body, Expect expect) {
    }

    static final String JSON = "application/json";
    static final int HUGE = 2 * 1024 * 1024;
    static final int DEEP = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "@@mutation@@";

    /** Byte sequences that are not UTF-8: a lone continuation, overlong, surrogate, too long, beyond U+10FFFF. */
    static final List<String> NOT_UTF8 = List.of("80", "ff", "c0af", "e082ac", "e282", "eda080", "f8888080 80",
            "f4908080");
    private static final List<Character> BIDI = List.of('\u202E', '\u202A', '\u202B', '\u202C', '\u202D', '\u200E',
            '\u200F', '\u061C', '\u2066', '\u2067', '\u2068', '\u2069');
    /** Numbers no field takes: beyond any range, not numbers at all, or with exponents no decimal holds. */
    static final List<String> OUT_OF_RANGE = List.of("1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
            "NaN", "Infinity", "-Infinity", "1e999999999", "-1e999999999", "1e-999999999", "-1e-999999999",
            "1E2147483648", "0x10", "+1", "1" + "0".repeat(2000));

    private final Random random;
    private final List<Mutation> mutations = new ArrayList<>();

    private BodyMutations(long seed) {
        this.random = new Random(seed);
    }

    /** The mutations of a body an operation reads. */
    static List<Mutation> of(ObjectNode valid, long seed) {
        BodyMutations m = new BodyMutations(seed);
        m.wholeBody(write(valid), Expect.REFUSED, Expect.UNSUPPORTED);
        List<List<Object>> paths = new ArrayList<>();
        collect(valid, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            m.field(valid, path);
        }
        m.membersTwiceAndUnknown(valid, new ArrayList<>());
        return m.mutations;
    }

    /** Garbage sent to an operation that reads no body: it must be ignored, never a failure of the ledger. */
    static List<Mutation> garbage(long seed) {
        BodyMutations m = new BodyMutations(seed);
        m.wholeBody("{\"readModel\": \"archive\"}", Expect.EITHER, Expect.EITHER);
        return m.mutations;
    }

    private void wholeBody(String valid, Expect malformed, Expect mediaType) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            int cut = 1 + random.nextInt(bytes.length - 1);
            add("truncated at byte " + cut, valid.substring(0, cut), malformed);
        }
        add("trailing garbage", valid + " x", malformed);
        add("a second document", valid + valid, malformed);
        add("trailing bracket", valid + "]", malformed);
        add("unbalanced: no closing brace", valid.substring(0, valid.length() - 1), malformed);
        add("unbalanced: an extra opening brace", "{" + valid, malformed);
        add("single quotes", valid.replace('"', '\''), malformed);
        add("a comment", "/* fuzz */ " + valid, malformed);
        add("empty body", "", malformed);
        add("null body", "null", malformed);
        for (String other : List.of("\"text\"", "17", "true", "[]")) {
            add("body " + other, other, malformed);
        }
        add("the body inside an array", "[" + valid + "]", malformed);
        add("arrays nested " + DEEP + " deep", "[".repeat(DEEP) + "]".repeat(DEEP), malformed);
        add("objects nested " + DEEP + " deep", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP), malformed);
        add("an unknown member nested " + DEEP + " deep",
                "{\"fuzz\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "," + valid.substring(1), malformed);
        for (String sequence : NOT_UTF8) {
            mutations.add(new Mutation("bytes " + sequence + " before the body", JSON,
                    concat(HexFormat.of().parseHex(sequence.replace(" ", "")), bytes), malformed));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            mutations.add(new Mutation("the body as " + type, type, bytes, mediaType));
        }
        mutations.add(new Mutation("no content type", null, bytes, mediaType));
        add("a " + HUGE / 1024 / 1024 + " MB body", "[" + "1,".repeat(HUGE / 2) + "1]",
                malformed == Expect.EITHER ? Expect.EITHER : Expect.REFUSED_OR_TOO_LARGE);
    }

    private void field(ObjectNode valid, List<Object> path) {
        String name = name(path);
        JsonNode value = at(valid, path);
        if (value.isTextual()) {
            String text = value.asText();
            set(valid, path, NODES.textNode("x".repeat(HUGE)), name + " of " + HUGE / 1024 / 1024 + " MB",
                    Expect.REFUSED_OR_TOO_LARGE);
            for (char control : List.of((char) randomC0(), (char) (0x80 + random.nextInt(32)), '\u202E',
                    BIDI.get(1 + random.nextInt(BIDI.size() - 1)))) {
                set(valid, path, NODES.textNode(inside(text, String.valueOf(control))),
                        String.format("%s with U+%04X inside", name, (int) control), Expect.REFUSED);
            }
            for (String sequence : NOT_UTF8) {
                mutations.add(new Mutation(name + " with bytes " + sequence + " inside", JSON,
                        withBytesInside(valid, path, text, HexFormat.of().parseHex(sequence.replace(" ", ""))),
                        Expect.REFUSED));
            }
            byte[] rawControl = {(byte) randomC0()};
            mutations.add(new Mutation(String.format("%s with an unescaped U+%04X inside", name, rawControl[0]), JSON,
                    withBytesInside(valid, path, text, rawControl), Expect.REFUSED));
        }
        if (value.isNumber()) {
            for (String number : OUT_OF_RANGE) {
                raw(valid, path, number, name + " = " + abbreviated(number), Expect.REFUSED);
            }
        }
        wrongTypes(valid, path, name, value);
        raw(valid, path, "[".repeat(DEEP) + "]".repeat(DEEP), name + " nested " + DEEP + " deep", Expect.REFUSED);
    }

    /**
     * Every other JSON type in place of the value. A number or a boolean where a text belongs is read as its text
     * and then checked like any text, and null leaves an optional field out: those may stay valid.
     */
    private void wrongTypes(ObjectNode valid, List<Object> path, String name, JsonNode value) {
        ObjectNode object = NODES.objectNode().put("fuzz", 1);
        ArrayNode array = NODES.arrayNode().add("fuzz");
        List<JsonNode> others = List.of(NODES.textNode("fuzz"), NODES.numberNode(17), NODES.booleanNode(true),
                object, array, NODES.nullNode());
        for (JsonNode other : others) {
            if (other.getNodeType() == value.getNodeType()) {
                continue;
            }
            boolean readAsText = value.isTextual() && (other.isNumber() || other.isBoolean());
            Expect expect = readAsText || other.isNull() ? Expect.EITHER : Expect.REFUSED;
            set(valid, path, other, name + " as " + other.getNodeType().name().toLowerCase(), expect);
        }
    }

    /** Each member of each object named twice (first with another value), and an unknown member in each object. */
    private void membersTwiceAndUnknown(ObjectNode valid, List<Object> path) {
        ObjectNode object = path.isEmpty() ? valid : (ObjectNode) at(valid, path);
        String where = path.isEmpty() ? "the body" : name(path);
        ObjectNode unknown = object.deepCopy().put("fuzzUnknown", "x");
        raw(valid, path, write(unknown), "an unknown member in " + where, Expect.REFUSED);
        object.fields().forEachRemaining(member -> {
            List<Object> inner = new ArrayList<>(path);
            inner.add(member.getKey());
            String twice = "{" + quoted(member.getKey()) + ":\"first\"," + write(object).substring(1);
            raw(valid, path, twice, name(inner) + " named twice", Expect.REFUSED);
            if (member.getValue() instanceof ObjectNode) {
                membersTwiceAndUnknown(valid, inner);
            }
        });
    }

    // --- the body as a tree ---------------------------------------------------------------------------------------

    /** The valid body with the value at {@code path} (the whole body when empty) written as raw JSON text. */
    private void raw(ObjectNode valid, List<Object> path, String json, String name, Expect expect) {
        mutations.add(new Mutation(name, JSON, marked(valid, path, json.getBytes(StandardCharsets.UTF_8)), expect));
    }

    /** The valid body with the bytes in place of the value at {@code path} (the whole body when empty). */
    private static byte[] marked(ObjectNode valid, List<Object> path, byte[] bytes) {
        if (path.isEmpty()) {
            return bytes;
        }
        ObjectNode copy = valid.deepCopy();
        replace(copy, path, NODES.textNode(MARK));
        return replaceMark(write(copy), ("\"" + MARK + "\"").getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** The path of every member and element, objects and arrays as well as their insides. */
    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        if (!path.isEmpty()) {
            paths.add(path);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                List<Object> inner = new ArrayList<>(path);
                inner.add(member.getKey());
                collect(member.getValue(), inner, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> inner = new ArrayList<>(path);
                inner.add(i);
                collect(node.get(i), inner, paths);
            }
        }
    }

    private void set(ObjectNode valid, List<Object> path, JsonNode value, String name, Expect expect) {
        ObjectNode copy = valid.deepCopy();
        replace(copy, path, value);
        add(name, write(copy), expect);
    }

    private static void replace(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            name.append(step instanceof Integer ? "[" + step + "]" : (name.isEmpty() ? "" : ".") + step);
        }
        return name.toString();
    }

    // --- text and bytes -------------------------------------------------------------------------------------------

    /** A C0 control other than the tab and line feed free text may hold. */
    private int randomC0() {
        int c;
        do {
            c = random.nextInt(32);
        } while (c == '\t' || c == '\n');
        return c;
    }

    /** The text with something between its characters, where stripping the ends cannot take it away. */
    private static String inside(String text, String inserted) {
        return text.length() < 2 ? text + inserted + text : text.substring(0, text.length() / 2) + inserted
                + text.substring(text.length() / 2);
    }

    private static String abbreviated(String number) {
        return number.length() > 24 ? number.substring(0, 4) + "…(" + number.length() + " digits)" : number;
    }

    private static String quoted(String key) {
        return write(NODES.textNode(key));
    }

    /** The valid body with raw bytes in the middle of the text at {@code path}. */
    private static byte[] withBytesInside(ObjectNode valid, List<Object> path, String text, byte[] bytes) {
        ObjectNode copy = valid.deepCopy();
        replace(copy, path, NODES.textNode(inside(text, MARK)));
        return replaceMark(write(copy), MARK.getBytes(StandardCharsets.UTF_8), bytes);
    }

    private static byte[] replaceMark(String json, byte[] mark, byte[] replacement) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(new String(mark, StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(replacement);
        out.write(bytes, at + mark.length, bytes.length - at - mark.length);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }

    private void add(String name, String body, Expect expect) {
        mutations.add(new Mutation(name, JSON, body.getBytes(StandardCharsets.UTF_8), expect));
    }

    static String write(JsonNode node) {
        try {
            return Http.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
