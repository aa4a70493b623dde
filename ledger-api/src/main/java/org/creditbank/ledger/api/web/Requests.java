package org.creditbank.ledger.api.web;

import org.creditbank.ledger.rule.InvalidField;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Turning request text into domain values, refusing with the field's name. */
public final class Requests {

    private Requests() {
    }

    /** The enum constant named by {@code value} (case-insensitive, hyphens allowed for underscores). */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got \"" + value + "\"");
        }
    }

    /** The largest page a list answers. */
    public static final int MAX_LIMIT = 500;

    /** Refuses an offset below 0 or a limit outside 1 to {@value #MAX_LIMIT}. */
    public static void requirePage(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidField("offset", "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
    }

    /** An ISO-8601 date, or null when absent and optional. */
    public static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date like 2025-06-30, got \"" + value + "\"");
        }
    }

    /** An ISO-8601 instant, or null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an instant like 2026-05-01T08:00:00Z, got \"" + value + "\"");
        }
    }

    /** A decimal number written as text (a file's cell), or null when absent. */
    public static java.math.BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a decimal number like 2.5, got \"" + value + "\"");
        }
    }

    /** A whole number written as text (a file's cell), or null when absent. */
    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number, got \"" + value + "\"");
        }
    }
}
