package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** The identifier of a branch officer: 2 to 64 letters, digits, dots, hyphens or underscores. */
public record OfficerId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    public OfficerId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidField("officerId",
                    "must be 2-64 letters, digits, dots, hyphens or underscores, got "
                            + (value == null ? "nothing" : "\"" + value + "\""));
        }
    }

    /** Parses an officer id supplied as input for the named field. */
    public static OfficerId of(String field, String value) {
        try {
            return new OfficerId(value);
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
