package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

/** A result under a grading scheme, e.g. scheme {@code PERCENT} value {@code 87}, or {@code PASS_FAIL} {@code PASS}. */
public record Result(String scheme, String value) {

    public Result {
        scheme = InvalidField.requireText("result.scheme", scheme, 64);
        value = InvalidField.requireText("result.value", value, 64);
    }
}
