package org.creditbank.ledger.rule;

/** An input value that cannot be accepted, naming the field and the reason. */
public final class InvalidField extends RuleViolation {

    private final String reason;

    public InvalidField(String field, String reason) {
        super(Refusal.INVALID_INPUT, field, field + ": " + reason);
        this.reason = reason;
    }

    /** Why the value was refused, without the field name. */
    public String reason() {
        return reason;
    }

    /** Refuses {@code value} for {@code field} when it is null or blank. */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        return value.strip();
    }

    /** Refuses {@code value} for {@code field} when it is null. */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }
}
