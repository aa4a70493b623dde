package org.creditbank.ledger.group;

import org.creditbank.ledger.conversion.RuleId;

/** A learning group's id: 3-64 letters, digits or hyphens. Its event stream is {@code group:<id>}. */
public record GroupId(String value) {

    public GroupId {
        value = new RuleId(value).value();
    }

    @Override
    public String toString() {
        return "group:" + value;
    }
}
