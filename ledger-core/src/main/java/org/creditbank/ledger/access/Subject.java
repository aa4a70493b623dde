package org.creditbank.ledger.access;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/**
 * The identity provider's stable identifier of a person or system (the {@code sub} claim of its tokens): what an
 * appointment or a learner's sign-in binding ties to an officer id or an account. 1 to 255 visible ASCII
 * characters, as OpenID Connect subjects are.
 */
public record Subject(String value) {

    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7e]{1,255}");

    public Subject {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidField("subject", "must be 1-255 visible ASCII characters (the identity provider's"
                    + " subject identifier), got " + (value == null ? "nothing" : "\"" + value + "\""));
        }
    }

    /** Parses a subject supplied as input for the named field. */
    public static Subject of(String field, String value) {
        try {
            return new Subject(value);
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
