package org.creditbank.ledger.conversion;

/** A network hours rule's id: as a recognition rule's. Its event stream is {@code hours-rule:<id>}. */
public record HoursRuleId(String value) {

    public HoursRuleId {
        value = new RuleId(value).value();
    }

    @Override
    public String toString() {
        return "hours-rule:" + value;
    }
}
