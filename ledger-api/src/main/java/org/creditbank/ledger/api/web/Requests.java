package org.creditbank.ledger.api.web;

import org.creditbank.ledger.rule.InvalidField;

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
}
