package org.creditbank.ledger.conversion;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** A recognition rule's id, chosen by its author: 3-64 letters, digits or hyphens. Its event stream is {@code rule:<id>}. */
public record RuleId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,63}");

    public RuleId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidField("ruleId", "must be 3-64 letters, digits or hyphens, got "
                    + (value == null ? "nothing" : "\"" + value + "\""));
        }
    }

    /** The rule's event stream. */
    public static String stream(String ruleId) {
        return "rule:" + ruleId;
    }

    @Override
    public String toString() {
        return stream(value);
    }
}
