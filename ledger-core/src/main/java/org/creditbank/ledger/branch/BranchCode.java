package org.creditbank.ledger.branch;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** The code a branch is known by: 2 to 32 upper-case letters, digits and hyphens, starting with a letter or digit. */
public record BranchCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    public BranchCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidField("branchCode",
                    "must be 2-32 upper-case letters, digits or hyphens, got " + (value == null ? "nothing" : "\"" + value + "\""));
        }
    }

    /** Parses a code supplied as input for the named field. */
    public static BranchCode of(String field, String value) {
        try {
            return new BranchCode(value);
        } catch (InvalidField e) {
            throw new InvalidField(field, e.reason());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
