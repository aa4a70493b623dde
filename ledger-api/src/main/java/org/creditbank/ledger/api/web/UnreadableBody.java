package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a request body could not be read, in the API's words: the JSON path of the field ({@code credits.amount}, or
 * {@code body} for the body as a whole) and the reason. Never a Java type, a library switch or a parser's message:
 * those describe the ledger's insides, not the request.
 */
record UnreadableBody(String field, String reason) {

    /** The field named when the body as a whole is at fault. */
    static final String BODY = "body";

    /** What the body is, in a detail: "the request body" or the field's path. */
    String subject() {
        return BODY.equals(field) ? "the request body" : field;
    }

    /** Reads the failure from the causes of an unreadable body (Jackson's exceptions, or none when it is absent). */
    static UnreadableBody of(Throwable failure) {
        JsonMappingException located = null;
        JsonProcessingException innermost = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (located == null && t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                located = mapping;
            }
            if (t instanceof JsonProcessingException json) {
                innermost = json;
            }
        }
        if (RequestJson.notUtf8(failure)) {
            return new UnreadableBody(BODY, "is not valid UTF-8");
        }
        if (innermost == null) {
            return new UnreadableBody(BODY, "is missing or unreadable");
        }
        String field = located == null ? BODY : within(path(located), innermost);
        return new UnreadableBody(field, reason(innermost));
    }

    /**
     * A value that is not JSON at all (NaN, say) inside a field: the parser knows the member it was reading, deeper
     * than the field the reading of records stopped at ({@code credits.amount}, not {@code credits}).
     */
    private static String within(String field, JsonProcessingException failure) {
        JsonParser parser = failure instanceof StreamReadException read ? read.getProcessor() : null;
        if (parser != null && parser.getParsingContext() != null) {
            String reading = path(parser.getParsingContext().pathAsPointer());
            return reading.startsWith(field) ? reading : field;
        }
        return field;
    }

    private static String reason(JsonProcessingException failure) {
        if (failure instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (failure instanceof InvalidNullException) {
            return "must not be null";
        }
        if (failure instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "must be " + expected(target) + ", got " + shown(format.getValue());
        }
        if (failure instanceof InputCoercionException coercion) {
            return "must be " + expected(coercion.getTargetType()) + " within its range";
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        if (failure instanceof JsonMappingException) {
            return "has a value the ledger cannot take";
        }
        return "is not valid JSON" + at(failure.getLocation());
    }

    /** What a field of this type must be, in words a client understands. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date like 2025-06-30";
        }
        if (type == Instant.class) {
            return "an instant like 2026-05-01T08:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another type";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
