package org.creditbank.ledger.rule;

/** An input value that cannot be accepted, naming the field and the reason. */
public final class InvalidField extends RuleViolation {

    private final String reason;

    public InvalidField(String field, String reason) {
        super(Refusal.INVALID_INPUT, field, field + ": " + reason);
        this.reason = reason;
    }

    /** Why the value was refused, without the field name. */
    @Override
    public String reason() {
        return reason;
    }

    /** The longest text any field takes unless it says otherwise. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    /**
     * Refuses {@code value} for {@code field} when it is null, blank, too long or holds control characters: C0 and
     * C1 controls other than line feed and tab, and bidirectional controls. Every free text of a command passes here.
     */
    public static String requireText(String field, String value) {
        return requireText(field, value, DEFAULT_MAX_LENGTH);
    }

    /** Refuses {@code value} for {@code field} when it is null, blank, longer than {@code max} or holds controls. */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        return checkText(field, value.strip(), max);
    }

    /** An optional text: null when absent or blank, else checked like {@link #requireText(String, String, int)}. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : checkText(field, value.strip(), max);
    }

    private static String checkText(String field, String text, int max) {
        if (text.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new InvalidField(field, "must not contain control characters");
            }
            if (isBidiControl(c)) {
                throw new InvalidField(field, String.format("must not contain bidirectional control characters,"
                        + " got U+%04X at position %d", (int) c, i + 1));
            }
        }
        return text;
    }

    /**
     * The marks, embeddings, overrides and isolates that reorder how text is shown (Unicode's Bidi_Control: U+061C,
     * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069): in a name or a title they make a record read otherwise than it
     * was stored ("Trojan Source"), so free text never takes them.
     */
    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** Refuses {@code value} for {@code field} when it is null. */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }
}
